namespace Kb.Site.Catalog;

/// <summary>
/// What the build keeps of one article between reading and rendering: enough for listings,
/// links, backlinks, search results and change detection, never the article text.
/// </summary>
public sealed class ArticleEntry
{
    /// <summary>Position in source order; the article's search document number.</summary>
    public required int Index { get; set; }

    /// <summary>Position of the file among all source files (including unreadable ones); finds it again for rendering.</summary>
    public int FileNumber { get; init; }
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string SourcePath { get; init; }

    /// <summary>Site path without the base URL, e.g. <c>kb/199/Q199250/</c>.</summary>
    public required string Url { get; set; }

    /// <summary>Output-relative file, e.g. <c>kb/199/Q199250/index.html</c>.</summary>
    public required string File { get; set; }

    /// <summary>Product family names (the listings the article appears in); from the record, else the archive's id/ listings.</summary>
    public IReadOnlyList<string> Products { get; set; } = [];

    /// <summary>The record's product families with their versions.</summary>
    public IReadOnlyList<Kb.Parser.Model.ProductFamily> Families { get; set; } = [];
    public string? LastModified { get; init; }
    public string Kind { get; init; } = "";

    /// <summary>Ids of the articles this one references, in order.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Short text shown under the title in search results.</summary>
    public string Excerpt { get; init; } = "";

    /// <summary>The upgrades the article's head speaks about (null for most articles), and the guides it is listed in.</summary>
    public Kb.Parser.Upgrades.UpgradeArticle? Upgrade { get; init; }
    public IReadOnlyList<Views.GuideLink> Guides { get; set; } = [];

    /// <summary>Hash of the source file's bytes.</summary>
    public required string SourceHash { get; init; }

    /// <summary>False when the article is not rendered (no id, duplicate id or unusable path).</summary>
    public bool Rendered { get; set; } = true;
}
