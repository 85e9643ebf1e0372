using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kb.Index.Search;

/// <summary>
/// One segment's facet values as plain arrays, read once from doc values: counting a hit is then a few
/// array reads instead of doc-values calls (which cost more than scoring the hit). Products are kept in
/// compressed-row form: the ordinals of document <c>d</c> are <c>ProductOrds[ProductStart[d]..ProductStart[d + 1]]</c>.
/// </summary>
internal sealed class FacetTables
{
    private FacetTables(int[] productStart, int[] productOrds, string[] products, int[] kindOrd, string[] kinds, short[] year)
    {
        ProductStart = productStart;
        ProductOrds = productOrds;
        Products = products;
        KindOrd = kindOrd;
        Kinds = kinds;
        Year = year;
    }

    public int[] ProductStart { get; }
    public int[] ProductOrds { get; }
    public string[] Products { get; }
    /// <summary>Kind ordinal per document, -1 for none.</summary>
    public int[] KindOrd { get; }
    public string[] Kinds { get; }
    /// <summary>Year per document, 0 for none.</summary>
    public short[] Year { get; }

    public static FacetTables Read(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        var scratch = new BytesRef();

        var productValues = reader.GetSortedSetDocValues(KbFields.ProductExact);
        var products = new string[productValues?.ValueCount ?? 0];
        for (var ord = 0; ord < products.Length; ord++)
        {
            productValues!.LookupOrd(ord, scratch);
            products[ord] = scratch.Utf8ToString();
        }

        var productStart = new int[maxDoc + 1];
        var productOrds = new List<int>(maxDoc * 2);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            productStart[doc] = productOrds.Count;
            if (productValues is null)
            {
                continue;
            }

            productValues.SetDocument(doc);
            for (var ord = productValues.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = productValues.NextOrd())
            {
                productOrds.Add((int)ord);
            }
        }

        productStart[maxDoc] = productOrds.Count;

        var kindValues = reader.GetSortedDocValues(KbFields.Kind);
        var kinds = new string[kindValues?.ValueCount ?? 0];
        for (var ord = 0; ord < kinds.Length; ord++)
        {
            kindValues!.LookupOrd(ord, scratch);
            kinds[ord] = scratch.Utf8ToString();
        }

        var kindOrd = new int[maxDoc];
        var year = new short[maxDoc];
        var yearValues = reader.GetNumericDocValues(KbFields.Year);
        var hasYear = reader.GetDocsWithField(KbFields.Year);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            kindOrd[doc] = kindValues?.GetOrd(doc) ?? -1;
            if (yearValues is not null && hasYear is not null && hasYear.Get(doc) && yearValues.Get(doc) is var y and > 0 and < 3000)
            {
                year[doc] = (short)y;
            }
        }

        return new FacetTables(productStart, [.. productOrds], products, kindOrd, kinds, year);
    }
}
