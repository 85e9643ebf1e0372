namespace Kb.Site.Catalog;

/// <summary>
/// What the build keeps of one article between reading and rendering: enough for listings,
/// links, backlinks, search results and change detection, never the article text. Made from the
/// article's record; kept in the build state so the next build need not read the article again.
/// </summary>
public sealed class ArticleEntry
{
    /// <summary>Position in source order; the article's search document number.</summary>
    public required int Index { get; set; }

    /// <summary>The key of the article's record in the record store: unique per source file.</summary>
    public string Key { get; init; } = "";

    /// <summary>The source file's stamp when it was last read (size and modification time), or empty.</summary>
    public string Stamp { get; init; } = "";

    /// <summary>The article number.</summary>
    public required string Id { get; init; }
    /// <summary>The article's title.</summary>
    public required string Title { get; init; }
    /// <summary>Where the article was read from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Site path without the base URL, e.g. <c>kb/199/Q199250/</c>.</summary>
    public required string Url { get; set; }

    /// <summary>Output-relative file, e.g. <c>kb/199/Q199250/index.html</c>.</summary>
    public required string File { get; set; }

    /// <summary>Product family names (the listings the article appears in); from the record, else the archive's id/ listings.</summary>
    public IReadOnlyList<string> Products { get; set; } = [];

    /// <summary>The record's product families with their versions.</summary>
    public IReadOnlyList<Kb.Parser.Model.ProductFamily> Families { get; set; } = [];

    /// <summary>ISO date of last modification, or null.</summary>
    public string? LastModified { get; init; }
    /// <summary>The article's kind.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Ids of the articles this one references, in order.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Short text shown under the title in search results.</summary>
    public string Excerpt { get; init; } = "";

    /// <summary>The upgrades the article's head speaks about (null for most articles), and the guides it is listed in.</summary>
    public Kb.Parser.Upgrades.UpgradeArticle? Upgrade { get; init; }
    /// <summary>The upgrade guides that list this article (set when the guides are prepared).</summary>
    public IReadOnlyList<Views.GuideLink> Guides { get; set; } = [];

    /// <summary>Hash of the source file's bytes.</summary>
    public required string SourceHash { get; init; }

    /// <summary>False when the article is not rendered (no id, duplicate id or unusable path).</summary>
    public bool Rendered { get; set; } = true;

    /// <summary>False when the article itself cannot be rendered (no id or unusable path); duplicates are decided later.</summary>
    public bool Renderable { get; init; } = true;

    /// <summary>What reading the article found wrong (reported again by every build that keeps it).</summary>
    public SiteDiagnostic? Problem { get; init; }

    /// <summary>A copy for a new build, with a new stamp (<see cref="Index"/> and <see cref="Rendered"/> are set again by the build).</summary>
    public ArticleEntry WithStamp(string stamp) => new()
    {
        Index = Index,
        Key = Key,
        Stamp = stamp,
        Id = Id,
        Title = Title,
        SourcePath = SourcePath,
        Url = Url,
        File = File,
        Products = Products,
        Families = Families,
        Upgrade = Upgrade,
        LastModified = LastModified,
        Kind = Kind,
        References = References,
        Excerpt = Excerpt,
        SourceHash = SourceHash,
        Rendered = Renderable,
        Renderable = Renderable,
        Problem = Problem,
    };
}
