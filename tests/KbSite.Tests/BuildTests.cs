using Kb.Site.Check;
using Kb.Site.Output;
using Kb.Site.Theme;

namespace Kb.Site.Tests;

public sealed class BuildTests
{
    /// <summary>A short article body (the text under the header) that references Q100002 and a missing Q999999.</summary>
    internal const string Body = """
        SUMMARY
        =======

        This article says hello to the testing server and nothing else.

        MORE INFORMATION
        ================

        See Q100002 for more, and Q999999 which is not in the corpus.
        """;

    [Fact]
    public async Task Build_WritesArticleHomeListingSearchSitemapAnd404()
    {
        using var site = new MiniSite().Article("Q100001", "TEST: Hello Testing Server", Body).Article("Q100002", "TEST: The Other One", Body);
        var result = await site.BuildAsync();
        Assert.Equal(2, result.Articles);
        var page = site.Read("kb/100/Q100001/index.html");
        Assert.Contains("<h1>TEST: Hello Testing Server</h1>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/kb/100/Q100002/\"", page, StringComparison.Ordinal);
        Assert.Contains("Q999999", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/kb/999/Q999999/\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"decision-aid\"", page, StringComparison.Ordinal);
        Assert.Contains("type=\"search\"", page, StringComparison.Ordinal);
        var other = site.Read("kb/100/Q100002/index.html");
        Assert.Contains("Referenced by", other, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "products", "testing-server", "index.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "search", "index.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "search", "entry.json")));
        Assert.Contains("<loc>/kb/100/Q100001/</loc>", site.Read("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("OpenSearchDescription", site.Read("opensearch.xml"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.Output, "404.html")));
        Assert.Empty(SiteChecker.Check(site.Output).Problems);
    }

    [Fact]
    public async Task Build_BaseUrlPrefixesEveryLink()
    {
        using var site = new MiniSite().Article("Q100001", "TEST: Hello", Body).Article("Q100002", "TEST: Other", Body);
        await site.BuildAsync(baseUrl: "/archive/");
        var page = site.Read("kb/100/Q100001/index.html");
        Assert.Contains("href=\"/archive/kb/100/Q100002/\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/kb/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"/assets", page, StringComparison.Ordinal);
        Assert.Empty(SiteChecker.Check(site.Output).Problems);
    }

    [Fact]
    public async Task ArticleText_IsEscapedNeverMarkup()
    {
        const string evil = """
            SUMMARY
            =======

            Type <script>alert(1)</script> and "><img src=x onerror=alert(2)> here.

                <script>alert(3)</script>
            """;
        using var site = new MiniSite().Article("Q100003", "TEST: <script>alert(4)</script> \"><img src=x onerror=alert(5)>", evil);
        await site.BuildAsync();
        var page = site.Read("kb/100/Q100003/index.html");
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        using var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        Assert.Empty(doc.QuerySelectorAll("img"));
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") is "application/json" or "application/ld+json"));
        Assert.Contains("<script>alert(1)</script>", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/")]
    [InlineData("/kb/../../../etc/")]
    [InlineData("//evil.example/x/")]
    [InlineData("/kb/..\\..\\x/")]
    [InlineData("C:/Windows/")]
    public async Task UnsafePermalink_IsRejectedAndNothingIsWrittenOutside(string permalink)
    {
        using var site = new MiniSite().Article("Q100004", "TEST: Escape", Body, permalink);
        var before = Directory.GetFileSystemEntries(site.Root, "*", SearchOption.AllDirectories).Where(p => !p.StartsWith(site.Output, StringComparison.Ordinal)).ToHashSet();
        var result = await site.BuildAsync();
        var d = Assert.Single(result.Diagnostics, d => d.Code == SiteDiagnosticCodes.UnsafePermalink);
        Assert.Contains("Q100004", d.Subject, StringComparison.Ordinal);
        var after = Directory.GetFileSystemEntries(site.Root, "*", SearchOption.AllDirectories).Where(p => !p.StartsWith(site.Output, StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(before, after);
        Assert.True(File.Exists(Path.Combine(site.Output, "kb", "100", "Q100004", "index.html")));
    }

    [Theory]
    [InlineData("/kb/199/Q199250/", "kb/199/Q199250/index.html")]
    [InlineData("/", "index.html")]
    [InlineData("/a/b.html", "a/b.html")]
    [InlineData("/a/b", "a/b/index.html")]
    public void SitePaths_MapsPermalinksToFiles(string permalink, string file)
    {
        Assert.True(SitePaths.TryGetFile(permalink, out var f, out _));
        Assert.Equal(file, f);
    }

    [Fact]
    public void SiteWriter_RefusesPathsOutsideTheRoot()
    {
        var dir = Directory.CreateTempSubdirectory("kb-writer-").FullName;
        try
        {
            using var w = new SiteWriter(Path.Combine(dir, "out"));
            Assert.Throws<UnsafePathException>(() => w.WriteText("../x.html", "x"));
            Assert.Throws<UnsafePathException>(() => w.WriteText("/etc/x.html", "x"));
            Assert.Throws<UnsafePathException>(() => w.WriteText("a/../../x.html", "x"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task FailedBuild_LeavesThePreviousSiteUntouched()
    {
        using var site = new MiniSite().Article("Q100001", "TEST: Hello", Body);
        await site.BuildAsync();
        var before = site.Read("kb/100/Q100001/index.html");
        var theme = Path.Combine(site.Root, "theme");
        Directory.CreateDirectory(theme);
        File.WriteAllText(Path.Combine(theme, "article.liquid"), "{% for x in %}broken");
        site.Article("Q100001", "TEST: Changed", Body);
        var ex = await Assert.ThrowsAsync<ThemeException>(() => site.BuildAsync(theme));
        Assert.Contains("article.liquid", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, site.Read("kb/100/Q100001/index.html"));
        Assert.Empty(Directory.GetDirectories(site.Root, ".*building*"));
    }

    [Fact]
    public async Task Theme_OverridesOneTemplateByName()
    {
        using var site = new MiniSite().Article("Q100001", "TEST: Hello", Body);
        var theme = Path.Combine(site.Root, "theme");
        Directory.CreateDirectory(theme);
        File.WriteAllText(Path.Combine(theme, "404.liquid"), "<h1>Custom lost page</h1>");
        await site.BuildAsync(theme);
        Assert.Contains("Custom lost page", site.Read("404.html"), StringComparison.Ordinal);
        Assert.Contains("<h1>TEST: Hello</h1>", site.Read("kb/100/Q100001/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondBuild_RerendersOnlyTheChangedArticleAndItsDependents()
    {
        using var site = new MiniSite()
            .Article("Q100001", "TEST: One", Body)
            .Article("Q100002", "TEST: Two", Body)
            .Article("Q100005", "TEST: Five", Body.Replace("Q100002", "Q100006", StringComparison.Ordinal))
            .Article("Q100006", "TEST: Six", Body.Replace("Q100002", "Q100005", StringComparison.Ordinal));
        var first = await site.BuildAsync();
        Assert.Equal(4, first.RenderedArticles.Count);
        Assert.False(first.Search!.Reused);
        var entry = site.Read("search/entry.json");
        var again = await site.BuildAsync();
        Assert.Empty(again.RenderedArticles);
        Assert.Equal(0, again.PagesRendered);
        // Nothing the search files are made of changed: they are linked, not exported again.
        Assert.True(again.Search!.Reused);
        Assert.Equal(first.Search.Files, again.Search.Files);
        Assert.Equal(entry, site.Read("search/entry.json"));
        Assert.All(again.Search.Files, f => Assert.True(File.Exists(Path.Combine(site.Output, f)), f));

        // Q100002's title changes: its page and the pages linking to it (Q100001 references it) change.
        site.Article("Q100002", "TEST: Two, renamed", Body);
        var third = await site.BuildAsync();
        Assert.Equal(["Q100001", "Q100002"], third.RenderedArticles);
        Assert.Contains("TEST: Two, renamed", site.Read("kb/100/Q100002/index.html"), StringComparison.Ordinal);
        Assert.Contains("TEST: Two, renamed", site.Read("kb/100/Q100001/index.html"), StringComparison.Ordinal);
        // ... and the search is exported again, with the new title in its terms.
        Assert.False(third.Search!.Reused);
        Assert.NotEqual(entry, site.Read("search/entry.json"));
        Assert.Contains(third.Search.Files, f => f.StartsWith("search/s/", StringComparison.Ordinal)
            && File.ReadAllText(Path.Combine(site.Output, f)).Contains("\"renam\"", StringComparison.Ordinal));
    }
}
