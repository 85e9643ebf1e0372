namespace Kb.Parser;

/// <summary>Diagnostic codes, grouped per stage.</summary>
public static class DiagnosticCodes
{
    /// <summary>Codes reported by the parser.</summary>
    public static class Parser
    {
        /// <summary>The file is empty.</summary>
        public const string EmptyFile = "KBP001";
        /// <summary>The file has no YAML front matter.</summary>
        public const string NoFrontMatter = "KBP002";
        /// <summary>The front matter is not valid YAML.</summary>
        public const string InvalidFrontMatter = "KBP003";
        /// <summary>No title heading follows the front matter.</summary>
        public const string NoTitleHeading = "KBP004";
        /// <summary>The KB header block (Product(s), Last Modified...) is missing.</summary>
        public const string NoHeaderBlock = "KBP005";
        /// <summary>The bytes are not valid UTF-8 (read as Windows-1252 instead).</summary>
        public const string InvalidUtf8 = "KBP006";
        /// <summary>NUL characters were removed from the text.</summary>
        public const string NulBytes = "KBP007";
        /// <summary>A body line longer than the long-line limit (reported; the line is still parsed).</summary>
        public const string LongLine = "KBP008";
        /// <summary>A header field the parser does not know.</summary>
        public const string UnknownHeaderField = "KBP009";
        /// <summary>The Last Modified date cannot be read.</summary>
        public const string UnreadableDate = "KBP010";
        /// <summary>The article number in the title or permalink differs from the id.</summary>
        public const string IdMismatch = "KBP011";
        /// <summary>No article number was found.</summary>
        public const string NoId = "KBP012";
        /// <summary>A <c>{% raw %}</c> with no closing <c>{% endraw %}</c>.</summary>
        public const string UnclosedRawGuard = "KBP013";
        /// <summary>The article has no body text.</summary>
        public const string NoBody = "KBP014";
        /// <summary>Reserved for hexadecimal placeholders in the text; not reported by this version.</summary>
        public const string HexPlaceholder = "KBP015";
        /// <summary>The trailing metadata block has no closing rule.</summary>
        public const string UnclosedMetadata = "KBP016";
        /// <summary>Nesting deeper than the parser follows; the deeper text is kept as preformatted.</summary>
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
