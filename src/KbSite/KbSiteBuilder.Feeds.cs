using System.Globalization;
using System.Text;
using System.Xml;
using Kb.Site.Build;
using Kb.Site.Catalog;
using Kb.Site.Views;

namespace Kb.Site;

public sealed partial class KbSiteBuilder
{
    /// <summary>Articles in the Atom feed: the most recently modified.</summary>
    public const int FeedSize = 50;

    /// <summary><c>robots.txt</c> (with the sitemap's absolute URL when there is one) and the Atom feed <c>feed.xml</c>.</summary>
    private void RenderFeeds(SiteCatalog catalog, SiteView site, PageSet pages)
    {
        if (site.SiteUrl.Length == 0)
        {
            _diagnostics.Add(new SiteDiagnostic(SiteDiagnosticCodes.RelativeUrls, _options.OutputDir,
                "no --site-url: sitemap.xml, the OpenSearch description, the feed and rel=canonical get URLs without a host, which crawlers and browsers may not accept"));
        }

        var robots = "User-agent: *\nAllow: /\n" + (site.SiteUrl.Length > 0 ? "Sitemap: " + site.SiteUrl + _baseUrl + "sitemap.xml\n" : "");
        pages.Page("robots.txt", ["robots", robots], () => robots);

        var recent = RecentlyModified(catalog, FeedSize);
        pages.Page("feed.xml", recent.Select(a => a.Id + " " + a.Title + " " + a.Url + " " + a.LastModified + " " + a.Excerpt).Prepend(site.Title).Prepend("feed"),
            () => Atom(site, recent));
    }

    /// <summary>The <paramref name="count"/> most recently modified articles, newest first (home page and feed).</summary>
    private static List<ArticleEntry> RecentlyModified(SiteCatalog catalog, int count) =>
        catalog.Articles
            .Where(a => a.Rendered && a.LastModified is not null)
            .OrderByDescending(a => a.LastModified, StringComparer.Ordinal)
            .ThenBy(a => a.Index)
            .Take(count)
            .ToList();

    private string Atom(SiteView site, List<ArticleEntry> recent)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            w.WriteStartDocument();
            w.WriteStartElement("feed", ns);
            w.WriteElementString("title", ns, site.Title + ": recently modified articles");
            w.WriteElementString("id", ns, site.SiteUrl.Length > 0 ? site.SiteUrl + _baseUrl : "urn:kb:" + Uri.EscapeDataString(site.Title));
            w.WriteElementString("updated", ns, Stamp(recent.Count > 0 ? recent[0].LastModified! : "2000-01-01"));
            Link(w, ns, "self", site.SiteUrl + _baseUrl + "feed.xml");
            Link(w, ns, "alternate", site.SiteUrl + _baseUrl);
            w.WriteStartElement("author", ns);
            w.WriteElementString("name", ns, "Microsoft");
            w.WriteEndElement();
            foreach (var a in recent)
            {
                w.WriteStartElement("entry", ns);
                w.WriteElementString("title", ns, a.Id + ": " + a.Title);
                w.WriteElementString("id", ns, "urn:kb:article:" + a.Id);
                w.WriteElementString("updated", ns, Stamp(a.LastModified!));
                Link(w, ns, "alternate", site.SiteUrl + _baseUrl + a.Url);
                if (a.Excerpt.Length > 0)
                {
                    w.WriteElementString("summary", ns, a.Excerpt);
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the file is written as UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter w, string ns, string rel, string href)
    {
        w.WriteStartElement("link", ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Stamp(string isoDate) =>
        DateTime.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
            ? d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "2000-01-01T00:00:00Z";
}
