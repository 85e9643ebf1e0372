using Kb.Tests.Support;
using Xunit.Abstractions;

namespace Kb.Site.Tests;

/// <summary>
/// The incremental search export (docs/architecture.md): after articles of the sample changed, a rebuild
/// writes only the search files the change touched, every other file of the site equals a full build's
/// byte for byte, and kb.js over the rebuilt site's search files gives the full build's first ten results
/// for every benchmark query. The search files themselves may differ from a full build's: they keep the
/// collection statistics of the last full export (the average lengths moved by far less than the 1 %
/// allowed), so a weight can be one impact step away from the full build's.
/// </summary>
public sealed class IncrementalSearchTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task ChangedArticles_RewriteOnlyTheirSearchFiles_AndGiveAFullBuildsTopTen()
    {
        Skip.If(SearchScript.Node is null, SearchScript.NoNode);
        var sample = TestCorpus.RequireSample();
        using var site = new MiniSite();
        Copy(sample, site.Content);
        var first = await site.BuildAsync();
        Assert.False(first.Search!.Incremental);

        // One article's title and text change: new words, words gone, new lengths.
        var article = Path.Combine(site.Content, "199", "Q199250", "README.md");
        File.WriteAllText(article, File.ReadAllText(article)
            .Replace("Secondary Site Upgrade Options", "Secondary Site Upgrade Options Zeppelinx", StringComparison.Ordinal)
            .Replace("three methods", "three quixotically named methods", StringComparison.Ordinal));
        var second = await site.BuildAsync();
        Assert.Equal(1, second.ArticlesParsed);
        Assert.True(second.Search!.Incremental);
        // The shards of the moved terms, one result group, the meta file and the entry; the rest is linked.
        output.WriteLine($"first change: {second.Search.Written} of {second.Search.Files.Count} search files written ({second.Search.Shards} shards)");
        Assert.True(second.Search.Written < second.Search.Files.Count / 2, $"{second.Search.Written} of {second.Search.Files.Count} search files written ({second.Search.Shards} shards)");
        await AssertSameResultsAsFullBuild(site, ["zeppelinx", "quixotically", "secondary site upgrade options"]);

        // A second change on top of the first: the earlier rewritten files are carried, the new ones added.
        var other = Directory.EnumerateFiles(site.Content, "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var text = File.ReadAllText(other);
        var at = text.IndexOf("SUMMARY", StringComparison.Ordinal);
        File.WriteAllText(other, (at > 0 ? text.Insert(at, "Flibbertigibbet configuration notes.\n\t\n\t") : text + "\n\tFlibbertigibbet configuration notes.\n"));
        var third = await site.BuildAsync();
        Assert.Equal(1, third.ArticlesParsed);
        Assert.True(third.Search!.Incremental);
        output.WriteLine($"second change: {third.Search.Written} of {third.Search.Files.Count} search files written ({third.Search.Shards} shards)");
        await AssertSameResultsAsFullBuild(site, ["zeppelinx", "flibbertigibbet", "flibbertigibbet configuration"]);
    }

    /// <summary>
    /// A full build of the same input: every file but the search files and the build state is the same,
    /// and kb.js gives the same first ten results over both sites' search files.
    /// </summary>
    private async Task AssertSameResultsAsFullBuild(MiniSite site, IReadOnlyList<string> extra)
    {
        var full = Path.Combine(site.Root, "_full");
        await KbSiteBuilder.BuildAsync(new SiteOptions { Source = site.Content, OutputDir = full, Incremental = false, MaxParallelism = 2, StrictTemplates = true });
        try
        {
            var expected = PageFiles(full);
            Assert.Equal(expected, PageFiles(site.Output));
            foreach (var f in expected)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(full, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site.Output, f))), f + " differs from the full build's");
            }

            var queries = File.ReadAllLines(Path.Combine(TestCorpus.RepoRoot, "bench", "queries.txt"))
                .Where(q => q.Trim().Length > 0).Concat(extra).ToList();
            // As typed (the last word may still grow) and as finished words.
            queries = [.. queries, .. queries.Select(q => q + " ")];
            // Each term's impact on an article may be one step off the full build's (rounding after the averages
            // moved): at each rank the incremental result must score, in the full build, within one step per term
            // of the full build's result at that rank (so only near-ties may swap or trade the tenth place).
            var want = SearchScript.SearchScored(full, queries, 50);
            var got = SearchScript.SearchScored(site.Output, queries, 10);
            var exact = 0;
            for (var i = 0; i < queries.Count; i++)
            {
                var (ids, scores, terms) = want[i];
                var top = ids.Take(10).ToList();
                exact += top.SequenceEqual(got[i].Ids) ? 1 : 0;
                Assert.True(got[i].Ids.Count == top.Count, $"'{queries[i]}': {top.Count} results in the full build, {got[i].Ids.Count} incremental");
                for (var r = 0; r < top.Count; r++)
                {
                    var at = ids.IndexOf(got[i].Ids[r]);
                    Assert.True(at >= 0 && Math.Abs(scores[at] - scores[r]) <= terms,
                        $"'{queries[i]}' rank {r + 1}: full build {string.Join(' ', top)}, incremental {string.Join(' ', got[i].Ids)}");
                }
            }

            output.WriteLine($"{exact} of {queries.Count} queries give exactly the full build's top ten");
            // Swaps are rare: most queries give exactly the full build's top ten.
            Assert.True(exact >= queries.Count * 9 / 10, $"{exact} of {queries.Count} queries give exactly the full build's top ten");
            foreach (var q in extra)
            {
                Assert.NotEmpty(got[queries.IndexOf(q + " ")].Ids);
            }
        }
        finally
        {
            Directory.Delete(full, recursive: true);
        }
    }

    /// <summary>Every file of a site but its search files and build state (the state file and the record store).</summary>
    private static List<string> PageFiles(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
        .Where(f => f != ".kb-build.json" && !f.StartsWith(".kb/", StringComparison.Ordinal)
            && !(f.StartsWith("search/", StringComparison.Ordinal) && f != "search/guides.json" && !f.EndsWith(".html", StringComparison.Ordinal)))
        .Order(StringComparer.Ordinal)
        .ToList();

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
