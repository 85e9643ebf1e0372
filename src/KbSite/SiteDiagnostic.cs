namespace Kb.Site;

/// <summary>A build finding: a code, the article or page it concerns, and a message.</summary>
public sealed record SiteDiagnostic(string Code, string Subject, string Message)
{
    /// <summary>One line: the subject (a path) with control characters escaped, the message's line breaks folded.</summary>
    public override string ToString() => $"{Code} {Kb.Parser.Corpus.SourcePaths.Show(Subject)}: {Message.ReplaceLineEndings(" ")}";
}

/// <summary>Codes reported by the site stage.</summary>
public static class SiteDiagnosticCodes
{
    public const string ParseError = "KBS001";
    public const string UnsafePermalink = "KBS002";
    public const string DuplicatePermalink = "KBS003";
    public const string DuplicateId = "KBS004";
    public const string NoId = "KBS005";
    public const string RenderError = "KBS006";
    public const string RelativeUrls = "KBS007";
}
