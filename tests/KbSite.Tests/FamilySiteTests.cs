using System.Text.Json;
using System.Xml.Linq;
using Kb.Site;
using Kb.Site.Check;

namespace Kb.Site.Tests;

/// <summary>Families, listings, upgrade guides and the site's conventions (robots, feed, canonical, JSON-LD) on a small built site.</summary>
public sealed class FamilySiteTests
{
    private const string Plain = "SUMMARY\n=======\n\nAn ordinary article about the product.";

    private static string Upgrade(string extra) =>
        "SUMMARY\n=======\n\n" + extra + "\n\nMORE INFORMATION\n================\n\nThe details follow.";

    private static async Task<(MiniSite Site, SiteBuildResult Result)> Build(int pageSize = 100, string siteUrl = "")
    {
        var site = new MiniSite();
        for (var i = 1; i <= 12; i++)
        {
            site.Article("Q2000" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), $"TEST: Article number {i}", Plain);
        }

        site.Article("Q300001", "TEST: How to Upgrade Testing Server from Version 1.0 to 2.0",
                Upgrade("This article describes how to upgrade Testing Server from version 1.0 to version 2.0."))
            .Article("Q300002", "TEST: Setup Fails When You Upgrade from Version 1.0 to 2.0",
                "SYMPTOMS\n========\n\nSetup fails when you upgrade Testing Server from version 1.0 to version 2.0.\n\nRESOLUTION\n==========\n\nRestart first.")
            .Article("Q300003", "TEST: Reports Are Empty After You Upgrade to Testing Server 2.0",
                "SYMPTOMS\n========\n\nAfter you upgrade to Testing Server 2.0, the reports are empty.\n\nRESOLUTION\n==========\n\nRebuild them.");
        var result = await KbSiteBuilder.BuildAsync(new SiteOptions
        {
            Source = site.Content, OutputDir = site.Output, MaxParallelism = 2, StrictTemplates = true, ListingPageSize = pageSize, SiteUrl = siteUrl,
        });
        return (site, result);
    }

    [Fact]
    public async Task Family_HasIndexVersionsOrdersAndAShortPager()
    {
        var (site, result) = await Build(pageSize: 2);
        using (site)
        {
            Assert.Contains("href=\"/products/testing-server/\"", site.Read("index.html"), StringComparison.Ordinal);
            Assert.Contains("href=\"/products/testing-server/\"", site.Read("products/index.html"), StringComparison.Ordinal);
            var family = site.Read("products/testing-server/index.html");
            Assert.Contains("href=\"/products/testing-server/v/1-0/\"", family, StringComparison.Ordinal);
            Assert.Contains("href=\"/products/testing-server/by-date/\"", family, StringComparison.Ordinal);
            Assert.Contains("href=\"/products/testing-server/by-title/\"", family, StringComparison.Ordinal);
            // 15 articles at 2 a page: 8 pages; page 1 shows 1, 2, 3, a gap and 8.
            var pager = family[family.IndexOf("kb-pager", StringComparison.Ordinal)..];
            Assert.Equal(["1", "2", "3", "8"], System.Text.RegularExpressions.Regex.Matches(pager, @">(\d+)</").Select(m => m.Groups[1].Value));
            Assert.Contains("kb-gap", pager, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(site.Output, "products/testing-server/page/8/index.html")));
            Assert.False(File.Exists(Path.Combine(site.Output, "products/testing-server/page/9/index.html")));
            // The title order starts with the article whose title sorts first, case-insensitively.
            var byTitle = site.Read("products/testing-server/by-title/index.html");
            Assert.Contains("Article number 1<", byTitle, StringComparison.Ordinal);
            Assert.Empty(SiteChecker.Check(site.Output).Problems);
            Assert.Equal(15, result.Articles);
        }
    }

    [Fact]
    public async Task UpgradeGuide_GroupsItsArticlesAndIsLinkedBothWays()
    {
        var (site, _) = await Build();
        using (site)
        {
            var guide = site.Read("upgrade/testing-server/1-0-to-2-0/index.html");
            var how = guide.IndexOf("id=\"g-how\"", StringComparison.Ordinal);
            var during = guide.IndexOf("id=\"g-during\"", StringComparison.Ordinal);
            var after = guide.IndexOf("id=\"g-after\"", StringComparison.Ordinal);
            Assert.True(how > 0 && during > how && after > during, "groups in reading order: " + guide);
            Assert.True(guide.IndexOf("Q300001", StringComparison.Ordinal) is var a && a > how && a < during);
            Assert.True(guide.IndexOf("Q300002", StringComparison.Ordinal) is var b && b > during && b < after);
            Assert.True(guide.IndexOf("Q300003", StringComparison.Ordinal) > after);
            Assert.Contains("class=\"kb-why\"", guide, StringComparison.Ordinal);
            Assert.Contains("href=\"/upgrade/testing-server/1-0-to-2-0/\"", site.Read("upgrade/index.html"), StringComparison.Ordinal);
            Assert.Contains("href=\"/upgrade/testing-server/1-0-to-2-0/\"", site.Read("products/testing-server/index.html"), StringComparison.Ordinal);
            Assert.Contains("href=\"/upgrade/testing-server/1-0-to-2-0/\"", site.Read("kb/300/Q300002/index.html"), StringComparison.Ordinal);
            Assert.DoesNotContain("/upgrade/", site.Read("kb/200/Q200001/index.html").Split("<main")[1], StringComparison.Ordinal);
            using var json = JsonDocument.Parse(site.Read("search/guides.json"));
            Assert.Equal("/upgrade/testing-server/1-0-to-2-0/".TrimStart('/'), json.RootElement[0].GetProperty("url").GetString());
        }
    }

    [Fact]
    public async Task Conventions_RobotsFeedCanonicalJsonLdAndIds()
    {
        var (site, result) = await Build(siteUrl: "https://kb.example.org");
        using (site)
        {
            Assert.Contains("Sitemap: https://kb.example.org/sitemap.xml", site.Read("robots.txt"), StringComparison.Ordinal);
            var feed = XDocument.Parse(site.Read("feed.xml"));
            XNamespace atom = "http://www.w3.org/2005/Atom";
            Assert.Equal(15, feed.Root!.Elements(atom + "entry").Count());
            var article = site.Read("kb/300/Q300001/index.html");
            Assert.Contains("<link rel=\"canonical\" href=\"https://kb.example.org/kb/300/Q300001/\">", article, StringComparison.Ordinal);
            var ld = article[(article.IndexOf("application/ld+json\">", StringComparison.Ordinal) + 21)..];
            using var doc = JsonDocument.Parse(ld[..ld.IndexOf("</script>", StringComparison.Ordinal)]);
            Assert.Equal("TechArticle", doc.RootElement.GetProperty("@type").GetString());
            Assert.Equal("Q300001", doc.RootElement.GetProperty("identifier").GetString());
            Assert.DoesNotMatch(@" id=""[0-9]", article);
            Assert.Equal("KnowledgeBase", XDocument.Parse(site.Read("opensearch.xml")).Root!.Elements().First(e => e.Name.LocalName == "ShortName").Value);
            Assert.DoesNotContain(result.Diagnostics, d => d.Code == SiteDiagnosticCodes.RelativeUrls);
            // The search page's body no longer carries the header form's flex class.
            Assert.Contains("<body class=\"kb-search\">", site.Read("search/index.html"), StringComparison.Ordinal);
            Assert.Contains("<form class=\"kb-searchbox\"", site.Read("search/index.html"), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task SearchBox_ShowsTheGuideWhenTheQueryNamesTheFamilyAndBothVersions()
    {
        Skip.If(SearchScript.Node is null, SearchScript.NoNode);
        var (site, _) = await Build();
        using (site)
        {
            var urls = SearchScript.GuideFor(site.Output, ["upgrade testing server 1.0 to 2.0", "testing server 2.0 reports", "testing server 1 to 2.0"]);
            Assert.Equal(["upgrade/testing-server/1-0-to-2-0/", "", "upgrade/testing-server/1-0-to-2-0/"], urls);
        }
    }

    [Fact]
    public async Task NoSiteUrl_IsReported()
    {
        var (site, result) = await Build();
        using (site)
        {
            Assert.Contains(result.Diagnostics, d => d.Code == SiteDiagnosticCodes.RelativeUrls);
        }
    }
}
