using System.Diagnostics;
using Kb.Site.Output;
using Kb.Tests.Support;

namespace Kb.Site.Tests;

/// <summary>
/// An incremental rebuild leaves the unchanged files where they are and moves the changed ones in under
/// a journal (docs/reliability.md): the staging folder holds only what changed, and a build killed
/// halfway through the moves is rolled back by the next one, which then builds what it should.
/// </summary>
public sealed class InPlaceCommitTests
{
    private const string Body = BuildTests.Body;

    private static MiniSite Site() => new MiniSite()
        .Article("Q100001", "TEST: One", Body)
        .Article("Q100002", "TEST: Two", Body.Replace("Q100002", "Q100003", StringComparison.Ordinal))
        .Article("Q100003", "TEST: Three", Body.Replace("Q100002", "Q100001", StringComparison.Ordinal))
        .Article("Q100005", "TEST: Five", Body.Replace("Q100002", "Q100006", StringComparison.Ordinal))
        .Article("Q100006", "TEST: Six", Body.Replace("Q100002 for more", "the gadget manual", StringComparison.Ordinal))
        .Article("Q100008", "TEST: Eight", Body.Replace("Q100002 for more", "the gadget manual", StringComparison.Ordinal));

    /// <summary>Q100002 renamed (pages written) and Q100006 deleted (a page removed).</summary>
    private static void Change(MiniSite site)
    {
        site.Article("Q100002", "TEST: Two, renamed", Body.Replace("Q100002", "Q100003", StringComparison.Ordinal));
        Directory.Delete(Path.Combine(site.Content, "100", "Q100006"), recursive: true);
    }

    [Fact]
    public async Task Rebuild_StagesOnlyTheChangedFiles()
    {
        using var site = Site();
        await site.BuildAsync();
        Change(site);
        using var p = Start(site, "staged");
        try
        {
            var staging = Directory.EnumerateDirectories(site.Root, "._site.kb-staging-*").Single();
            var staged = Files(staging);
            Assert.Contains("kb/100/Q100002/index.html", staged);
            // Q100005 links to the deleted Q100006, so it is rendered again; Q100003 shows Q100002's title.
            Assert.Contains("kb/100/Q100005/index.html", staged);
            // An unchanged page is neither copied nor linked into staging.
            Assert.DoesNotContain("kb/100/Q100008/index.html", staged);
            Assert.True(File.Exists(Path.Combine(site.Output, "kb", "100", "Q100008", "index.html")));
            Assert.True(File.Exists(InPlaceCommit.JournalFor(site.Output)), "the journal is written before anything moves");
        }
        finally
        {
            p.Kill();
            p.WaitForExit();
        }

        var result = await site.BuildAsync();
        Assert.Equal(1, result.ArticlesParsed);
        Assert.False(File.Exists(Path.Combine(site.Output, "kb", "100", "Q100006", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "kb", "100", "Q100006")));
        Assert.Contains("TEST: Two, renamed", site.Read("kb/100/Q100001/index.html"), StringComparison.Ordinal);
        Assert.False(File.Exists(InPlaceCommit.JournalFor(site.Output)));
    }

    [Fact]
    public async Task KilledWhileMovingFilesIn_TheNextBuildRollsBackFirst()
    {
        using var site = Site();
        await site.BuildAsync();
        var before = Snapshot(site.Output);
        Change(site);
        using (var p = Start(site, "applying"))
        {
            p.Kill();
            p.WaitForExit();
        }

        Assert.True(File.Exists(InPlaceCommit.JournalFor(site.Output)));
        Assert.NotEqual(before.Keys, Snapshot(site.Output).Keys);

        // What every build does first, under the output's lock: the previous site comes back, file for file.
        SiteWriter.Tidy(site.Output);
        Assert.False(File.Exists(InPlaceCommit.JournalFor(site.Output)));
        var after = Snapshot(site.Output);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in before)
        {
            Assert.True(bytes.SequenceEqual(after[file]), file + " was not restored");
        }

        var result = await site.BuildAsync();
        Assert.Equal(1, result.ArticlesParsed);
        Assert.False(File.Exists(Path.Combine(site.Output, "kb", "100", "Q100006", "index.html")));
        Assert.Contains("TEST: Two, renamed", site.Read("kb/100/Q100001/index.html"), StringComparison.Ordinal);
    }

    private static Process Start(MiniSite site, string moment)
    {
        var psi = KbProcess.StartInfo(null, "build", site.Content, "--out", site.Output);
        psi.Environment["KB_TEST_PAUSE"] = moment;
        var p = Process.Start(psi)!;
        var line = p.StandardError.ReadLine();
        while (line is not null && !line.StartsWith("kb-test-pause:", StringComparison.Ordinal))
        {
            line = p.StandardError.ReadLine();
        }

        Assert.Equal("kb-test-pause: " + moment, line);
        return p;
    }

    private static List<string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    private static SortedDictionary<string, byte[]> Snapshot(string root) =>
        new(Files(root).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(root, f))), StringComparer.Ordinal);
}
