using Kb.Index.Indexing;
using Kb.Parser.Model;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Kb.Index.Search;

/// <summary>Highlighted passages of a hit's text (Lucene.Net.Highlighter), HTML-encoded with matches in <c>&lt;mark&gt;</c>.</summary>
internal sealed class Snippets
{
    private const int FragmentSize = 180;
    private readonly Analyzer _analyzer;

    public Snippets(Analyzer analyzer) => _analyzer = analyzer;

    public IReadOnlyList<string> For(Query query, ArticleRecord record, int max = 2)
    {
        // One scorer per hit: QueryScorer keeps per-text state.
        var scorer = new QueryScorer(query) { ExpandMultiTermQuery = false };
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentSize),
            // The best passages of long articles are nearly always near the start; analysing all of a
            // 100 KB listing costs more than the search.
            MaxDocCharsToAnalyze = 30_000,
        };
        var text = ArticleText.Full(record);
        try
        {
            using var tokens = _analyzer.GetTokenStream(KbFields.Body, text);
            var fragments = highlighter.GetBestFragments(tokens, text, max);
            if (fragments.Length > 0)
            {
                return [.. fragments.Select(Tidy)];
            }
        }
        catch (InvalidTokenOffsetsException)
        {
            // Offsets always fit the text here; fall back to the lead text rather than fail a search.
        }

        var lead = text.Length > FragmentSize ? text[..FragmentSize] + "…" : text;
        return lead.Length == 0 ? [] : [Tidy(System.Net.WebUtility.HtmlEncode(lead))];
    }

    private static string Tidy(string fragment) => string.Join(' ', fragment.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
