using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kb.Index.Search;

/// <summary>
/// Counts products, kinds and years of every matching document (Lucene.Net.Facet is not available):
/// per segment by ordinal in the segment's <see cref="FacetTables"/>, turned into strings once per segment.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly Func<AtomicReaderContext, FacetTables> _tablesOf;
    private readonly Dictionary<string, int> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _kinds = new(StringComparer.Ordinal);
    private readonly int[] _years = new int[3000];
    private FacetTables? _tables;
    private int[] _productCounts = [];
    private int[] _kindCounts = [];

    public FacetCollector(Func<AtomicReaderContext, FacetTables> tablesOf) => _tablesOf = tablesOf;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _tables = _tablesOf(context);
        _productCounts = new int[_tables.Products.Length];
        _kindCounts = new int[_tables.Kinds.Length];
    }

    public void Collect(int doc)
    {
        var t = _tables!;
        for (var i = t.ProductStart[doc]; i < t.ProductStart[doc + 1]; i++)
        {
            _productCounts[t.ProductOrds[i]]++;
        }

        if (t.KindOrd[doc] is var k and >= 0)
        {
            _kindCounts[k]++;
        }

        _years[t.Year[doc]]++;
    }

    public FacetCounts Result()
    {
        Flush();
        return new FacetCounts(
            Sorted(_products),
            Sorted(_kinds),
            Enumerable.Range(1, _years.Length - 1).Reverse().Where(y => _years[y] > 0)
                .Select(y => new FacetValue(y.ToString(CultureInfo.InvariantCulture), _years[y])).ToList());
    }

    /// <summary>The counts of several collectors (one per slice of the index) together.</summary>
    public static FacetCounts Merge(IReadOnlyList<FacetCollector?> collectors)
    {
        var all = collectors.OfType<FacetCollector>().ToList();
        if (all.Count == 0)
        {
            return FacetCounts.None;
        }

        var first = all[0];
        first.Flush();
        foreach (var other in all.Skip(1))
        {
            other.Flush();
            foreach (var (k, v) in other._products)
            {
                first._products[k] = first._products.GetValueOrDefault(k) + v;
            }

            foreach (var (k, v) in other._kinds)
            {
                first._kinds[k] = first._kinds.GetValueOrDefault(k) + v;
            }

            for (var y = 0; y < first._years.Length; y++)
            {
                first._years[y] += other._years[y];
            }
        }

        return first.Result();
    }

    private static List<FacetValue> Sorted(Dictionary<string, int> counts) =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new FacetValue(p.Key, p.Value)).ToList();

    private void Flush()
    {
        if (_tables is null)
        {
            return;
        }

        for (var ord = 0; ord < _productCounts.Length; ord++)
        {
            if (_productCounts[ord] > 0)
            {
                var name = _tables.Products[ord];
                _products[name] = _products.GetValueOrDefault(name) + _productCounts[ord];
            }
        }

        for (var ord = 0; ord < _kindCounts.Length; ord++)
        {
            if (_kindCounts[ord] > 0)
            {
                var name = _tables.Kinds[ord];
                _kinds[name] = _kinds.GetValueOrDefault(name) + _kindCounts[ord];
            }
        }

        _productCounts = [];
        _kindCounts = [];
    }
}
