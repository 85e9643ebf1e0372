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
    public int Limit { get; init; } = 10;
    /// <summary>Highlighted snippets for each hit (costs a little time per hit).</summary>
    public bool Snippets { get; init; } = true;
    /// <summary>Facet counts over all matching articles.</summary>
    public bool Facets { get; init; } = true;
}

/// <summary>The result of one search: ranked hits, how many matched, facet counts.</summary>
public sealed record SearchResults
{
    public required int TotalHits { get; init; }
    public required IReadOnlyList<SearchHit> Hits { get; init; }
    public FacetCounts Facets { get; init; } = FacetCounts.None;
    /// <summary>The Lucene query that ran, for debugging ranking.</summary>
    public string Query { get; init; } = "";
}

/// <summary>One ranked article with its whole record (options included).</summary>
public sealed record SearchHit
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required float Score { get; init; }
    public IReadOnlyList<string> Products { get; init; } = [];
    public string? LastModified { get; init; }
    public string Kind { get; init; } = "";
    public string? Permalink { get; init; }
    /// <summary>Best passages, HTML-encoded, matched words in <c>&lt;mark&gt;</c>.</summary>
    public IReadOnlyList<string> Snippets { get; init; } = [];
    public required ArticleRecord Record { get; init; }
}

/// <summary>Counts of matching articles per product, kind and year, largest first.</summary>
public sealed record FacetCounts(IReadOnlyList<FacetValue> Products, IReadOnlyList<FacetValue> Kinds, IReadOnlyList<FacetValue> Years)
{
    public static FacetCounts None { get; } = new([], [], []);
}

/// <summary>One facet value and how many matching articles have it.</summary>
public sealed record FacetValue(string Value, int Count);

/// <summary>A query that cannot be parsed or run; the message is meant for the user.</summary>
public sealed class KbQueryException : Exception
{
    public KbQueryException()
    {
    }

    public KbQueryException(string message)
        : base(message)
    {
    }

    public KbQueryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
