namespace Kb.Site.Views;

/// <summary>The <c>site</c> variable of every template.</summary>
public sealed class SiteView
{
    public required string Title { get; init; }
    public required string BaseUrl { get; init; }

    /// <summary>Absolute origin for sitemap and OpenSearch (<c>https://example.org</c>), or empty.</summary>
    public string SiteUrl { get; init; } = "";
    public int ArticleCount { get; set; }

    /// <summary>Asset URLs without the base: CSS and scripts, with a content hash for caching.</summary>
    public IReadOnlyDictionary<string, string> Assets { get; set; } = new Dictionary<string, string>();
}

/// <summary>The <c>page</c> variable: what the layout needs to know about the page inside it.</summary>
public sealed class PageView
{
    public required string Title { get; init; }

    /// <summary>Site path without the base URL (<c>kb/199/Q199250/</c>; empty for home).</summary>
    public required string Url { get; init; }

    /// <summary>home | article | listing | search | notfound.</summary>
    public required string Kind { get; init; }
    public string Description { get; init; } = "";
}

/// <summary>A link to an article.</summary>
public sealed class ArticleLink
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>Site path, or empty when the article is not in the corpus (rendered as plain text).</summary>
    public string Url { get; init; } = "";

    /// <summary>ISO date, or empty. Template values are never null, so strict templates can test them.</summary>
    public string LastModified { get; init; } = "";
}

/// <summary>A link to a product listing.</summary>
public sealed class ProductLink
{
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required string Url { get; init; }
    public required int Count { get; init; }
}

/// <summary>One page number of a paged listing.</summary>
public sealed class PageLink
{
    public required int Number { get; init; }
    public required string Url { get; init; }
    public required bool Current { get; init; }
}

/// <summary>The home page: products with counts and recently modified articles.</summary>
public sealed class HomeView
{
    public required IReadOnlyList<ProductLink> Products { get; init; }
    public required IReadOnlyList<ArticleLink> Recent { get; init; }
}

/// <summary>One page of a product's article listing.</summary>
public sealed class ListingView
{
    public required string Product { get; init; }
    public required int Count { get; init; }
    public required int Page { get; init; }
    public required int PageCount { get; init; }
    public required IReadOnlyList<ArticleLink> Articles { get; init; }
    public required IReadOnlyList<PageLink> Pages { get; init; }
    public string PreviousUrl { get; init; } = "";
    public string NextUrl { get; init; } = "";
}

/// <summary>The search page: the product filter's choices.</summary>
public sealed class SearchView
{
    public required IReadOnlyList<ProductLink> Products { get; init; }
}

/// <summary>The sitemap: every page's site path and last modification.</summary>
public sealed class SitemapView
{
    public required IReadOnlyList<SitemapEntry> Entries { get; init; }
}

/// <summary>One sitemap URL.</summary>
public sealed class SitemapEntry
{
    public required string Url { get; init; }
    public string LastModified { get; init; } = "";
}
