using System.Globalization;
using System.Text.Json;
using Kb.Parser.Upgrades;
using Kb.Site.Build;
using Kb.Site.Catalog;
using Kb.Site.Output;
using Kb.Site.Products;
using Kb.Site.Theme;
using Kb.Site.Views;

namespace Kb.Site;

public sealed partial class KbSiteBuilder
{
    private SiteGuides? _siteGuides;

    /// <summary>The guide pages, the <c>upgrade/</c> index and <c>search/guides.json</c> (what the search box looks guides up in).</summary>
    private static void RenderGuides(SiteGuides guides, SiteCatalog catalog, KbTemplates templates, SiteView site, Dictionary<string, ProductLink> products,
        PageSet pages, SiteWriter writer, string count)
    {
        var all = guides.Set.Guides;
        foreach (var g in all)
        {
            var groups = g.Groups.Select(x => new GuideGroupView
            {
                Id = "g-" + x.Group.ToString().ToLowerInvariant(),
                Heading = x.Heading,
                Articles = x.Articles.Select(a => new GuideArticleView
                {
                    Id = a.Id,
                    Title = a.Title,
                    Url = catalog.TryGet(a.Id, out var e) ? e.Url : "",
                    Why = a.Why,
                    Options = guides.OptionsOf(a.Id).Select(o => new GuideOptionView { Title = o.Title, Conditions = o.Conditions }).ToList(),
                }).ToList(),
            }).ToList();
            var view = new GuideView
            {
                Title = g.Title,
                From = g.From.ToString(),
                To = g.To.ToString(),
                Families = new[] { g.From.Family, g.To.Family }.Distinct(StringComparer.Ordinal)
                    .Where(products.ContainsKey).Select(f => products[f]).ToList(),
                Groups = groups,
                Count = g.ArticleCount,
            };
            var inputs = groups.SelectMany(x => x.Articles.Select(a => x.Id + " " + a.Id + " " + a.Title + " " + a.Url + " " + a.Why
                    + string.Concat(a.Options.Select(o => "\u0001" + o.Title + string.Join('\u0002', o.Conditions)))))
                .Concat(view.Families.Select(f => f.Name + " " + f.Url))
                .Prepend(g.Title).Prepend("guide").Prepend(count);
            pages.Page(g.Path + "index.html", inputs,
                () => templates.Render("guide.liquid", site, new PageView { Title = g.Title, Url = g.Path, Kind = "guide", Description = "The articles to read when " + g.Title.ToLowerInvariant() + ", from planning to after the upgrade." }, "guide", view));
        }

        var families = all.GroupBy(g => g.From.Family, StringComparer.Ordinal)
            .OrderBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
            .Select(f => new GuideFamilyView
            {
                Name = f.Key,
                Url = products.TryGetValue(f.Key, out var p) ? p.Url : "",
                Guides = f.Select(g => new GuideLink { Title = g.Title, Url = g.Path, Count = g.ArticleCount }).ToList(),
            }).ToList();
        pages.Page("upgrade/index.html", all.Select(g => g.Title + " " + g.Path + " " + g.ArticleCount.ToString(CultureInfo.InvariantCulture)).Prepend("upgrade").Prepend(count),
            () => templates.Render("upgrades.liquid", site, new PageView { Title = "Upgrade guides", Url = "upgrade/", Kind = "upgrades" }, "upgrades",
                new UpgradeIndexView { Families = families, Count = all.Count }));

        // The search box shows a guide first when the query names its family and both versions.
        var json = JsonSerializer.SerializeToUtf8Bytes(all.Select(g => new GuideEntry(
            Names(g.From.Family), g.From.Version ?? "", Names(g.To.Family), g.To.Version ?? "", g.Title, g.Path, g.ArticleCount)).ToList(), GuideJson);
        writer.WriteBytes("search/guides.json", json);
    }

    /// <summary>The words a query may name a family by: its name and its abbreviations in the lexicon's title tags.</summary>
    private static List<string> Names(string family) => [family.ToLowerInvariant()];

    private sealed record GuideEntry(List<string> F, string A, List<string> T, string B, string Title, string Url, int N);

    private static readonly JsonSerializerOptions GuideJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
