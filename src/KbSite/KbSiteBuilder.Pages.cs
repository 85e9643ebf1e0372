using System.Globalization;
using Kb.Site.Build;
using Kb.Site.Catalog;
using Kb.Site.Theme;
using Kb.Site.Views;

namespace Kb.Site;

public sealed partial class KbSiteBuilder
{
    /// <summary>Home, product listings, search, 404, sitemap and OpenSearch description.</summary>
    private void RenderOtherPages(SiteCatalog catalog, KbTemplates templates, SiteView site, Dictionary<string, ProductLink> products, PageSet pages)
    {
        Report("pages", 0, catalog.Products.Count);
        var productLinks = catalog.Products.Select(p => products[p.Name]).ToList();
        var recent = catalog.Articles
            .Where(a => a.Rendered && a.LastModified is not null)
            .OrderByDescending(a => a.LastModified, StringComparer.Ordinal)
            .ThenBy(a => a.Index)
            .Take(20)
            .Select(Link)
            .ToList();
        var productInputs = productLinks.Select(p => p.Name + " " + p.Url + " " + p.Count.ToString(CultureInfo.InvariantCulture)).ToList();
        var count = site.ArticleCount.ToString(CultureInfo.InvariantCulture);
        pages.Page("index.html", productInputs.Prepend("home").Prepend(count).Concat(recent.Select(r => r.Id + r.Title + r.Url + r.LastModified)),
            () => templates.Render("home.liquid", site, new PageView { Title = site.Title, Url = "", Kind = "home" }, "home",
                new HomeView { Products = productLinks, Recent = recent }));
        pages.Page("search/index.html", productInputs.Prepend("search").Prepend(count),
            () => templates.Render("search.liquid", site, new PageView { Title = "Search", Url = "search/", Kind = "search" }, "search",
                new SearchView { Products = productLinks }));
        pages.Page("404.html", ["404", count],
            () => templates.Render("404.liquid", site, new PageView { Title = "Page not found", Url = "404.html", Kind = "notfound" }, "page", null));
        pages.Page("opensearch.xml", ["opensearch"],
            () => templates.Render("opensearch.xml.liquid", site, new PageView { Title = site.Title, Url = "opensearch.xml", Kind = "opensearch" }, "page", null, layout: false));

        Parallel.ForEach(catalog.Products, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism }, p =>
        {
            try
            {
                RenderListing(p, products[p.Name], templates, site, pages, count);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                pages.Fail("listing " + p.Name, ex);
            }
        });

        var sitemap = new List<SitemapEntry> { new() { Url = "" }, new() { Url = "search/" } };
        sitemap.AddRange(productLinks.Select(p => new SitemapEntry { Url = p.Url }));
        sitemap.AddRange(catalog.Articles.Where(a => a.Rendered).Select(a => new SitemapEntry { Url = a.Url, LastModified = a.LastModified ?? "" }));
        pages.Page("sitemap.xml", sitemap.Select(e => e.Url + " " + e.LastModified).Prepend("sitemap"),
            () => templates.Render("sitemap.xml.liquid", site, new PageView { Title = "sitemap", Url = "sitemap.xml", Kind = "sitemap" }, "sitemap",
                new SitemapView { Entries = sitemap }, layout: false));
    }

    private void RenderListing(ProductEntry product, ProductLink link, KbTemplates templates, SiteView site, PageSet pages, string count)
    {
        var size = Math.Max(1, _options.ListingPageSize);
        var sorted = product.Articles.OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var pageCount = Math.Max(1, (sorted.Count + size - 1) / size);
        string UrlOf(int n) => n == 1 ? link.Url : link.Url + "page/" + n.ToString(CultureInfo.InvariantCulture) + "/";
        for (var n = 1; n <= pageCount; n++)
        {
            var items = sorted.Skip((n - 1) * size).Take(size).Select(Link).ToList();
            var view = new ListingView
            {
                Product = product.Name,
                Count = sorted.Count,
                Page = n,
                PageCount = pageCount,
                Articles = items,
                Pages = Enumerable.Range(1, pageCount).Select(i => new PageLink { Number = i, Url = UrlOf(i), Current = i == n }).ToList(),
                PreviousUrl = n > 1 ? UrlOf(n - 1) : "",
                NextUrl = n < pageCount ? UrlOf(n + 1) : "",
            };
            var url = UrlOf(n);
            var title = pageCount > 1 ? $"{product.Name} (page {n.ToString(CultureInfo.InvariantCulture)})" : product.Name;
            var inputs = items.Select(i => i.Id + " " + i.Title + " " + i.Url + " " + i.LastModified)
                .Prepend(pageCount.ToString(CultureInfo.InvariantCulture)).Prepend(url).Prepend(product.Name).Prepend(count);
            pages.Page(url + "index.html", inputs,
                () => templates.Render("listing.liquid", site, new PageView { Title = title, Url = url, Kind = "listing" }, "listing", view));
        }
    }

    private static ArticleLink Link(ArticleEntry a) => new() { Id = a.Id, Title = a.Title, Url = a.Url, LastModified = a.LastModified ?? "" };
}
