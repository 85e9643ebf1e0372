using Kb.Parser.Model;

namespace Kb.Index.Search;

/// <summary>What to search for besides the query text; the same options as <c>kb search</c>.</summary>
public sealed record SearchOptions
{
    /// <summary>Only articles for this product: words of a product name or a learned abbreviation (<c>SMS</c>).</summary>
    public string? Product { get; init; }
    /// <summary>Only articles of this kind (info, problem, howto, bug, fix, sample, other).</summary>
    public string? Kind { get; init; }
    /// <summary>Only articles last modified in or after this year.</summary>
    public int? Since { get; init; }
    /// <summary>Only articles last modified in or before this year.</summary>
    public int? Until { get; init; }
    /// <summary>Only articles with at least one option.</summary>
    public bool HasOptions { get; init; }
    /// <summary>Most hits returned (the total still counts every match).</summary>
    public int Limit { get; init; } = 10;
    /// <summary>Highlighted snippets for each hit (costs a little time per hit).</summary>
    public bool Snippets { get; init; } = true;
    /// <summary>Facet counts over all matching articles.</summary>
    public bool Facets { get; init; } = true;
}

/// <summary>The result of one search: ranked hits, how many matched, facet counts.</summary>
public sealed record SearchResults
{
    /// <summary>How many articles matched.</summary>
    public required int TotalHits { get; init; }
    /// <summary>The best hits, best first, at most the limit.</summary>
    public required IReadOnlyList<SearchHit> Hits { get; init; }
    /// <summary>Counts per product, kind and year over every match.</summary>
    public FacetCounts Facets { get; init; } = FacetCounts.None;
    /// <summary>The Lucene query that ran, for debugging ranking.</summary>
    public string Query { get; init; } = "";
}

/// <summary>One ranked article with its whole record (options included).</summary>
public sealed record SearchHit
{
    /// <summary>The article number.</summary>
    public required string Id { get; init; }
    /// <summary>The article's title.</summary>
    public required string Title { get; init; }
    /// <summary>The ranking score (comparable within one search only).</summary>
    public required float Score { get; init; }
    /// <summary>The article's products.</summary>
    public IReadOnlyList<string> Products { get; init; } = [];
    /// <summary>ISO date of last modification, or null.</summary>
    public string? LastModified { get; init; }
    /// <summary>The article's kind.</summary>
    public string Kind { get; init; } = "";
    /// <summary>The article's own permalink, or null for the default path.</summary>
    public string? Permalink { get; init; }
    /// <summary>Best passages, HTML-encoded, matched words in <c>&lt;mark&gt;</c>.</summary>
    public IReadOnlyList<string> Snippets { get; init; } = [];
    /// <summary>The whole record as indexed, options included.</summary>
    public required ArticleRecord Record { get; init; }
}

/// <summary>Counts of matching articles per product, kind and year, largest first.</summary>
public sealed record FacetCounts(IReadOnlyList<FacetValue> Products, IReadOnlyList<FacetValue> Kinds, IReadOnlyList<FacetValue> Years)
{
    /// <summary>No facet counts (facets not asked for).</summary>
    public static FacetCounts None { get; } = new([], [], []);
}

/// <summary>One facet value and how many matching articles have it.</summary>
public sealed record FacetValue(string Value, int Count);

/// <summary>A query that cannot be parsed or run; the message is meant for the user.</summary>
public sealed class KbQueryException : Exception
{
    /// <summary>An exception with no message.</summary>
    public KbQueryException()
    {
    }

    /// <summary>An exception with a message for the user.</summary>
    public KbQueryException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with a message and the exception that caused it.</summary>
    public KbQueryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
