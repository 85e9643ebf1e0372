using System.Globalization;
using Kb.Site.Build;
using Kb.Site.Catalog;
using Kb.Site.Theme;
using Kb.Site.Views;

namespace Kb.Site;

public sealed partial class KbSiteBuilder
{
    /// <summary>Home, product listings, search, 404, sitemap and OpenSearch description.</summary>
    private void RenderOtherPages(SiteCatalog catalog, KbTemplates templates, SiteView site, Dictionary<string, ProductLink> products, PageSet pages,
        Dictionary<string, IReadOnlyList<GuideLink>> guides)
    {
        Report("pages", 0, catalog.Products.Count);
        var productLinks = catalog.Products.Select(p => products[p.Name]).ToList();
        var recent = RecentlyModified(catalog, 20).Select(Link).ToList();
        var productInputs = productLinks.Select(p => p.Name + " " + p.Url + " " + p.Count.ToString(CultureInfo.InvariantCulture)).ToList();
        var count = site.ArticleCount.ToString(CultureInfo.InvariantCulture);
        var homeLinks = Products.SiteFamilies.ForHome(catalog.Products).Select(p => products[p.Name]).ToList();
        pages.Page("index.html", homeLinks.Select(p => p.Name + " " + p.Url + " " + p.Count.ToString(CultureInfo.InvariantCulture))
                .Prepend(productLinks.Count.ToString(CultureInfo.InvariantCulture)).Prepend("home").Prepend(count).Concat(recent.Select(r => r.Id + r.Title + r.Url + r.LastModified)),
            () => templates.Render("home.liquid", site, new PageView { Title = site.Title, Url = "", Kind = "home" }, "home",
                new HomeView { Products = homeLinks, Recent = recent, FamilyCount = productLinks.Count }));
        pages.Page("products/index.html", productInputs.Prepend("products").Prepend(count),
            () => templates.Render("products.liquid", site, new PageView { Title = "All products", Url = "products/", Kind = "products" }, "products",
                new ProductsView { Products = productLinks }));
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
                RenderFamily(p, products[p.Name], templates, site, pages, count, guides.TryGetValue(p.Name, out var g) ? g : []);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                pages.Fail("listing " + p.Name, ex);
            }
        });

        var sitemap = new List<SitemapEntry> { new() { Url = "" }, new() { Url = "search/" }, new() { Url = "products/" } };
        sitemap.AddRange(productLinks.Select(p => new SitemapEntry { Url = p.Url }));
        sitemap.Add(new SitemapEntry { Url = "upgrade/" });
        sitemap.AddRange((_siteGuides?.Set.Guides ?? []).Select(g => new SitemapEntry { Url = g.Path }));
        sitemap.AddRange(catalog.Articles.Where(a => a.Rendered).Select(a => new SitemapEntry { Url = a.Url, LastModified = a.LastModified ?? "" }));
        pages.Page("sitemap.xml", sitemap.Select(e => e.Url + " " + e.LastModified).Prepend("sitemap"),
            () => templates.Render("sitemap.xml.liquid", site, new PageView { Title = "sitemap", Url = "sitemap.xml", Kind = "sitemap" }, "sitemap",
                new SitemapView { Entries = sitemap }, layout: false));
    }

    private static ArticleLink Link(ArticleEntry a) => new() { Id = a.Id, Title = a.Title, Url = a.Url, LastModified = a.LastModified ?? "" };
}
