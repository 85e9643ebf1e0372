using System.Collections.Concurrent;
using Kb.Parser.Model;
using Kb.Parser.Upgrades;
using Kb.Site.Catalog;
using Kb.Site.Views;

namespace Kb.Site.Products;

/// <summary>
/// The site's upgrade guides: assembled from the catalog's upgrade articles before the article pages
/// are rendered (so each article links to its guides), with the options of their articles captured
/// while those are parsed in full, for the guide pages rendered afterwards.
/// </summary>
internal sealed class SiteGuides
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<UpgradeOption>> _options = new(StringComparer.Ordinal);

    private SiteGuides(UpgradeGuides set) => Set = set;

    public UpgradeGuides Set { get; }

    /// <summary>Guide links of each family, as the start or the end of the upgrade.</summary>
    public Dictionary<string, IReadOnlyList<GuideLink>> ByFamily { get; } = new(StringComparer.Ordinal);

    public static SiteGuides Prepare(SiteCatalog catalog)
    {
        var rendered = catalog.Articles.Where(a => a.Rendered && a.Upgrade is not null).ToList();
        var guides = new SiteGuides(UpgradeGuides.Assemble(rendered.Select(a => a.Upgrade!)));
        var byArticle = new Dictionary<string, List<GuideLink>>(StringComparer.Ordinal);
        var byFamily = new Dictionary<string, List<GuideLink>>(StringComparer.Ordinal);
        foreach (var g in guides.Set.Guides)
        {
            var link = new GuideLink { Title = g.Title, Url = g.Path, Count = g.ArticleCount };
            foreach (var family in new[] { g.From.Family, g.To.Family }.Distinct(StringComparer.Ordinal))
            {
                if (!byFamily.TryGetValue(family, out var fl))
                {
                    byFamily[family] = fl = [];
                }

                fl.Add(link);
            }

            foreach (var a in g.Groups.SelectMany(x => x.Articles))
            {
                if (!byArticle.TryGetValue(a.Id, out var al))
                {
                    byArticle[a.Id] = al = [];
                }

                al.Add(link);
            }
        }

        foreach (var a in rendered)
        {
            if (byArticle.TryGetValue(a.Id, out var links))
            {
                a.Guides = links;
            }
        }

        foreach (var (family, links) in byFamily)
        {
            guides.ByFamily[family] = links;
        }

        return guides;
    }

    /// <summary>Keeps the options of an upgrade article, as its record gave them to the entry's upgrade summary.</summary>
    public void Capture(ArticleEntry entry)
    {
        if (entry.Upgrade is { } upgrade)
        {
            _options[entry.Id] = upgrade.Options;
        }
    }

    /// <summary>The options captured for an article, or none.</summary>
    public IReadOnlyList<UpgradeOption> OptionsOf(string id) => _options.TryGetValue(id, out var o) ? o : [];
}
