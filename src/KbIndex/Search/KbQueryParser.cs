using System.Globalization;
using Kb.Index.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Kb.Index.Search;

/// <summary>
/// Lucene's classic syntax over the weighted text fields (<see cref="KbFields.TextWeights"/>), with
/// the field names users write (<see cref="KbFields.Aliases"/>). A word before a colon that is no
/// field (<c>Error: access denied</c>, <c>C:\WINNT</c>) is searched as text. Queries on named fields
/// are remembered in <see cref="Explicit"/> so the caller can make them required.
/// </summary>
internal sealed class KbQueryParser : MultiFieldQueryParser
{
    private readonly Abbreviations _abbreviations;

    public KbQueryParser(Analyzer analyzer, Abbreviations abbreviations)
        : base(KbIndexVersion.Lucene, [.. KbFields.TextWeights.Keys], analyzer, KbFields.TextWeights.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal))
    {
        _abbreviations = abbreviations;
        DefaultOperator = OR_OPERATOR;
        AllowLeadingWildcard = false;
    }

    /// <summary>Queries the user aimed at a named field.</summary>
    public HashSet<Query> Explicit { get; } = new(ReferenceEqualityComparer.Instance);

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        if (field is null)
        {
            return base.GetFieldQuery(field!, queryText, quoted);
        }

        if (!KbFields.Aliases.TryGetValue(field, out var mapped))
        {
            return base.GetFieldQuery(null!, field + " " + queryText, quoted);
        }

        var q = mapped switch
        {
            KbFields.Year => YearRange(queryText, queryText),
            KbFields.Product => ProductQuery(queryText, quoted),
            _ => base.GetFieldQuery(mapped, queryText, quoted),
        };
        return Mark(q);
    }

    protected override Query GetFieldQuery(string field, string queryText, int slop)
    {
        if (field is null || !KbFields.Aliases.TryGetValue(field, out var mapped))
        {
            return base.GetFieldQuery(field!, queryText, slop);
        }

        return Mark(base.GetFieldQuery(mapped, queryText, slop));
    }

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        var mapped = Map(field);
        if (mapped == KbFields.Year)
        {
            return Mark(YearRange(part1, part2, startInclusive, endInclusive));
        }

        return Mark(base.GetRangeQuery(mapped!, part1, part2, startInclusive, endInclusive));
    }

    protected override Query GetPrefixQuery(string field, string termStr) => Mark(base.GetPrefixQuery(Map(field)!, termStr));

    protected override Query GetWildcardQuery(string field, string termStr) => Mark(base.GetWildcardQuery(Map(field)!, termStr));

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) => Mark(base.GetFuzzyQuery(Map(field)!, termStr, minSimilarity));

    protected override Query GetRegexpQuery(string field, string termStr) => Mark(base.GetRegexpQuery(Map(field)!, termStr));

    private static string? Map(string? field) =>
        field is null ? null : KbFields.Aliases.TryGetValue(field, out var mapped) ? mapped : throw new ParseException($"unknown field '{field}'");

    private Query Mark(Query? q)
    {
        if (q is not null)
        {
            Explicit.Add(q);
        }

        return q!;
    }

    /// <summary><c>product:</c> matches the words of product names, or a learned abbreviation (<c>product:SMS</c>).</summary>
    private Query ProductQuery(string text, bool quoted)
    {
        var words = base.GetFieldQuery(KbFields.Product, text, quoted);
        var expansions = _abbreviations.Expand(text.Trim().ToLowerInvariant());
        if (expansions.Count == 0)
        {
            return words;
        }

        var any = new BooleanQuery();
        if (words is not null)
        {
            any.Add(words, Occur.SHOULD);
        }

        foreach (var e in expansions)
        {
            any.Add(new TermQuery(new Term(KbFields.ProductExact, e.Product.ToLowerInvariant())), Occur.SHOULD);
        }

        return any;
    }

    private static NumericRangeQuery<int> YearRange(string? from, string? to, bool startInclusive = true, bool endInclusive = true) =>
        NumericRangeQuery.NewInt32Range(KbFields.Year, Year(from), Year(to), startInclusive, endInclusive);

    private static int? Year(string? text)
    {
        if (text is null or "*")
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            ? y
            : throw new ParseException($"year must be a number, not '{text}'");
    }
}
