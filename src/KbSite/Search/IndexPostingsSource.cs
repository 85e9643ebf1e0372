using Kb.Index.Export;
using Kb.Site.Catalog;

namespace Kb.Site.Search;

/// <summary>
/// The static search's postings from KbIndex's <see cref="SearchExport"/>: every term of the weighted
/// text fields and the article-number forms, with each posting's BM25F weight (the one <c>kb search</c>
/// ranks with) quantised to a byte and its document number mapped to the article's catalog position
/// by id. Product filter terms are merged into the term stream in ordinal order.
/// </summary>
internal sealed class IndexPostingsSource : ISearchPostingsSource
{
    /// <summary>
    /// Impact = weight × this, rounded, at least 1. A weight is below idf × (k1 + 1), about 26.5 for
    /// 60,000 articles (k1 = 1.5), so every impact fits a byte; larger corpora would saturate at 255.
    /// </summary>
    public const double ImpactScale = 8;

    private readonly SearchExport _export;
    private readonly int[] _catalogOf;
    private readonly List<(string Term, (int Doc, byte Impact)[] Postings)> _filters = [];

    public IndexPostingsSource(SearchExport export, SiteCatalog catalog)
    {
        _export = export;
        Documents = catalog.Articles.Count;
        _catalogOf = new int[export.Ids.Count];
        for (var i = 0; i < _catalogOf.Length; i++)
        {
            _catalogOf[i] = catalog.TryGet(export.Ids[i], out var entry) ? entry.Index : -1;
        }
    }

    public int Documents { get; }

    /// <inheritdoc/>
    public void AddProductFilter(string term, IEnumerable<int> docs) =>
        _filters.Add((term, docs.Order().Distinct().Select(d => (d, (byte)0)).ToArray()));

    /// <inheritdoc/>
    public IEnumerable<(string Term, (int Doc, byte Impact)[] Postings)> Postings(int maxPostingsPerTerm, int parallelism)
    {
        var filters = _filters.OrderBy(f => f.Term, StringComparer.Ordinal).ToList();
        var next = 0;
        foreach (var (term, postings) in _export.Terms(t => (t.Term, Impacts(t, maxPostingsPerTerm)), parallelism))
        {
            while (next < filters.Count && string.CompareOrdinal(filters[next].Term, term) < 0)
            {
                yield return filters[next++];
            }

            if (postings.Length > 0)
            {
                yield return (term, postings);
            }
        }

        while (next < filters.Count)
        {
            yield return filters[next++];
        }
    }

    /// <summary>
    /// The term's postings as (catalog position, impact) sorted by position, keeping the
    /// <paramref name="maxPostings"/> highest impacts (those that can reach the first pages of results).
    /// </summary>
    internal (int Doc, byte Impact)[] Impacts(ExportTerm term, int maxPostings)
    {
        var result = new (int Doc, byte Impact)[term.Postings.Count];
        var n = 0;
        foreach (var p in term.Postings)
        {
            var doc = _catalogOf[p.Doc];
            if (doc >= 0)
            {
                result[n++] = (doc, Quantise(p.Weight));
            }
        }

        Array.Resize(ref result, n);
        if (result.Length > maxPostings)
        {
            Array.Sort(result, (a, b) => a.Impact != b.Impact ? b.Impact.CompareTo(a.Impact) : a.Doc.CompareTo(b.Doc));
            Array.Resize(ref result, maxPostings);
        }

        Array.Sort(result, (a, b) => a.Doc.CompareTo(b.Doc));
        return result;
    }

    internal static byte Quantise(float weight) => (byte)Math.Clamp(Math.Round(weight * ImpactScale), 1, 255);
}
