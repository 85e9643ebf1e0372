using System.Text.RegularExpressions;
using Kb.Index.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Kb.Index.Search;

/// <summary>A query ready to run, and the part of it worth highlighting.</summary>
internal sealed record BuiltQuery(Query Query, Query Highlight);

/// <summary>
/// Turns what a user typed into a ranked query: the parsed text, a BM25F term per word with its
/// other spellings (<see cref="KbQueryParser"/>), plus optional boosts that only reorder matches:
/// article numbers in any form, neighbouring words close together in the summary, the parts of a
/// pasted message as phrases, learned product abbreviations, and the two ends of "upgrade from X to Y".
/// </summary>
internal sealed partial class KbQueryBuilder
{
    private readonly Analyzer _analyzer;
    private readonly Analyzer _phraseAnalyzer;
    private readonly Abbreviations _abbreviations;
    private readonly KbRanking _ranking;
    private readonly Bm25fStatistics _statistics;

    public KbQueryBuilder(Analyzer analyzer, Analyzer phraseAnalyzer, Abbreviations abbreviations, KbRanking ranking, Bm25fStatistics statistics)
    {
        _analyzer = analyzer;
        _phraseAnalyzer = phraseAnalyzer;
        _abbreviations = abbreviations;
        _ranking = ranking;
        _statistics = statistics;
    }

    public BuiltQuery Build(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0)
        {
            throw new KbQueryException("the query is empty");
        }

        var parser = new KbQueryParser(_analyzer, _abbreviations, _ranking, _statistics);
        var core = Parse(parser, Literal(text));
        if (core is null || core is BooleanQuery { Clauses.Count: 0 })
        {
            throw new KbQueryException($"the query \"{text}\" has no words to search for (only common words such as \"how\" or \"the\")");
        }

        RequireFieldClauses(core, parser.Explicit, text);
        var free = FieldClause().Replace(text, " ");
        var terms = KbAnalyzers.Terms(_analyzer, KbFields.Body, free);
        if (terms.Count == 0 && parser.Explicit.Count == 0)
        {
            throw new KbQueryException($"the query \"{text}\" has no words to search for (only common words such as \"how\" or \"the\")");
        }

        var query = new BooleanQuery { { core, Occur.MUST } };
        var highlight = new BooleanQuery { { Highlightable(core), Occur.SHOULD } };
        AddIds(query, free);
        foreach (var phrase in Proximity(terms).Concat(MessagePhrases(free)))
        {
            query.Add(phrase, Occur.SHOULD);
        }

