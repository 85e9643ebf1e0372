namespace Kb.Site.Views;

/// <summary>The <c>site</c> variable of every template.</summary>
public sealed class SiteView
{
    public required string Title { get; init; }
    public required string BaseUrl { get; init; }

    /// <summary>Absolute origin for sitemap and OpenSearch (<c>https://example.org</c>), or empty.</summary>
    public string SiteUrl { get; init; } = "";
    public int ArticleCount { get; set; }

    /// <summary>The OpenSearch ShortName: the title when it has at most 16 characters, else its initials ("KnowledgeBase Archive" → "KB Archive search" cut to whole words).</summary>
    public string ShortName => Output.SiteNames.ShortName(Title);

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

/// <summary>One page number of a paged listing; number 0 is a gap in the short pager.</summary>
public sealed class PageLink
{
    public required int Number { get; init; }
    public required string Url { get; init; }
    public required bool Current { get; init; }
}

/// <summary>The home page: products with counts and recently modified articles.</summary>
public sealed class HomeView
{
    /// <summary>The largest families (at most 60), in case-insensitive name order.</summary>
    public required IReadOnlyList<ProductLink> Products { get; init; }
    public required IReadOnlyList<ArticleLink> Recent { get; init; }

    /// <summary>How many families the full index at <c>products/</c> lists.</summary>
    public int FamilyCount { get; init; }
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

    /// <summary>The family this listing belongs to, and its listing's URL when this is one version's listing (else empty).</summary>
    public string Family { get; init; } = "";
    public string FamilyUrl { get; init; } = "";

    /// <summary>The same listing in its other orders (number, date, title).</summary>
    public IReadOnlyList<OrderLink> Orders { get; init; } = [];

    /// <summary>On a family's first page: its versions with their counts, and its upgrade guides.</summary>
    public IReadOnlyList<VersionLink> Versions { get; init; } = [];
    public IReadOnlyList<GuideLink> Guides { get; init; } = [];
}

/// <summary>One order of a listing.</summary>
public sealed class OrderLink
{
    public required string Label { get; init; }
    public required string Url { get; init; }
    public required bool Current { get; init; }
}

/// <summary>A version of a family with the number of articles naming it.</summary>
public sealed class VersionLink
{
    public required string Version { get; init; }
    public required string Url { get; init; }
    public required int Count { get; init; }
}

/// <summary>A link to an upgrade guide.</summary>
public sealed class GuideLink
{
    public required string Title { get; init; }
    public required string Url { get; init; }
    public int Count { get; init; }
}

/// <summary>The full product index at <c>products/</c>.</summary>
public sealed class ProductsView
{
    public required IReadOnlyList<ProductLink> Products { get; init; }
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

/// <summary>An upgrade guide page.</summary>
public sealed class GuideView
{
    public required string Title { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required IReadOnlyList<ProductLink> Families { get; init; }
    public required IReadOnlyList<GuideGroupView> Groups { get; init; }
    public int Count { get; init; }
}

/// <summary>One group of a guide (plan, how, during, after).</summary>
public sealed class GuideGroupView
{
    public required string Id { get; init; }
    public required string Heading { get; init; }
    public required IReadOnlyList<GuideArticleView> Articles { get; init; }
}

/// <summary>An article of a guide with the line on why it is there and its options.</summary>
public sealed class GuideArticleView
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public required string Why { get; init; }
    public IReadOnlyList<GuideOptionView> Options { get; init; } = [];
}

/// <summary>An option inline in a guide, with the conditions that choose it.</summary>
public sealed class GuideOptionView
{
    public required string Title { get; init; }
    public IReadOnlyList<string> Conditions { get; init; } = [];
}

/// <summary>The <c>upgrade/</c> index: guides by family.</summary>
public sealed class UpgradeIndexView
{
    public required IReadOnlyList<GuideFamilyView> Families { get; init; }
    public int Count { get; init; }
}

/// <summary>A family's guides on the index.</summary>
public sealed class GuideFamilyView
{
    public required string Name { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<GuideLink> Guides { get; init; }
}
