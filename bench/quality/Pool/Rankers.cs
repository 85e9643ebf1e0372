using System.Text.RegularExpressions;
using Kb.Index;
using Kb.Index.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Kb.Bench.Pool;

/// <summary>A phrase the grep ranker looked for, and how many articles contain it.</summary>
internal sealed record GrepPhrase(string Phrase, int Articles, bool Quoted);

/// <summary>One ranker's answer to one query: ids best first, or an error.</summary>
internal sealed record Ranking(string Ranker, IReadOnlyList<string> Ids, string? Error = null);

/// <summary>The pool's rankers; each returns up to <see cref="Limit"/> article ids, best first.</summary>
internal sealed partial class Rankers(KbSearcher kb, PoolIndex pool, int limit)
{
    public const string Kb = "kb";
    public const string Bm25 = "bm25";
    public const string TitleBm25 = "title";
    public const string EnglishBm25 = "english";
    public const string EnglishProximity = "english-prox";
    public const string Grep = "grep";

    public static IReadOnlyList<string> All { get; } = [Kb, Bm25, TitleBm25, EnglishBm25, EnglishProximity, Grep];

    // A phrase in more articles than this says little about the query (about 0.5 % of the archive).
    private const int MaxPhraseArticles = 300;
    private const int MaxPhrases = 3;
    private const int ProximitySlop = 4;
    private const float ProximityBoost = 0.5f;

