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

    /// <summary>The article's products.</summary>
    public IReadOnlyList<string> Products { get; init; } = [];
    /// <summary>ISO date of last modification, or null.</summary>
    public string? LastModified { get; init; }
    /// <summary>The article's kind.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Ids of the articles this one references, in order.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Short text shown under the title in search results.</summary>
    public string Excerpt { get; init; } = "";

    /// <summary>Hash of the source file's bytes.</summary>
    public required string SourceHash { get; init; }

    /// <summary>False when the article is not rendered (no id, duplicate id or unusable path).</summary>
    public bool Rendered { get; set; } = true;
}
