using System.Globalization;
using Kb.Site.Build;
using Kb.Site.Catalog;
using Kb.Site.Output;
using Kb.Site.Products;
using Kb.Site.Theme;
using Kb.Site.Views;

namespace Kb.Site;

public sealed partial class KbSiteBuilder
{
    /// <summary>The orders a listing is written in: number (the default, at the listing's own URL), date (newest first) and title.</summary>
    internal static readonly (string Key, string Label, string Segment)[] ListingOrders =
        [("number", "number", ""), ("date", "date", "by-date/"), ("title", "title", "by-title/")];

    /// <summary>A family's listing in every order, and one listing per version of the family.</summary>
    private void RenderFamily(ProductEntry family, ProductLink link, KbTemplates templates, SiteView site, PageSet pages, string count,
        IReadOnlyList<GuideLink> guides)
    {
        var versions = SiteFamilies.Versions(family)
            .Select(v => (v.Version, v.Articles, Url: link.Url + "v/" + SitePaths.Slug(v.Version) + "/"))
            .GroupBy(v => v.Url, StringComparer.Ordinal).Select(g => g.First())
            .ToList();
        var versionLinks = versions.Select(v => new VersionLink { Version = v.Version, Url = v.Url, Count = v.Articles.Count }).ToList();
        RenderListing(family.Name, family.Name, link.Url, family.Articles, versionLinks, guides, templates, site, pages, count);
        foreach (var v in versions)
        {
            RenderListing(family.Name + " " + v.Version, family.Name, v.Url, v.Articles, [], [], templates, site, pages, count,
                parentUrl: link.Url);
        }
    }

    private void RenderListing(string name, string family, string baseUrl, IReadOnlyList<ArticleEntry> articles, IReadOnlyList<VersionLink> versions,
        IReadOnlyList<GuideLink> guides, KbTemplates templates, SiteView site, PageSet pages, string count, string parentUrl = "")
    {
        var size = Math.Max(1, _options.ListingPageSize);
        foreach (var (key, _, segment) in ListingOrders)
        {
            var sorted = Sort(articles, key);
            var pageCount = Math.Max(1, (sorted.Count + size - 1) / size);
            var orderUrl = baseUrl + segment;
            string UrlOf(int n) => n == 1 ? orderUrl : orderUrl + "page/" + n.ToString(CultureInfo.InvariantCulture) + "/";
            for (var n = 1; n <= pageCount; n++)
            {
                var items = sorted.Skip((n - 1) * size).Take(size).Select(Link).ToList();
                var view = new ListingView
                {
                    Product = name,
                    Family = family,
                    FamilyUrl = parentUrl,
                    Count = sorted.Count,
                    Page = n,
                    PageCount = pageCount,
                    Articles = items,
                    Pages = Pager(n, pageCount).Select(i => new PageLink { Number = i, Url = i == 0 ? "" : UrlOf(i), Current = i == n }).ToList(),
                    PreviousUrl = n > 1 ? UrlOf(n - 1) : "",
                    NextUrl = n < pageCount ? UrlOf(n + 1) : "",
                    Orders = ListingOrders.Select(o => new OrderLink { Label = o.Label, Url = baseUrl + o.Segment, Current = o.Key == key }).ToList(),
                    Versions = n == 1 && key == "number" ? versions : [],
                    Guides = n == 1 && key == "number" ? guides : [],
                };
                var url = UrlOf(n);
                var title = name + (key == "number" ? "" : " by " + key) + (pageCount > 1 ? $" (page {n.ToString(CultureInfo.InvariantCulture)})" : "");
                var inputs = items.Select(i => i.Id + " " + i.Title + " " + i.Url + " " + i.LastModified)
                    .Concat(view.Versions.Select(v => v.Version + " " + v.Url + " " + v.Count.ToString(CultureInfo.InvariantCulture)))
                    .Concat(view.Guides.Select(g => g.Title + " " + g.Url))
                    .Prepend(pageCount.ToString(CultureInfo.InvariantCulture)).Prepend(url).Prepend(name).Prepend(count);
                pages.Page(url + "index.html", inputs,
                    () => templates.Render("listing.liquid", site, new PageView { Title = title, Url = url, Kind = "listing" }, "listing", view));
            }
        }
    }

    /// <summary>The page numbers a pager shows: the first, the last and two either side of the current one; 0 marks a gap.</summary>
    internal static List<int> Pager(int current, int pageCount)
    {
        var shown = new SortedSet<int> { 1, pageCount };
        for (var i = current - 2; i <= current + 2; i++)
        {
            if (i >= 1 && i <= pageCount)
            {
                shown.Add(i);
            }
        }

        var result = new List<int>();
        var last = 0;
        foreach (var i in shown)
        {
            if (i > last + 1)
            {
                result.Add(0);
            }

            result.Add(i);
            last = i;
        }

        return result;
    }

    private static List<ArticleEntry> Sort(IReadOnlyList<ArticleEntry> articles, string key) => key switch
    {
        "date" => articles.OrderByDescending(a => a.LastModified ?? "", StringComparer.Ordinal).ThenBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal).ToList(),
        "title" => articles.OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id, StringComparer.Ordinal).ToList(),
        _ => articles.OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal).ToList(),
    };
}
