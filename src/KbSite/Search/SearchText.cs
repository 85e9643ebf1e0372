using Kb.Parser.Model;

namespace Kb.Site.Search;

/// <summary>Which parts of a record the static search indexes, and with what weight.</summary>
internal static class SearchText
{
    public const int IdWeight = 8;
    public const int TitleWeight = 4;

    /// <summary>Adds the record's terms to <paramref name="counts"/>; returns the document length (sum of weights).</summary>
    public static int Count(ArticleRecord record, Dictionary<string, int> counts)
    {
        // The id in all its spellings: Q199250, 199250 (KB199250 is analysed to kb199250, so it is added too).
        var digits = record.Id.TrimStart('Q');
        SearchAnalyzer.Count(record.Id, IdWeight, counts);
        SearchAnalyzer.Count(digits, IdWeight, counts);
        SearchAnalyzer.Count("kb" + digits, IdWeight, counts);
        SearchAnalyzer.Count(record.Title, TitleWeight, counts);
        foreach (var p in record.Products)
        {
            SearchAnalyzer.Count(p, 1, counts);
        }

        foreach (var k in record.Keywords)
        {
            SearchAnalyzer.Count(k, 1, counts);
        }

        foreach (var w in record.AdditionalQueryWords)
        {
            SearchAnalyzer.Count(w, 1, counts);
        }

        foreach (var section in record.Sections)
        {
            CountSection(section, counts);
        }

        var length = 0;
        foreach (var n in counts.Values)
        {
            length += n;
        }

        return length;
    }

    private static void CountSection(Section section, Dictionary<string, int> counts)
    {
        SearchAnalyzer.Count(section.Heading, 1, counts);
        foreach (var b in section.Blocks)
        {
            CountBlock(b, counts);
        }

        foreach (var s in section.Subsections)
        {
            CountSection(s, counts);
        }
    }

    private static void CountBlock(Block block, Dictionary<string, int> counts)
    {
        switch (block)
        {
            case ParagraphBlock p:
                SearchAnalyzer.Count(p.Text, 1, counts);
                break;
            case NoteBlock n:
                SearchAnalyzer.Count(n.Text, 1, counts);
                break;
            case PreformattedBlock pre:
                SearchAnalyzer.Count(pre.Text, 1, counts);
                break;
            case ReferencesBlock r:
                SearchAnalyzer.Count(r.Text, 1, counts);
                break;
            case ListBlock l:
                foreach (var item in l.Items)
                {
                    SearchAnalyzer.Count(item.Text, 1, counts);
                    foreach (var b in item.Blocks)
                    {
                        CountBlock(b, counts);
                    }
                }

                break;
        }
    }
}
