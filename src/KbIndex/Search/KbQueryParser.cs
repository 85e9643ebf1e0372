using System.Globalization;
using Kb.Index.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Kb.Index.Search;

/// <summary>
/// Lucene's classic syntax over the ranked fields (<see cref="KbRanking"/>), with the field names
/// users write (<see cref="KbFields.Aliases"/>). A free word is one <see cref="Bm25fQuery"/> per
/// term over the text fields, plus the code fields (title prefix, keywords) matched by the word as
/// typed. A word before a colon that is no field (<c>Error: access denied</c>, <c>C:\WINNT</c>) is
/// searched as text. Queries on named fields are remembered in <see cref="Explicit"/> so the caller
/// can make them required.
/// </summary>
internal sealed class KbQueryParser : MultiFieldQueryParser
{
    private readonly Abbreviations _abbreviations;
    private readonly KbRanking _ranking;
    private readonly Bm25fStatistics _statistics;

    public KbQueryParser(Analyzer analyzer, Abbreviations abbreviations, KbRanking ranking, Bm25fStatistics statistics)
        : base(KbIndexVersion.Lucene, [.. AllFields(ranking).Keys], analyzer, AllFields(ranking))
    {
        _abbreviations = abbreviations;
        _ranking = ranking;
        _statistics = statistics;
        DefaultOperator = OR_OPERATOR;
        AllowLeadingWildcard = false;
    }

    /// <summary>Every field a free word is looked up in, with its weight (wildcards, fuzzy words and quoted phrases use these).</summary>
    private static Dictionary<string, float> AllFields(KbRanking ranking)
    {
        var fields = ranking.Fields.ToDictionary(f => f.Name, f => f.Weight, StringComparer.Ordinal);
        foreach (var (field, weight) in ranking.CodeFields)
        {
            fields[field] = weight;
        }

        return fields;
    }

    /// <summary>Queries the user aimed at a named field.</summary>
    public HashSet<Query> Explicit { get; } = new(ReferenceEqualityComparer.Instance);

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        if (field is null)
        {
            return quoted ? base.GetFieldQuery(field!, queryText, quoted) : FreeWord(queryText)!;
        }

        if (!KbFields.Aliases.TryGetValue(field, out var mapped))
        {
            return GetFieldQuery(null!, field + " " + queryText, quoted);
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

    /// <summary>
    /// A word of free text: a BM25F query per term (alternatives at one position, <c>4</c> and <c>4.0</c>,
    /// each count) with the word's other spellings (<see cref="Spellings"/>), and the code fields
    /// matched by the word as typed, each scored on its own.
    /// </summary>
    private Query? FreeWord(string text)
    {
        var word = new BooleanQuery(disableCoord: true);
        foreach (System.Text.RegularExpressions.Match m in KbQueryBuilder.WordPattern().Matches(text))
        {
            var first = true;
            foreach (var term in KbAnalyzers.Terms(Analyzer, KbFields.Body, m.Value, alternatives: true))
            {
                word.Add(new Bm25fQuery(term, _statistics, first ? Spellings(m.Value.ToLowerInvariant(), term) : null), Occur.SHOULD);
                first = false;
            }
        }

        foreach (var (field, weight) in _ranking.CodeFields)
        {
            if (base.GetFieldQuery(field, text, false) is { } q)
            {
                q.Boost = weight;
                word.Add(q, Occur.SHOULD);
            }
        }

        return word.Clauses.Count switch
        {
            0 => null,
            1 when word.Clauses[0].Query is Bm25fQuery only => only,
            _ => word,
        };
    }

    /// <summary>
    /// Other ways articles write a word, counted with it: the other upgrade words (weakly: "upgrade" and
    /// "migration"), a learned definition ("vfp" → "visual foxpro", never for stop words, and only
    /// when the articles define the word often enough for how often they use it: "cd" is seldom
    /// "change directory"), and a glued product version split ("nt4" → "nt 4.0", "ppt97" → "powerpoint 97").
    /// </summary>
    private List<Bm25fAlternative> Spellings(string word, string term)
    {
        var alternatives = new List<Bm25fAlternative>();
        if (_ranking.UpgradeWordBoost > 0 && QueryVariantsFilter.UpgradeWords.Contains(term))
        {
            alternatives.AddRange(QueryVariantsFilter.UpgradeWords.Where(w => w != term).Select(w => new Bm25fAlternative([w], _ranking.UpgradeWordBoost)));
        }

        if (_ranking.DefinitionBoost > 0 && !KbStopWords.Words.Contains(word)
            && _abbreviations.Definitions.TryGetValue(word, out var definition)
            && _abbreviations.DefinitionCounts.GetValueOrDefault(word, Abbreviations.MinDefinitions) >= _ranking.MinDefinitionShare * _statistics.DocFreq(term))
        {
            var terms = KbAnalyzers.Terms(Analyzer, KbFields.Body, definition);
            if (terms.Count > 0)
            {
                alternatives.Add(new Bm25fAlternative(terms, _ranking.DefinitionBoost));
            }
        }

        if (_ranking.GluedBoost > 0 && Shorthand.TrySplit(word, out var name, out var version))
        {
            var spelled = _abbreviations.Shorthands.TryGetValue(name, out var learned) ? learned : name;
            var nameTerms = KbAnalyzers.Terms(Analyzer, KbFields.Body, spelled);
            if (nameTerms.Count > 0)
            {
                foreach (var form in Shorthand.VersionForms(version))
                {
                    alternatives.Add(new Bm25fAlternative([.. nameTerms, form], _ranking.GluedBoost));
                }
            }
        }

        return alternatives;
    }

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
