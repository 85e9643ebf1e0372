namespace Kb.Site.Tests;

/// <summary>
/// A rebuild after a change, an addition or a deletion parses only the articles whose files changed,
/// renders only the pages that show them, and leaves the same site as a full build of the same input.
/// </summary>
public sealed class IncrementalBuildTests
{
    private const string Body = BuildTests.Body;

    private static MiniSite Site() => new MiniSite()
        .Article("Q100001", "TEST: One", Body)
        .Article("Q100002", "TEST: Two", Body.Replace("Q100002", "Q100003", StringComparison.Ordinal))
        .Article("Q100003", "TEST: Three", Body.Replace("Q100002", "Q100001", StringComparison.Ordinal))
        .Article("Q100005", "TEST: Five", Body.Replace("Q100002", "Q100006", StringComparison.Ordinal))
        .Article("Q100006", "TEST: Six", Body.Replace("Q100002 for more", "the gadget manual", StringComparison.Ordinal));

    [Fact]
    public async Task NothingChanged_WritesNothingAndOpensNoArticle()
    {
        using var site = Site();
        await site.BuildAsync();
        var state = File.GetLastWriteTimeUtc(Path.Combine(site.Output, ".kb-build.json"));
        var again = await site.BuildAsync();
        Assert.True(again.UpToDate);
        Assert.Equal(0, again.ArticlesParsed);
        Assert.Equal(5, again.Articles);
        Assert.Equal(state, File.GetLastWriteTimeUtc(Path.Combine(site.Output, ".kb-build.json")));

        // A touch changes the stamp, not the bytes: the file is read and hashed, but not parsed.
        var file = Path.Combine(site.Content, "100", "Q100002", "README.md");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        var touched = await site.BuildAsync();
        Assert.False(touched.UpToDate);
        Assert.Equal(0, touched.ArticlesParsed);
        Assert.Empty(touched.RenderedArticles);
        await AssertSameAsFullBuild(site);
    }

    [Fact]
    public async Task ChangedTitle_RerendersTheArticleAndThoseLinkingToIt_AndEqualsAFullBuild()
    {
        using var site = Site();
        await site.BuildAsync();
        site.Article("Q100002", "TEST: Two, renamed", Body.Replace("Q100002", "Q100003", StringComparison.Ordinal));
        var result = await site.BuildAsync();
        Assert.Equal(1, result.ArticlesParsed);
        // Q100001 links to Q100002; Q100003 is linked from it, so shows it among its backlinks.
        Assert.Equal(["Q100001", "Q100002", "Q100003"], result.RenderedArticles);
        Assert.False(result.Search!.Reused);
        Assert.Contains("TEST: Two, renamed", site.Read("kb/100/Q100001/index.html"), StringComparison.Ordinal);
        await AssertSameAsFullBuild(site);
    }

    [Fact]
    public async Task AddedArticle_RendersItAndTheArticleItLinksTo_AndEqualsAFullBuild()
    {
        using var site = Site();
        await site.BuildAsync();
        site.Article("Q100007", "TEST: Seven", Body.Replace("Q100002", "Q100005", StringComparison.Ordinal));
        var result = await site.BuildAsync();
        Assert.Equal(1, result.ArticlesParsed);
        Assert.Equal(["Q100005", "Q100007"], result.RenderedArticles);
        Assert.Equal(6, result.Articles);
        Assert.Contains("TEST: Seven", site.Read("kb/100/Q100005/index.html"), StringComparison.Ordinal);
        await AssertSameAsFullBuild(site);
    }

    [Fact]
    public async Task DeletedArticle_RemovesItsPageAndRerendersTheArticlesLinkingToIt_AndEqualsAFullBuild()
    {
        using var site = Site();
        await site.BuildAsync();
        Directory.Delete(Path.Combine(site.Content, "100", "Q100006"), recursive: true);
        var result = await site.BuildAsync();
        Assert.Equal(0, result.ArticlesParsed);
        Assert.Equal(["Q100005"], result.RenderedArticles);
        Assert.Equal(4, result.Articles);
        Assert.False(File.Exists(Path.Combine(site.Output, "kb", "100", "Q100006", "index.html")));
        Assert.DoesNotContain("TEST: Six", site.Read("kb/100/Q100005/index.html"), StringComparison.Ordinal);
        await AssertSameAsFullBuild(site);
    }

    [Fact]
    public async Task DuplicateGone_TheHiddenCopyIsParsedAgainAndRendered()
    {
        using var site = Site();
        // A second file claiming Q100001's page: hidden while the first exists.
        var copy = Path.Combine(site.Content, "999", "copy");
        Directory.CreateDirectory(copy);
        File.WriteAllText(Path.Combine(copy, "README.md"), File.ReadAllText(Path.Combine(site.Content, "100", "Q100001", "README.md")).Replace("TEST: One", "TEST: One again", StringComparison.Ordinal));
        var first = await site.BuildAsync();
        Assert.Contains(first.Diagnostics, d => d.Code == SiteDiagnosticCodes.DuplicateId);
        Directory.Delete(Path.Combine(site.Content, "100", "Q100001"), recursive: true);
        var result = await site.BuildAsync();
        Assert.Equal(1, result.ArticlesParsed);
        Assert.Contains("TEST: One again", site.Read("kb/100/Q100001/index.html"), StringComparison.Ordinal);
        await AssertSameAsFullBuild(site);
    }

    /// <summary>A full build of the same input into another folder has the same files with the same bytes (the build state aside).</summary>
    private static async Task AssertSameAsFullBuild(MiniSite site)
    {
        var full = Path.Combine(site.Root, "_full");
        await KbSiteBuilder.BuildAsync(new SiteOptions { Source = site.Content, OutputDir = full, Incremental = false, MaxParallelism = 2, StrictTemplates = true });
        var expected = SiteFiles(full);
        var actual = SiteFiles(site.Output);
        Assert.Equal(expected, actual);
        foreach (var f in expected)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(full, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site.Output, f))), f + " differs from the full build's");
        }

        Directory.Delete(full, recursive: true);
    }

    /// <summary>Every file of a site but the build state (the state file and the record store).</summary>
    private static List<string> SiteFiles(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
        .Where(f => f != ".kb-build.json" && !f.StartsWith(".kb/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();
}
