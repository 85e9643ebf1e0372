namespace Kb.Site;

/// <summary>What a build did: counts, sizes, time and findings.</summary>
public sealed record SiteBuildResult
{
    public int Articles { get; init; }
    public int Pages { get; init; }
    public int PagesRendered { get; init; }
    public int PagesReused { get; init; }

    /// <summary>Articles parsed by this build (the others' records were read back from the record store).</summary>
    public int ArticlesParsed { get; init; }

    /// <summary>True when nothing changed since the previous build: the output was left as it was, nothing written.</summary>
    public bool UpToDate { get; init; }
    public int Files { get; init; }
    public long Bytes { get; init; }
    public TimeSpan Elapsed { get; init; }
    public IReadOnlyList<SiteDiagnostic> Diagnostics { get; init; } = [];
    public Search.SearchExportStats? Search { get; init; }

    /// <summary>Article ids whose pages were rendered (not reused) in this build, in source order.</summary>
    public IReadOnlyList<string> RenderedArticles { get; init; } = [];
}

/// <summary>Progress of a build phase.</summary>
public sealed record SiteProgress(string Phase, int Done, int Total);

/// <summary>A build that cannot complete; the previous output is left as it was.</summary>
public sealed class SiteBuildException : Exception
{
    public SiteBuildException(string message) : base(message)
    {
    }

    public SiteBuildException()
    {
    }

    public SiteBuildException(string message, Exception inner) : base(message, inner)
    {
    }
}
