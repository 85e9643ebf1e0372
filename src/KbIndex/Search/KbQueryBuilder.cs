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
/// Turns what a user typed into a ranked query: the parsed text over weighted fields (required),
/// plus optional boosts that only reorder matches: article numbers in any form, the words as a
/// phrase (close together in the title or text), learned product abbreviations, and the two ends
/// of "upgrade from X to Y".
/// </summary>
internal sealed partial class KbQueryBuilder
{
    private const float IdBoost = 1000f;
    private readonly Analyzer _analyzer;
    private readonly Abbreviations _abbreviations;

    public KbQueryBuilder(Analyzer analyzer, Abbreviations abbreviations)
    {
        _analyzer = analyzer;
        _abbreviations = abbreviations;
    }

    public BuiltQuery Build(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0)
        {
            throw new KbQueryException("the query is empty");
        }

        var parser = new KbQueryParser(_analyzer, _abbreviations);
        var core = Parse(parser, text);
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
        var highlight = new BooleanQuery { { core, Occur.SHOULD } };
        AddIds(query, free);
        foreach (var phrase in Phrases(terms))
        {
            query.Add(phrase, Occur.SHOULD);
        }

        AddUpgradeWords(query, terms);
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

    private static void AddIds(BooleanQuery query, string free)
    {
        foreach (Match m in IdLike().Matches(free))
        {
            var token = m.Value.ToLowerInvariant();
            query.Add(new TermQuery(new Term(KbFields.IdForm, token)) { Boost = IdBoost }, Occur.SHOULD);
        }
    }

    /// <summary>All the words close together, in the title and in the text: the strongest sign of the article asked for.</summary>
    private static IEnumerable<Query> Phrases(List<string> terms)
    {
        if (terms.Count < 2)
        {
            yield break;
        }

        yield return Phrase(KbFields.Title, terms, slop: 3, boost: 3f);
        yield return Phrase(KbFields.Summary, terms, slop: 6, boost: 1.5f);
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

    [GeneratedRegex(@"(?<![\w\\])(?:title|products?|keywords?|kind|id|prefix|version|heading|summary|body|option|condition|ref|year):(?:""[^""]*""|\([^)]*\)|\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex FieldClause();

    [GeneratedRegex(@"(?<![\w\\])(?:title|products?|keywords?|kind|id|prefix|version|heading|summary|body|option|condition|ref|year):|""|\b(?:AND|OR|NOT)\b|[\[{][^\]}]*\sTO\s")]
    private static partial Regex LooksLikeSyntax();

    [GeneratedRegex(@"(?<![\w.])(?:(?:q|kb)\d{3,7}|\d{5,7})(?![\w.])", RegexOptions.IgnoreCase)]
    private static partial Regex IdLike();
}
