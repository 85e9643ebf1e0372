using Kb.Parser.Model;

namespace Kb.Site.Search;

/// <summary>Which parts of a record the static search indexes, and with what weight.</summary>
internal static class SearchText
{
    public const int IdWeight = 8;
    public const int TitleWeight = 4;

    /// <summary>
    /// Adds the terms of an article to <paramref name="counts"/>: its number in all spellings and its title
    /// (weighted), products, keywords, then the body text; returns the document length (sum of weights).
    /// </summary>
    public static int Count(ArticleRecord record, string body, Dictionary<int, int> counts, SearchTermTable table)
    {
        // The id in all its spellings: Q199250, 199250, KB199250.
        var digits = record.Id.TrimStart('Q');
        SearchAnalyzer.Count(record.Id, IdWeight, counts, table);
        SearchAnalyzer.Count(digits, IdWeight, counts, table);
        SearchAnalyzer.Count("kb" + digits, IdWeight, counts, table);
        SearchAnalyzer.Count(record.Title, TitleWeight, counts, table);
        foreach (var p in record.Products)
        {
            SearchAnalyzer.Count(p, 1, counts, table);
        }

        SearchAnalyzer.Count(body, 1, counts, table);
        var length = 0;
        foreach (var n in counts.Values)
        {
            length += n;
        }

        return length;
    }
}