        AddAbbreviations(query, free);
        AddUpgradePath(query, highlight, free);
        return new BuiltQuery(Flatten(query), highlight);
    }

    /// <summary>
    /// When the required part is only optional words (the usual free-text query), its clauses join the
    /// boosts at one level with none required. BM25 has no coordination factor, so a match scores the
    /// same; but a query with no required clause runs on Lucene's bucket scorer, about twice as fast as
    /// the heap of nested disjunctions. The difference: an article that matches only a learned product
    /// expansion or an upgrade path ("vb3" read as Visual Basic 3.0) is now a match of its own, ranked by
    /// that score. Required field clauses (<c>kind:fix</c>) and minimum-match queries keep their form.
    /// </summary>
    private static BooleanQuery Flatten(BooleanQuery query)
    {
        var core = query.Clauses[0];
        var words = core.Query as BooleanQuery;
        if (core.Occur != Occur.MUST || words is null || words.MinimumNumberShouldMatch > 0
            || words.Clauses.Any(c => c.Occur == Occur.MUST) || !words.Clauses.Any(c => c.Occur == Occur.SHOULD))
        {
            return query;
        }

        var flat = new BooleanQuery { Boost = query.Boost };
        foreach (var clause in words.Clauses)
        {
            var sub = (Query)clause.Query.Clone();
            sub.Boost *= words.Boost;
            flat.Add(sub, clause.Occur);
        }

        foreach (var clause in query.Clauses.Skip(1))
        {
            flat.Add(clause.Query, clause.Occur);
        }

        return flat;
    }

    /// <summary>
    /// Escapes the characters the classic syntax reserves but nobody types on purpose in a search box,
    /// while pasted messages and paths are full of them: slashes (<c>NETWORK/POSTOFFICE</c> is no regular
    /// expression), backslashes (<c>C:\Mskids\Leopard</c> is a path, not escapes), <c>!</c>, a question
    /// mark that ends a word ("Shortcut?" is a question, not a wildcard) and a sign before a number
    /// ("returned -1" excludes nothing). <c>-word</c>, <c>"..."</c>, <c>field:</c> and <c>*</c> keep their meaning.
    /// </summary>
    internal static string Literal(string text) => Accidental().Replace(text, m => "\\" + m.Value);

    private static Query? Parse(KbQueryParser parser, string text)
    {
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException ex) when (!LooksLikeSyntax().IsMatch(text))
        {
            // Pasted error messages and paths are full of characters the syntax reserves;
            // when the user wrote no syntax on purpose, search the words as they are.
            try
            {
                return parser.Parse(QueryParserBase.Escape(text));
            }
            catch (ParseException)
            {
                throw new KbQueryException(Clean(ex), ex);
            }
        }
        catch (ParseException ex)
        {
            throw new KbQueryException(Clean(ex), ex);
        }
    }

    private static string Clean(ParseException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf("Was expecting", StringComparison.Ordinal);
        message = (cut > 0 ? message[..cut] : message).Replace("Cannot parse", "cannot parse", StringComparison.Ordinal).Trim();
        return "malformed query: " + message.ReplaceLineEndings(" ");
    }

    /// <summary>A named field (<c>product:"..."</c>) narrows the search, unless the user combined clauses with OR.</summary>
    private static void RequireFieldClauses(Query core, HashSet<Query> explicitQueries, string text)
    {
        if (core is not BooleanQuery bq || text.Contains(" OR ", StringComparison.Ordinal))
        {
            return;
        }

        var promoted = false;
        foreach (var clause in bq.Clauses)
        {
            if (clause.Occur == Occur.SHOULD && explicitQueries.Contains(clause.Query))
            {
                clause.Occur = Occur.MUST;
                promoted = true;
            }
        }

        // The free words beside a required field clause must still match at least once, or
        // "server kind:fix" would list every fix.
        if (promoted && bq.Clauses.Any(c => c.Occur == Occur.SHOULD))
        {
            bq.MinimumNumberShouldMatch = 1;
        }
    }

    /// <summary>The query as the highlighter understands it: a BM25F term becomes the plain term.</summary>
    private static Query Highlightable(Query query)
    {
        switch (query)
        {
            case Bm25fQuery t:
                var words = new BooleanQuery();
                foreach (var term in t.Alternatives.SelectMany(a => a.Terms).Distinct(StringComparer.Ordinal))
                {
                    words.Add(new TermQuery(new Term(KbFields.Body, term)), Occur.SHOULD);
                }

                return words;
            case BooleanQuery b:
                var copy = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost, MinimumNumberShouldMatch = b.MinimumNumberShouldMatch };
                foreach (var c in b.Clauses)
                {
                    copy.Add(Highlightable(c.Query), c.Occur);
                }

                return copy;
            default:
                return query;
        }
    }

    private void AddIds(BooleanQuery query, string free)
    {
        if (_ranking.IdBoost <= 0)
        {
            return;
        }

        foreach (Match m in IdLike().Matches(free))
        {
            var token = m.Value.ToLowerInvariant();
            query.Add(new TermQuery(new Term(KbFields.IdForm, token)) { Boost = _ranking.IdBoost }, Occur.SHOULD);
        }
    }

    /// <summary>
    /// The parts of the query between punctuation, each as a phrase (a little slop) in the title, summary
    /// and body, analysed with the index's stop words so that negations count: a pasted message
    /// ("Cannot find file", "The dependency service does not exist") finds the articles that quote it.
    /// A phrase's idf is the sum of its terms' idfs; the boost is divided by the number of terms to the power <see cref="KbRanking.MessagePhraseNormalization"/>.
    /// </summary>
    private IEnumerable<Query> MessagePhrases(string free)
    {
        if (_ranking.MessagePhraseBoost <= 0)
        {
            yield break;
        }

        foreach (var part in MessageParts().Split(free))
        {
            var terms = KbAnalyzers.Positioned(_phraseAnalyzer, KbFields.Body, part);
            if (terms.Count < _ranking.MessagePhraseMinTerms || terms.All(t => KbStopWords.Indexed.Contains(t.Term)))
            {
                continue;
            }

            foreach (var field in new[] { KbFields.Title, KbFields.Summary, KbFields.Body })
            {
                var q = new PhraseQuery { Slop = _ranking.MessagePhraseSlop, Boost = _ranking.MessagePhraseBoost * _ranking.WeightOf(field) / MathF.Pow(terms.Count, _ranking.MessagePhraseNormalization) };
                foreach (var (term, position) in terms)
                {
                    q.Add(new Term(field, term), position - terms[0].Position);
                }

                yield return q;
            }
        }
    }

    /// <summary>Each pair of neighbouring words near each other in the summary or the body: evidence that the text is about both together.</summary>
    private IEnumerable<Query> Proximity(List<string> terms)
    {
        if (_ranking.ProximityBoost <= 0)
        {
            yield break;
        }

        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i + 1 < terms.Count; i++)
        {
            if (terms[i] == terms[i + 1] || !pairs.Add((terms[i], terms[i + 1])))
            {
                continue;
            }

            foreach (var field in _ranking.ProximityFields.Where(f => f.Weight > 0))
            {
                yield return Phrase(field.Name, [terms[i], terms[i + 1]], slop: _ranking.ProximitySlop, boost: _ranking.ProximityBoost * field.Weight);
            }
        }
    }

    private static PhraseQuery Phrase(string field, IEnumerable<string> terms, int slop, float boost)
    {
        var q = new PhraseQuery { Slop = slop, Boost = boost };
        var position = 0;
        foreach (var t in terms)
        {
            q.Add(new Term(field, t), position++);
        }

        return q;
    }

    /// <summary>Where a pasted message's parts end: brackets, quotes and sentence punctuation (a period, comma or colon followed by a space; not inside <c>3.51</c> or <c>C:\</c>).</summary>
    [GeneratedRegex(@"[;!?()\[\]{}""|<>]|[.,:](?=\s|$)")]
    private static partial Regex MessageParts();

    [GeneratedRegex(@"[/\\!]|\?(?=$|[\s.,;:!)\]}""'])|(?<=^|[\s(])[-+](?=\d)")]
    private static partial Regex Accidental();

    [GeneratedRegex(@"(?<![\w\\])(?:title|products?|keywords?|kind|id|prefix|version|heading|summary|body|option|condition|ref|year):(?:""[^""]*""|\([^)]*\)|\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex FieldClause();

    [GeneratedRegex(@"(?<![\w\\])(?:title|products?|keywords?|kind|id|prefix|version|heading|summary|body|option|condition|ref|year):|""|\b(?:AND|OR|NOT)\b|[\[{][^\]}]*\sTO\s")]
    private static partial Regex LooksLikeSyntax();

    [GeneratedRegex(@"(?<![\w.])(?:(?:q|kb)\d{3,7}|\d{5,7})(?![\w.])", RegexOptions.IgnoreCase)]
    private static partial Regex IdLike();
}
