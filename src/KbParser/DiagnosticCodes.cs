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

        // The original (non-Markdown) forms: docs/formats.md. Numbered from 101 to stay clear of the codes above.
        /// <summary>The text ends before the article does (a cut or partial copy).</summary>
        public const string EndsEarly = "KBP101";
        /// <summary>A header line of an original form that is missing, or one the form does not have.</summary>
        public const string FormHeader = "KBP102";
        /// <summary>The article number was read from the file's path, not from its text.</summary>
        public const string IdFromPath = "KBP103";
        /// <summary>The form has no title line.</summary>
        public const string NoTitle = "KBP104";
        /// <summary>Whitespace of the text was flattened (line breaks lost); the lines were rebuilt from the rules and underlines.</summary>
        public const string Flattened = "KBP105";

        // Merging several sources: docs/formats.md.
        /// <summary>Another source holds the same article under a different title.</summary>
        public const string TitleConflict = "KBP120";
    }
}
