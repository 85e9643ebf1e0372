using System.Diagnostics;
using Kb.Site.Check;
using Kb.Site.Output;
using Kb.Tests.Support;

namespace Kb.Site.Tests;

/// <summary>kb build never deletes or replaces a folder it did not make, and swaps its output atomically.</summary>
public sealed class OutputSafetyTests
{
    private const string Body = "SUMMARY\n=======\n\nA small article for the output tests.";

    private static MiniSite Site() => new MiniSite().Article("Q100001", "TEST: One", Body).Article("Q100002", "TEST: Two", Body);

    private static string Marked(string folder)
    {
        Directory.CreateDirectory(folder);
        var marker = Path.Combine(folder, "precious.txt");
        File.WriteAllText(marker, "mine");
        return marker;
    }

    [Fact]
    public void Build_RefusesAFolderItDidNotMake()
    {
        using var site = Site();
        var mine = Path.Combine(site.Root, "mine");
        var marker = Marked(mine);
        var r = KbProcess.Run("build", site.Content, "--out", mine);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("was not made by kb build", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("mine", r.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(marker));
        Assert.Single(Directory.EnumerateFileSystemEntries(mine));
    }

    [Fact]
    public void Build_RefusesTheSourceFolderItsParentsAndFoldersInsideIt()
    {
        using var site = Site();
        var article = Path.Combine(site.Content, "100", "Q100001", "README.md");
        var before = File.ReadAllText(article);
        foreach (var output in new[] { site.Content, Path.Combine(site.Root, "content"), Path.Combine(site.Content, "100"), Path.Combine(site.Content, "new-inside") })
        {
            var r = KbProcess.Run("build", site.Content, "--out", output);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("refusing to build into", r.Stderr, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllText(article));
        }

        Assert.False(Directory.Exists(Path.Combine(site.Content, "new-inside")));
    }

    [Fact]
    public void Build_RefusesTheCurrentFolderAndItsParents()
    {
        using var site = Site();
        var marker = Marked(Path.Combine(site.Root, "work"));
        foreach (var output in new[] { ".", ".." })
        {
            var r = KbProcess.RunIn(Path.Combine(site.Root, "work"), "build", site.Content, "--out", output);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("current folder", r.Stderr, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(marker));
        Assert.True(Directory.Exists(site.Content));
    }

    [Fact]
    public void Build_RefusesASymbolicLinkAndAFile()
    {
        using var site = Site();
        var mine = Path.Combine(site.Root, "mine");
        var marker = Marked(mine);
        var link = Path.Combine(site.Root, "link");
        Directory.CreateSymbolicLink(link, mine);
        Assert.Equal(1, KbProcess.Run("build", site.Content, "--out", link).ExitCode);
        Assert.Equal(1, KbProcess.Run("build", site.Content, "--out", marker).ExitCode);
        Assert.Equal("mine", File.ReadAllText(marker));
    }

    [Fact]
    public void Refusal_AllowsMissingEmptyAndPreviousOutputsOnly()
    {
        using var site = Site();
        Assert.Null(OutputFolder.Refusal(Path.Combine(site.Root, "new"), [site.Content]));
        var empty = Directory.CreateDirectory(Path.Combine(site.Root, "empty")).FullName;
        Assert.Null(OutputFolder.Refusal(empty, [site.Content]));
        var previous = Directory.CreateDirectory(Path.Combine(site.Root, "previous")).FullName;
        File.WriteAllText(Path.Combine(previous, Build.BuildState.FileName), "{}");
        File.WriteAllText(Path.Combine(previous, "index.html"), "old");
        Assert.Null(OutputFolder.Refusal(previous, [site.Content]));
        Assert.NotNull(OutputFolder.Refusal("/", [site.Content]));
        Assert.NotNull(OutputFolder.Refusal(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), [site.Content]));
    }

    [Fact]
    public async Task Build_ReplacesAnEmptyFolderAndItsOwnOutputAndLeavesNothingBeside()
    {
        using var site = Site();
        Directory.CreateDirectory(site.Output);
        await site.BuildAsync();
        Assert.True(File.Exists(Path.Combine(site.Output, "kb", "100", "Q100001", "index.html")));
        site.Article("Q100003", "TEST: Three", Body);
        await site.BuildAsync();
        Assert.True(File.Exists(Path.Combine(site.Output, "kb", "100", "Q100003", "index.html")));
        await WaitForRemovals(site.Root);
        Assert.Empty(Directory.EnumerateDirectories(site.Root, "._site.kb-*"));
    }

    /// <summary>Kills the build at each named moment of its swap: the output path always holds a complete site.</summary>
    [Theory]
    [InlineData("staged", null)]
    [InlineData("swapped", null)]
    [InlineData("staged", "renames")]
    [InlineData("swapped", "renames")]
    public async Task KilledBuild_LeavesACompleteSiteAndTheNextBuildCleansUp(string moment, string? swap)
    {
        using var site = Site();
        await site.BuildAsync();
        site.Article("Q100003", "TEST: Three", Body);
        KillAt(site, moment, swap);
        AssertComplete(site.Output);
        Assert.NotEmpty(Directory.EnumerateDirectories(site.Root, "._site.kb-*"));

        var r = KbProcess.Run("build", site.Content, "--out", site.Output);
        Assert.Equal(0, r.ExitCode);
        AssertComplete(site.Output);
        Assert.True(File.Exists(Path.Combine(site.Output, "kb", "100", "Q100003", "index.html")));
        await WaitForRemovals(site.Root);
        Assert.Empty(Directory.EnumerateDirectories(site.Root, "._site.kb-*"));
    }

    /// <summary>Without an atomic exchange the output path is missing for an instant between two renames; the next build puts the old site back first.</summary>
    [Fact]
    public async Task KilledBetweenTheTwoRenames_TheNextBuildRestoresTheOldSiteFirst()
    {
        using var site = Site();
        await site.BuildAsync();
        KillAt(site, "moved-aside", "renames");
        Assert.False(Directory.Exists(site.Output));
        var r = KbProcess.Run("build", site.Content, "--out", site.Output);
        Assert.Equal(0, r.ExitCode);
        AssertComplete(site.Output);
        await WaitForRemovals(site.Root);
        Assert.Empty(Directory.EnumerateDirectories(site.Root, "._site.kb-*"));
    }

    /// <summary>Kills full builds at random instants: whatever the instant, the output is the old site or the new one, complete.</summary>
    [Fact]
    public async Task KilledAtRandomInstants_TheOutputIsAlwaysComplete()
    {
        using var site = Site();
        await site.BuildAsync();
        var random = new Random(20261129);
        for (var i = 0; i < 6; i++)
        {
            using var p = Process.Start(KbProcess.StartInfo(null, "build", site.Content, "--out", site.Output, "--full"))!;
            Thread.Sleep(random.Next(50, 1500));
            p.Kill();
            p.WaitForExit();
            AssertComplete(site.Output);
        }

        Assert.Equal(0, KbProcess.Run("build", site.Content, "--out", site.Output).ExitCode);
        AssertComplete(site.Output);
        await WaitForRemovals(site.Root);
        Assert.Empty(Directory.EnumerateDirectories(site.Root, "._site.kb-*"));
    }

    [Fact]
    public void SecondBuildIntoTheSameOutput_IsRefusedWhileTheFirstRuns()
    {
        using var site = Site();
        var psi = KbProcess.StartInfo(null, "build", site.Content, "--out", site.Output);
        psi.Environment["KB_TEST_PAUSE"] = "staged";
        using var first = Process.Start(psi)!;
        try
        {
            WaitForPause(first, "staged");
            var second = KbProcess.Run("build", site.Content, "--out", site.Output);
            Assert.Equal(1, second.ExitCode);
            Assert.Contains("another kb build", second.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            first.Kill();
            first.WaitForExit();
        }
    }

    private static void KillAt(MiniSite site, string moment, string? swap)
    {
        var psi = KbProcess.StartInfo(null, "build", site.Content, "--out", site.Output, "--full");
        psi.Environment["KB_TEST_PAUSE"] = moment;
        if (swap is not null)
        {
            psi.Environment["KB_TEST_SWAP"] = swap;
        }

        using var p = Process.Start(psi)!;
        WaitForPause(p, moment);
        p.Kill();
        p.WaitForExit();
    }

    private static void WaitForPause(Process p, string moment)
    {
        var line = p.StandardError.ReadLine();
        while (line is not null && !line.StartsWith("kb-test-pause:", StringComparison.Ordinal))
        {
            line = p.StandardError.ReadLine();
        }

        Assert.Equal("kb-test-pause: " + moment, line);
    }

    private static void AssertComplete(string output)
    {
        Assert.True(File.Exists(Path.Combine(output, Build.BuildState.FileName)), "the output has no build state: " + output);
        Assert.False(File.Exists(Path.Combine(output, OutputFolder.StagingMarker)));
        var check = SiteChecker.Check(output);
        Assert.True(check.Problems.Count == 0, string.Join("\n", check.Problems.Take(5)));
        Assert.True(File.Exists(Path.Combine(output, "kb", "100", "Q100001", "index.html")));
    }

    /// <summary>Old sites are removed by a detached rm; give it a moment.</summary>
    private static async Task WaitForRemovals(string root)
    {
        for (var i = 0; i < 100 && Directory.EnumerateDirectories(root, "._site.kb-*").Any(); i++)
        {
            await Task.Delay(50);
        }
    }
}
