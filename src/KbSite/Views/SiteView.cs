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

    /// <summary>The OpenSearch ShortName: the title when it has at most 16 characters, else its initials ("KnowledgeBase Archive" → "KB Archive search" cut to whole words).</summary>
    public string ShortName => Output.SiteNames.ShortName(Title);

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

/// <summary>One page number of a paged listing; number 0 is a gap in the short pager.</summary>
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
    /// <summary>The largest families (at most 60), in case-insensitive name order.</summary>
    public required IReadOnlyList<ProductLink> Products { get; init; }
    /// <summary>The most recently modified articles.</summary>
    public required IReadOnlyList<ArticleLink> Recent { get; init; }

    /// <summary>How many families the full index at <c>products/</c> lists.</summary>
    public int FamilyCount { get; init; }
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

    /// <summary>The family this listing belongs to, and its listing's URL when this is one version's listing (else empty).</summary>
    public string Family { get; init; } = "";
    /// <summary>Site path of the family's own listing on a version's listing, else empty.</summary>
    public string FamilyUrl { get; init; } = "";

    /// <summary>The same listing in its other orders (number, date, title).</summary>
    public IReadOnlyList<OrderLink> Orders { get; init; } = [];

    /// <summary>On a family's first page: its versions with their counts, and its upgrade guides.</summary>
    public IReadOnlyList<VersionLink> Versions { get; init; } = [];
    /// <summary>On a family's first page: its upgrade guides.</summary>
    public IReadOnlyList<GuideLink> Guides { get; init; } = [];
}

/// <summary>One order of a listing.</summary>
public sealed class OrderLink
{
    /// <summary>The order as the pager names it (number, date, title).</summary>
    public required string Label { get; init; }
    /// <summary>Site path of the listing in this order.</summary>
    public required string Url { get; init; }
    /// <summary>Whether this is the order being shown.</summary>
    public required bool Current { get; init; }
}

/// <summary>A version of a family with the number of articles naming it.</summary>
public sealed class VersionLink
{
    /// <summary>The version as the articles write it.</summary>
    public required string Version { get; init; }
    /// <summary>Site path of the version's listing.</summary>
    public required string Url { get; init; }
    /// <summary>Articles naming this version.</summary>
    public required int Count { get; init; }
}

/// <summary>A link to an upgrade guide.</summary>
public sealed class GuideLink
{
    /// <summary>The guide's title (<c>Windows NT 3.51 to 4.0</c>).</summary>
    public required string Title { get; init; }
    /// <summary>Site path of the guide.</summary>
    public required string Url { get; init; }
    /// <summary>Articles in the guide.</summary>
    public int Count { get; init; }
}

/// <summary>The full product index at <c>products/</c>.</summary>
public sealed class ProductsView
{
    /// <summary>Every family with its count, in case-insensitive name order.</summary>
    public required IReadOnlyList<ProductLink> Products { get; init; }
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

/// <summary>An upgrade guide page.</summary>
public sealed class GuideView
{
    /// <summary>The guide's title.</summary>
    public required string Title { get; init; }
    /// <summary>The end upgraded from (family and version), or empty for "after upgrading to".</summary>
    public required string From { get; init; }
    /// <summary>The end upgraded to.</summary>
    public required string To { get; init; }
    /// <summary>The families the guide is about, linked to their listings.</summary>
    public required IReadOnlyList<ProductLink> Families { get; init; }
    /// <summary>The groups in the order a reader needs them: plan, how, during, after.</summary>
    public required IReadOnlyList<GuideGroupView> Groups { get; init; }
    /// <summary>Articles in the guide.</summary>
    public int Count { get; init; }
}

/// <summary>One group of a guide (plan, how, during, after).</summary>
public sealed class GuideGroupView
{
    /// <summary>The group's anchor id (<c>plan</c>, <c>how</c>, <c>during</c>, <c>after</c>).</summary>
    public required string Id { get; init; }
    /// <summary>The group's heading.</summary>
    public required string Heading { get; init; }
    /// <summary>The articles of the group.</summary>
    public required IReadOnlyList<GuideArticleView> Articles { get; init; }
}

/// <summary>An article of a guide with the line on why it is there and its options.</summary>
public sealed class GuideArticleView
{
    /// <summary>The article number.</summary>
    public required string Id { get; init; }
    /// <summary>The article's title.</summary>
    public required string Title { get; init; }
    /// <summary>Site path of the article's page.</summary>
    public required string Url { get; init; }
    /// <summary>One line on why the article is in the guide.</summary>
    public required string Why { get; init; }
    /// <summary>The article's options with their conditions.</summary>
    public IReadOnlyList<GuideOptionView> Options { get; init; } = [];
}

/// <summary>An option inline in a guide, with the conditions that choose it.</summary>
public sealed class GuideOptionView
{
    /// <summary>The option's title.</summary>
    public required string Title { get; init; }
    /// <summary>The conditions that choose the option, in words.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];
}

/// <summary>The <c>upgrade/</c> index: guides by family.</summary>
public sealed class UpgradeIndexView
{
    /// <summary>The families that have guides, with their guides.</summary>
    public required IReadOnlyList<GuideFamilyView> Families { get; init; }
    /// <summary>Guides on the index.</summary>
    public int Count { get; init; }
}

/// <summary>A family's guides on the index.</summary>
public sealed class GuideFamilyView
{
    /// <summary>The family's name.</summary>
    public required string Name { get; init; }
    /// <summary>Site path of the family's listing.</summary>
    public required string Url { get; init; }
    /// <summary>The family's guides.</summary>
    public required IReadOnlyList<GuideLink> Guides { get; init; }
}
