using Kb.Index.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kb.Index.Search;

/// <summary>The filters of <see cref="SearchOptions"/>: they narrow the matches without changing scores.</summary>
internal static class Filters
{
    public static Filter? Create(SearchOptions options, Abbreviations abbreviations, Analyzer analyzer)
    {
        var all = new BooleanQuery();
        if (!string.IsNullOrWhiteSpace(options.Product))
        {
            all.Add(Product(options.Product, abbreviations, analyzer), Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(options.Kind))
        {
            all.Add(new TermQuery(new Term(KbFields.Kind, options.Kind.Trim().ToLowerInvariant())), Occur.MUST);
        }

        if (options.Since is not null || options.Until is not null)
        {
            all.Add(NumericRangeQuery.NewInt32Range(KbFields.Year, options.Since, options.Until, true, true), Occur.MUST);
        }

        if (options.HasOptions)
        {
            all.Add(NumericRangeQuery.NewInt32Range(KbFields.OptionCount, 1, null, true, true), Occur.MUST);
        }

        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    /// <summary>A product given by name words (<c>Systems Management Server</c>) or by a learned abbreviation (<c>SMS</c>).</summary>
    private static BooleanQuery Product(string product, Abbreviations abbreviations, Analyzer analyzer)
    {
        var any = new BooleanQuery();
        var words = KbAnalyzers.Terms(analyzer, KbFields.Product, product);
        if (words.Count > 0)
        {
            // Slop covers the gaps stop words leave ("Windows for Workgroups").
            var phrase = new PhraseQuery { Slop = 2 };
            foreach (var w in words)
            {
                phrase.Add(new Term(KbFields.Product, w));
            }

            any.Add(phrase, Occur.SHOULD);
        }

        foreach (var e in abbreviations.Expand(product.Trim().ToLowerInvariant()))
        {
            any.Add(new TermQuery(new Term(KbFields.ProductExact, e.Product.ToLowerInvariant())), Occur.SHOULD);
        }

        // A product family, or a family and a version ("Windows NT", "Windows NT 4.0").
        any.Add(new TermQuery(new Term(KbFields.Family, string.Join(' ', product.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())), Occur.SHOULD);
        return any;
    }
}
