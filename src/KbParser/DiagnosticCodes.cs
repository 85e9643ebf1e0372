namespace Kb.Parser;

/// <summary>Diagnostic codes, grouped per stage.</summary>
public static class DiagnosticCodes
{
    /// <summary>Codes reported by the parser.</summary>
    public static class Parser
    {
        public const string EmptyFile = "KBP001";
        public const string NoFrontMatter = "KBP002";
        public const string InvalidFrontMatter = "KBP003";
        public const string NoTitleHeading = "KBP004";
        public const string NoHeaderBlock = "KBP005";
        public const string InvalidUtf8 = "KBP006";
        public const string NulBytes = "KBP007";
        public const string LongLine = "KBP008";
        public const string UnknownHeaderField = "KBP009";
        public const string UnreadableDate = "KBP010";
        public const string IdMismatch = "KBP011";
        public const string NoId = "KBP012";
        public const string UnclosedRawGuard = "KBP013";
        public const string NoBody = "KBP014";
        public const string HexPlaceholder = "KBP015";
        public const string UnclosedMetadata = "KBP016";
        public const string DepthLimit = "KBP017";
    }
}
