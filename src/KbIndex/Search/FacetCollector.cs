using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kb.Index.Search;

/// <summary>
/// Counts products, kinds and years of every matching document from doc values (Lucene.Net.Facet
/// is not available). Counts are kept per segment by ordinal and turned into strings once per segment.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, int> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _kinds = new(StringComparer.Ordinal);
    // Years counted in an array indexed from year 0 to 2999: a dictionary per hit costs more than the search.
    private readonly int[] _years = new int[3000];
    private SortedSetDocValues? _productValues;
    private SortedDocValues? _kindValues;
    private NumericDocValues? _yearValues;
    private IBits? _hasYear;
    private int[] _productCounts = [];
    private int[] _kindCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var r = context.AtomicReader;
        _productValues = r.GetSortedSetDocValues(KbFields.ProductExact);
        _kindValues = r.GetSortedDocValues(KbFields.Kind);
        _yearValues = r.GetNumericDocValues(KbFields.Year);
        _hasYear = r.GetDocsWithField(KbFields.Year);
        _productCounts = new int[_productValues?.ValueCount ?? 0];
        _kindCounts = new int[_kindValues?.ValueCount ?? 0];
    }

    public void Collect(int doc)
    {
        if (_productValues is not null)
        {
            _productValues.SetDocument(doc);
            for (var ord = _productValues.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _productValues.NextOrd())
            {
                _productCounts[ord]++;
            }
        }

        if (_kindValues is not null && _kindValues.GetOrd(doc) is var k and >= 0)
        {
            _kindCounts[k]++;
        }

        if (_yearValues is not null && _hasYear is not null && _hasYear.Get(doc))
        {
            var y = _yearValues.Get(doc);
            if (y is >= 0 and < 3000)
            {
                _years[y]++;
            }
        }
    }

    public FacetCounts Result()
    {
        Flush();
        return new FacetCounts(
            Sorted(_products),
            Sorted(_kinds),
            Enumerable.Range(0, _years.Length).Reverse().Where(y => _years[y] > 0)
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
        var scratch = new BytesRef();
        for (var ord = 0; ord < _productCounts.Length; ord++)
        {
            if (_productCounts[ord] > 0)
            {
                _productValues!.LookupOrd(ord, scratch);
                var name = scratch.Utf8ToString();
                _products[name] = _products.GetValueOrDefault(name) + _productCounts[ord];
            }
        }

        for (var ord = 0; ord < _kindCounts.Length; ord++)
        {
            if (_kindCounts[ord] > 0)
            {
                _kindValues!.LookupOrd(ord, scratch);
                var name = scratch.Utf8ToString();
                _kinds[name] = _kinds.GetValueOrDefault(name) + _kindCounts[ord];
            }
        }

        _productCounts = [];
        _kindCounts = [];
    }
}
