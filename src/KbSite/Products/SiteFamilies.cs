using Kb.Parser.Products;
using Kb.Site.Catalog;

namespace Kb.Site.Products;

/// <summary>The product families of the site: listing fallbacks, the home page's choice and each family's versions.</summary>
public static class SiteFamilies
{
    /// <summary>How many families the home page lists (the largest); <c>/products/</c> lists them all.</summary>
    public const int HomeFamilies = 60;

    /// <summary>
    /// Gives the articles whose own text names no product the families of the archive's id/ listings
    /// they appear in (the older "See article" ones). Sources without listings change nothing.
    /// </summary>
    public static void FillFromListings(IReadOnlyList<ArticleEntry> entries, IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(sources);
        if (entries.All(e => e.Products.Count > 0))
        {
            return;
        }

        var listings = sources.Select(ProductListings.Load).ToList();
        foreach (var e in entries)
        {
            if (e.Products.Count == 0)
            {
                e.Products = listings.SelectMany(l => l.FamiliesOf(e.Id)).Distinct(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>The families the home page lists: the <see cref="HomeFamilies"/> with the most articles, in name order.</summary>
    public static IReadOnlyList<ProductEntry> ForHome(IReadOnlyList<ProductEntry> families) =>
        families.OrderByDescending(f => f.Articles.Count).ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Take(HomeFamilies)
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>A family's versions in release order with the articles naming each.</summary>
    public static IReadOnlyList<(string Version, IReadOnlyList<ArticleEntry> Articles)> Versions(ProductEntry family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var byVersion = new Dictionary<string, List<ArticleEntry>>(StringComparer.Ordinal);
        foreach (var a in family.Articles)
        {
            foreach (var f in a.Families)
            {
                if (!f.Name.Equals(family.Name, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var v in f.Versions)
                {
                    if (!byVersion.TryGetValue(v, out var list))
                    {
                        byVersion[v] = list = [];
                    }

                    list.Add(a);
                }
            }
        }

        return byVersion.OrderBy(v => v.Key, ProductNames.VersionComparer)
            .Select(v => (v.Key, (IReadOnlyList<ArticleEntry>)v.Value)).ToList();
    }
}
