using Kb.Parser.Model;

namespace Kb.Parser.Products;

/// <summary>
/// Computes an article's normalised product families from its record: the applies-to lines
/// (each with its version), else the header <c>Product(s)</c>, else the title tag (<c>WD97:</c>,
/// <c>XADM:</c>), else the header's group title (Home Games). The header <c>Version(s)</c> belong
/// to the header's product. Families merge their variants: every edition and version of the
/// same family becomes one entry.
/// </summary>
public static class ProductFamilies
{
    /// <summary>The families of one record, in the order the article names them.</summary>
    public static IReadOnlyList<ProductFamily> From(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var names = new List<ProductName>();
        foreach (var a in record.AppliesTo)
        {
            if (ProductNames.Read(a.Product, a.Version) is { Category: false } n)
            {
                names.Add(n);
            }
        }

        var header = record.Products.Select(p => ProductNames.Read(p)).OfType<ProductName>().ToList();
        if (names.Count == 0)
        {
            names.AddRange(header.Where(h => !h.Category));
        }

        if (names.Count == 0 && record.TitlePrefix is { } prefix && ProductNames.Read(prefix) is { Category: false } tagged)
        {
            // A title tag's words beside the family ("README.DOC") are no edition.
            names.Add(tagged with { Edition = null });
        }

        if (names.Count == 0)
        {
            names.AddRange(header.Where(h => h.Category));
        }

        var families = Merge(names);
        // Version(s): the versions of the header's product, or of the only family, when its names gave none.
        var headerVersions = record.Versions.Select(v => ProductNames.NormalizeVersion(v.Version)).Where(ProductNames.IsVersion).ToList();
        if (headerVersions.Count > 0 && families.Count > 0)
        {
            var target = families.FindIndex(f => header.Any(h => h.Family == f.Name));
            if (target < 0 && families.Count == 1)
            {
                target = 0;
            }

            // The header's platform columns (WINDOWS:95; winnt:4.0) are no versions of a family whose own names gave versions.
            if (target >= 0 && families[target].Versions.Count == 0)
            {
                var f = families[target];
                families[target] = f with { Versions = Sorted(f.Versions.Concat(headerVersions)) };
            }
        }

        return families;
    }

    /// <summary>The family a product listing code of the archive (<c>id/&lt;code&gt;/</c>) stands for, from its title.</summary>
    public static string? ForListing(string code, string title)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(title);
        if (ProductLexicon.ListingCodes.TryGetValue(code, out var family))
        {
            return family;
        }

        return ProductNames.Read(title)?.Family;
    }

    /// <summary>Merges names of the same family: versions and editions collected, first-seen order of families kept.</summary>
    public static List<ProductFamily> Merge(IEnumerable<ProductName> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var order = new List<string>();
        var versions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var editions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var n in names)
        {
            if (!versions.TryGetValue(n.Family, out var vs))
            {
                order.Add(n.Family);
                versions[n.Family] = vs = [];
                editions[n.Family] = [];
            }

            vs.AddRange(n.Versions);
            var es = editions[n.Family];
            if (n.Edition is { } e && !es.Contains(e, StringComparer.OrdinalIgnoreCase))
            {
                es.Add(e);
            }
        }

        return order.Select(f => new ProductFamily(f, Sorted(versions[f]), editions[f])).ToList();
    }

    private static List<string> Sorted(IEnumerable<string> versions) =>
        versions.Distinct(StringComparer.Ordinal).Order(ProductNames.VersionComparer).ToList();
}
