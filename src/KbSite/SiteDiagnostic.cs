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
    /// <summary>An article could not be read or parsed.</summary>
    public const string ParseError = "KBS001";
    /// <summary>A permalink that would leave the site or overwrite its own pages.</summary>
    public const string UnsafePermalink = "KBS002";
    /// <summary>Two articles claim the same permalink.</summary>
    public const string DuplicatePermalink = "KBS003";
    /// <summary>Two articles have the same number.</summary>
    public const string DuplicateId = "KBS004";
    /// <summary>An article without a number.</summary>
    public const string NoId = "KBS005";
    /// <summary>A page failed to render.</summary>
    public const string RenderError = "KBS006";
    /// <summary>sitemap.xml and the OpenSearch description get relative URLs: no --site-url was given.</summary>
    public const string RelativeUrls = "KBS007";
}
