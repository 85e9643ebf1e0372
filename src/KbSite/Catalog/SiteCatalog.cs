namespace Kb.Site.Catalog;

/// <summary>
/// Every article of the build in source order, with lookups by id, products with their
/// articles, and backlinks (who references whom). Built once after the first pass; read-only after.
/// </summary>
public sealed class SiteCatalog
{
    private readonly Dictionary<string, ArticleEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _backlinks = new(StringComparer.Ordinal);

    /// <summary>A catalog of these articles, in source order.</summary>
    public SiteCatalog(IReadOnlyList<ArticleEntry> articles)
    {
        Articles = articles;
        foreach (var a in articles)
        {
            if (a.Rendered)
            {
                _byId.TryAdd(a.Id, a);
            }
        }

        var products = new Dictionary<string, List<ArticleEntry>>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            if (!a.Rendered)
            {
                continue;
            }

            foreach (var r in a.References)
            {
                if (!_backlinks.TryGetValue(r, out var list))
                {
                    _backlinks[r] = list = [];
                }

                if (list.Count == 0 || list[^1] != a.Index)
                {
                    list.Add(a.Index);
                }
            }

            foreach (var p in a.Products.Count > 0 ? a.Products : ["Other"])
            {
                if (!products.TryGetValue(p, out var list))
                {
                    products[p] = list = [];
                }

                list.Add(a);
            }
        }

        var slugs = new HashSet<string>(StringComparer.Ordinal);
        Products = products
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select((p, i) => new ProductEntry(i, p.Key, UniqueSlug(Output.SitePaths.Slug(p.Key), slugs), p.Value))
            .ToList();
    }

    /// <summary>Every article, in source order.</summary>
    public IReadOnlyList<ArticleEntry> Articles { get; }

    /// <summary>Product families in case-insensitive name order; <see cref="ProductEntry.Index"/> is the position.</summary>
    public IReadOnlyList<ProductEntry> Products { get; }

    /// <summary>The article with this number, if the site has it.</summary>
    public bool TryGet(string id, out ArticleEntry entry) => _byId.TryGetValue(id, out entry!);

    /// <summary>Articles that reference <paramref name="id"/>, in source order.</summary>
    public IEnumerable<ArticleEntry> ReferencedBy(string id) =>
        _backlinks.TryGetValue(id, out var list) ? list.Select(i => Articles[i]) : [];

    private static string UniqueSlug(string slug, HashSet<string> used)
    {
        var s = slug;
        for (var n = 2; !used.Add(s); n++)
        {
            s = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return s;
    }
}

/// <summary>A product with its articles (source order) and its listing's URL segment.</summary>
public sealed record ProductEntry(int Index, string Name, string Slug, IReadOnlyList<ArticleEntry> Articles);
