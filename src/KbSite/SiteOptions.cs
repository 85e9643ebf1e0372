namespace Kb.Site;

/// <summary>What <see cref="KbSiteBuilder"/> builds: source articles, output folder, links and theme.</summary>
public sealed record SiteOptions
{
    /// <summary>Article folder, file or <c>.tar.gz</c>/<c>.zip</c> archive.</summary>
    public required string Source { get; init; }

    /// <summary>Further sources built into the same site (their articles join the first source's).</summary>
    public IReadOnlyList<string> ExtraSources { get; init; } = [];

    /// <summary>The folder the site is written to (replaced only when it is a previous kb output).</summary>
    public string OutputDir { get; init; } = "_site";

    /// <summary>Prefix of every link, always with a leading and trailing slash (<c>/</c>, <c>/archive/</c>).</summary>
    public string BaseUrl { get; init; } = "/";

    /// <summary>A folder whose files replace the default theme's files of the same name.</summary>
    public string? ThemeDir { get; init; }

    /// <summary>The site's title.</summary>
    public string Title { get; init; } = "KnowledgeBase Archive";

    /// <summary>Origin written before paths in sitemap.xml and the OpenSearch description (<c>https://example.org</c>); empty for none.</summary>
    public string SiteUrl { get; init; } = "";

    /// <summary>Reuse pages of the previous build whose inputs did not change.</summary>
    public bool Incremental { get; init; } = true;

    /// <summary>Most articles rendered at once.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Fail on undefined variables and unknown filters in templates (tests and theme authors).</summary>
    public bool StrictTemplates { get; init; }

    /// <summary>Articles per product listing page.</summary>
    public int ListingPageSize { get; init; } = 100;

    /// <summary>The base URL normalised to <c>/x/y/</c>.</summary>
    public string NormalizedBaseUrl
    {
        get
        {
            var b = (BaseUrl ?? "/").Trim();
            if (!b.StartsWith('/'))
            {
                b = "/" + b;
            }

            return b.EndsWith('/') ? b : b + "/";
        }
    }
}