    // Words a grep phrase may not start or end with: function words and the question words users
    // type ("how do i", "when i select"), so that a chosen phrase is anchored on content words.
    private static readonly HashSet<string> EdgeWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been",
        "before", "being", "both", "but", "by", "can", "can't", "cannot", "could", "did", "didn't", "do", "does", "doesn't",
        "don't", "during", "each", "either", "else", "even", "every", "for", "from", "get", "gets", "getting", "got", "had",
        "has", "have", "having", "he", "her", "here", "his", "how", "i", "i'm", "i've", "if", "in", "into", "is", "isn't", "it",
        "it's", "its", "just", "like", "many", "may", "me", "might", "more", "most", "much", "must", "my", "need", "needs",
        "no", "not", "now", "of", "off", "on", "one", "only", "onto", "or", "other", "our", "out", "over", "own", "same",
        "say", "says", "she", "should", "so", "some", "still", "such", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "those", "through", "to", "too", "try", "trying", "under", "up", "us", "use",
        "used", "using", "very", "via", "want", "wants", "was", "way", "we", "were", "what", "when", "where", "whether",
        "which", "while", "who", "why", "will", "with", "within", "without", "won't", "would", "yet", "you", "your",
    };

    public int Limit { get; } = limit;

    public IReadOnlyList<Ranking> Run(string query, out IReadOnlyList<GrepPhrase> phrases)
    {
        var rankings = new List<Ranking> { KbRanking(query) };
        rankings.Add(Guarded(Bm25, () => pool.Top(Parse(query, PoolIndex.Text, PoolIndex.StandardAnalyzer), Limit)));
        rankings.Add(Guarded(TitleBm25, () => pool.Top(Parse(query, PoolIndex.Title, PoolIndex.StandardAnalyzer), Limit)));
        rankings.Add(Guarded(EnglishBm25, () => pool.Top(Parse(query, PoolIndex.English, PoolIndex.EnglishAnalyzer), Limit)));
        rankings.Add(Guarded(EnglishProximity, () => pool.Top(Proximity(query), Limit)));
        var chosen = Phrases(query);
        phrases = chosen;
        rankings.Add(Guarded(Grep, () => chosen.Count == 0 ? [] : pool.Top(GrepQuery(chosen), Limit)));
        return rankings;
    }

    private Ranking KbRanking(string query)
    {
        try
        {
            var results = kb.Search(query, new SearchOptions { Limit = Limit, Snippets = false, Facets = false });
            return new Ranking(Kb, [.. results.Hits.Select(h => h.Id)]);
        }
        catch (KbQueryException ex)
        {
            return new Ranking(Kb, [], ex.Message);
        }
    }

    private static Ranking Guarded(string name, Func<IReadOnlyList<string>> run)
    {
        try
        {
            return new Ranking(name, run());
        }
        catch (Exception ex) when (ex is ParseException or BooleanQuery.TooManyClausesException)
        {
            return new Ranking(name, [], ex.Message);
        }
    }

    /// <summary>
    /// The query's words OR-ed by the classic query parser, special characters escaped (as the
    /// tests' BaselineIndex does). Lower-cased first so that a typed AND/OR/NOT stays a word;
    /// every analyzer here lower-cases anyway.
    /// </summary>
    private static Query Parse(string query, string field, Analyzer analyzer)
    {
        var parser = new QueryParser(KbIndexVersion.Lucene, field, analyzer);
        return parser.Parse(QueryParserBase.Escape(query.ToLowerInvariant()));
    }

    /// <summary>The stemmed OR query plus, for each pair of neighbouring query words, a sloppy phrase (words near each other score higher).</summary>
    private static BooleanQuery Proximity(string query)
    {
        var all = new BooleanQuery { { Parse(query, PoolIndex.English, PoolIndex.EnglishAnalyzer), Occur.SHOULD } };
        var terms = Tokens(PoolIndex.EnglishAnalyzer, PoolIndex.English, query).Select(t => t.Term).ToList();
        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i + 1 < terms.Count; i++)
        {
            if (terms[i] == terms[i + 1] || !pairs.Add((terms[i], terms[i + 1])))
            {
                continue;
            }

            var phrase = new PhraseQuery { Slop = ProximitySlop, Boost = ProximityBoost };
            phrase.Add(new Term(PoolIndex.English, terms[i]));
            phrase.Add(new Term(PoolIndex.English, terms[i + 1]));
            all.Add(phrase, Occur.SHOULD);
        }

        return all;
    }

    /// <summary>Articles containing any chosen phrase; more, longer and rarer phrases rank higher.</summary>
    private static BooleanQuery GrepQuery(IEnumerable<GrepPhrase> phrases)
    {
        var any = new BooleanQuery();
        foreach (var p in phrases)
        {
            var q = ExactPhrase(Tokens(PoolIndex.ExactAnalyzer, PoolIndex.Exact, p.Phrase).Select(t => t.Term).ToList());
            q.Boost = q.GetTerms().Length;
            any.Add(q, Occur.SHOULD);
        }

        return any;
    }

    /// <summary>
    /// The query's distinctive phrases: every quoted part of two words or more, then the longest
    /// 2-4-word runs of the query that neither start nor end with a function word and that occur in
    /// 1..<see cref="MaxPhraseArticles"/> articles (a case-insensitive match of whole words,
    /// punctuation between them ignored), rarest first among equally long ones, none inside
    /// another chosen one.
    /// </summary>
    private List<GrepPhrase> Phrases(string query)
    {
        var chosen = new List<GrepPhrase>();
        var spans = new List<(int Start, int End)>();
        var tokens = Tokens(PoolIndex.ExactAnalyzer, PoolIndex.Exact, query);
        foreach (Match m in Quoted().Matches(query))
        {
            var inside = tokens.Where(t => t.Start >= m.Index && t.End <= m.Index + m.Length).ToList();
            if (inside.Count < 2)
            {
                continue;
            }

            var articles = pool.CountMatches(ExactPhrase([.. inside.Select(t => t.Term)]));
            if (articles > 0)
            {
                chosen.Add(new GrepPhrase(string.Join(' ', inside.Select(t => t.Term)), articles, Quoted: true));
                spans.Add((tokens.IndexOf(inside[0]), tokens.IndexOf(inside[^1])));
            }
        }

        var candidates = new List<(int Start, int End, int Articles)>();
        for (var n = 4; n >= 2; n--)
        {
            for (var i = 0; i + n <= tokens.Count; i++)
            {
                var words = tokens.Skip(i).Take(n).Select(t => t.Term).ToList();
                if (EdgeWords.Contains(words[0]) || EdgeWords.Contains(words[^1]))
                {
                    continue;
                }

                var articles = pool.CountMatches(ExactPhrase(words));
                if (articles is > 0 and <= MaxPhraseArticles)
                {
                    candidates.Add((i, i + n - 1, articles));
                }
            }
        }

        foreach (var c in candidates.OrderByDescending(c => c.End - c.Start).ThenBy(c => c.Articles).ThenBy(c => c.Start))
        {
            if (chosen.Count >= MaxPhrases)
            {
                break;
            }

            if (spans.Any(s => s.Start <= c.Start && c.End <= s.End))
            {
                continue;
            }

            chosen.Add(new GrepPhrase(string.Join(' ', tokens.Skip(c.Start).Take(c.End - c.Start + 1).Select(t => t.Term)), c.Articles, Quoted: false));
            spans.Add((c.Start, c.End));
        }

        return chosen;
    }

    private static PhraseQuery ExactPhrase(IReadOnlyList<string> words)
    {
        var q = new PhraseQuery();
        foreach (var w in words)
        {
            q.Add(new Term(PoolIndex.Exact, w));
        }

        return q;
    }

    private static List<(string Term, int Start, int End)> Tokens(Analyzer analyzer, string field, string text)
    {
        var list = new List<(string, int, int)>();
        using var ts = analyzer.GetTokenStream(field, text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        var offset = ts.AddAttribute<IOffsetAttribute>();
        ts.Reset();
        while (ts.IncrementToken())
        {
            list.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        ts.End();
        return list;
    }

    [GeneratedRegex("\"[^\"]+\"")]
    private static partial Regex Quoted();
}
