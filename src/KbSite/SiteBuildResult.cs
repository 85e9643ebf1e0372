namespace Kb.Site;

/// <summary>What a build did: counts, sizes, time and findings.</summary>
public sealed record SiteBuildResult
{
    /// <summary>Articles in the site.</summary>
    public int Articles { get; init; }
    /// <summary>HTML pages in the site.</summary>
    public int Pages { get; init; }
    /// <summary>Pages rendered by this build.</summary>
    public int PagesRendered { get; init; }
    /// <summary>Pages reused unchanged from the previous build.</summary>
    public int PagesReused { get; init; }

    /// <summary>Articles parsed by this build (the others' records were read back from the record store).</summary>
    public int ArticlesParsed { get; init; }

    /// <summary>True when nothing changed since the previous build: the output was left as it was, nothing written.</summary>
    public bool UpToDate { get; init; }
    /// <summary>Files in the site.</summary>
    public int Files { get; init; }
    /// <summary>Total size of the site's files.</summary>
    public long Bytes { get; init; }
    /// <summary>Wall time of the build.</summary>
    public TimeSpan Elapsed { get; init; }
    /// <summary>Findings about the input (articles skipped, permalinks refused...).</summary>
    public IReadOnlyList<SiteDiagnostic> Diagnostics { get; init; } = [];
    /// <summary>What the search export wrote, or null when it was not built.</summary>
    public Search.SearchExportStats? Search { get; init; }

    /// <summary>Article ids whose pages were rendered (not reused) in this build, in source order.</summary>
    public IReadOnlyList<string> RenderedArticles { get; init; } = [];
}

/// <summary>Progress of a build phase.</summary>
public sealed record SiteProgress(string Phase, int Done, int Total);

/// <summary>A build that cannot complete; the previous output is left as it was.</summary>
public sealed class SiteBuildException : Exception
{
    /// <summary>An exception with a message for the user.</summary>
    public SiteBuildException(string message) : base(message)
    {
    }

    /// <summary>An exception with no message.</summary>
    public SiteBuildException()
    {
    }

    /// <summary>An exception with a message and the exception that caused it.</summary>
    public SiteBuildException(string message, Exception inner) : base(message, inner)
    {
    }
}
