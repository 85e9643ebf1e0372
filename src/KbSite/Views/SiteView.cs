namespace Kb.Site.Views;

/// <summary>The <c>site</c> variable of every template.</summary>
public sealed class SiteView
{
    /// <summary>The site's title.</summary>
    public required string Title { get; init; }
    /// <summary>The path every link starts with (<c>/</c>, <c>/archive/</c>).</summary>
    public required string BaseUrl { get; init; }

    /// <summary>Absolute origin for sitemap and OpenSearch (<c>https://example.org</c>), or empty.</summary>
    public string SiteUrl { get; init; } = "";
    /// <summary>Articles in the site.</summary>
    public int ArticleCount { get; set; }

    /// <summary>Asset URLs without the base: CSS and scripts, with a content hash for caching.</summary>
    public IReadOnlyDictionary<string, string> Assets { get; set; } = new Dictionary<string, string>();
}

/// <summary>The <c>page</c> variable: what the layout needs to know about the page inside it.</summary>
public sealed class PageView
{
    /// <summary>The page's title.</summary>
    public required string Title { get; init; }

    /// <summary>Site path without the base URL (<c>kb/199/Q199250/</c>; empty for home).</summary>
    public required string Url { get; init; }

    /// <summary>home | article | listing | search | notfound.</summary>
    public required string Kind { get; init; }
    /// <summary>The page's meta description, or empty.</summary>
    public string Description { get; init; } = "";
}

/// <summary>A link to an article.</summary>
public sealed class ArticleLink
{
    /// <summary>The article number.</summary>
    public required string Id { get; init; }
    /// <summary>The article's title.</summary>
    public required string Title { get; init; }

    /// <summary>Site path, or empty when the article is not in the corpus (rendered as plain text).</summary>
    public string Url { get; init; } = "";

    /// <summary>ISO date, or empty. Template values are never null, so strict templates can test them.</summary>
    public string LastModified { get; init; } = "";
}

/// <summary>A link to a product listing.</summary>
public sealed class ProductLink
{
    /// <summary>The product's position in name order (its listing's number).</summary>
    public required int Index { get; init; }
    /// <summary>The product's name.</summary>
    public required string Name { get; init; }
    /// <summary>Site path of the product's listing.</summary>
    public required string Url { get; init; }
    /// <summary>Articles for the product.</summary>
    public required int Count { get; init; }
}

/// <summary>One page number of a paged listing.</summary>
public sealed class PageLink
{
    /// <summary>The page number, from 1.</summary>
    public required int Number { get; init; }
    /// <summary>Site path of the page.</summary>
    public required string Url { get; init; }
    /// <summary>Whether this is the page being shown.</summary>
    public required bool Current { get; init; }
}

/// <summary>The home page: products with counts and recently modified articles.</summary>
public sealed class HomeView
{
    /// <summary>Every product with its count.</summary>
    public required IReadOnlyList<ProductLink> Products { get; init; }
    /// <summary>The most recently modified articles.</summary>
    public required IReadOnlyList<ArticleLink> Recent { get; init; }
}

/// <summary>One page of a product's article listing.</summary>
public sealed class ListingView
{
    /// <summary>The product listed.</summary>
    public required string Product { get; init; }
    /// <summary>Articles for the product.</summary>
    public required int Count { get; init; }
    /// <summary>This page's number, from 1.</summary>
    public required int Page { get; init; }
    /// <summary>How many pages the listing has.</summary>
    public required int PageCount { get; init; }
    /// <summary>The articles on this page.</summary>
    public required IReadOnlyList<ArticleLink> Articles { get; init; }
    /// <summary>Links to every page of the listing.</summary>
    public required IReadOnlyList<PageLink> Pages { get; init; }
    /// <summary>Site path of the previous page, or empty on the first.</summary>
    public string PreviousUrl { get; init; } = "";
    /// <summary>Site path of the next page, or empty on the last.</summary>
    public string NextUrl { get; init; } = "";
}

/// <summary>The search page: the product filter's choices.</summary>
public sealed class SearchView
{
    /// <summary>The products to filter by.</summary>
    public required IReadOnlyList<ProductLink> Products { get; init; }
}

/// <summary>The sitemap: every page's site path and last modification.</summary>
public sealed class SitemapView
{
    /// <summary>One entry per page.</summary>
    public required IReadOnlyList<SitemapEntry> Entries { get; init; }
}

/// <summary>One sitemap URL.</summary>
public sealed class SitemapEntry
{
    /// <summary>Site path of the page.</summary>
    public required string Url { get; init; }
    /// <summary>ISO date of last modification, or empty.</summary>
    public string LastModified { get; init; } = "";
}
