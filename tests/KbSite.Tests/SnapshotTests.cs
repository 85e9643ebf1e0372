using System.Text;
using System.Text.RegularExpressions;
using Kb.Tests.Support;

namespace Kb.Site.Tests;

/// <summary>
/// A snapshot of a small site: content/kb (Q199250 and the two articles written for the tests) and one more
/// article written here go in, and the pages, feeds and site files that come out must equal the files under
/// <c>Snapshots/site</c>, after scrubbing what changes from build to build (content hashes in file names, the
/// build's own time). A difference fails with a diff. <c>KB_UPDATE_SNAPSHOTS=1</c> rewrites the expected files.
/// </summary>
public sealed partial class SnapshotTests
{
    private static string Expected => Path.Combine(TestCorpus.RepoRoot, "tests", "KbSite.Tests", "Snapshots", "site");

    [Fact]
    public async Task SmallSite_MatchesTheCommittedSnapshot()
    {
        using var site = new MiniSite();
        foreach (var file in Directory.GetFiles(TestCorpus.ContentKb, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(site.Content, Path.GetRelativePath(TestCorpus.ContentKb, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        site.Article("Q900101", "Testing Server Setup Stops at the Licence Screen", """
            SYMPTOMS
            ========

            Setup of Testing Server 1.0 stops at the licence screen and does not continue.

            RESOLUTION
            ==========

            Press TAB to reach the Accept button. For upgrades of secondary sites see
            article Q199250.
            """);
        await KbSiteBuilder.BuildAsync(new SiteOptions { Source = site.Content, OutputDir = site.Output, SiteUrl = "https://kb.example.org", MaxParallelism = 2, StrictTemplates = true });

        var actual = Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/'))
            .Where(Snapshotted)
            .Order(StringComparer.Ordinal)
            .ToDictionary(r => Scrub(r), r => Scrub(File.ReadAllText(Path.Combine(site.Output, r))));
        Assert.Contains("index.html", actual.Keys);
        Assert.Contains("kb/199/Q199250/index.html", actual.Keys);

        if (Environment.GetEnvironmentVariable("KB_UPDATE_SNAPSHOTS") == "1")
        {
            if (Directory.Exists(Expected))
            {
                // Only the snapshot's own folder is replaced: it holds nothing but files this test wrote.
                Directory.Delete(Expected, recursive: true);
            }

            foreach (var (relative, text) in actual)
            {
                var path = Path.Combine(Expected, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }

            return;
        }

        Assert.True(Directory.Exists(Expected), $"no snapshot at {Expected}; run with KB_UPDATE_SNAPSHOTS=1 to write it");
        var expected = Directory.GetFiles(Expected, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Expected, f).Replace('\\', '/'), File.ReadAllText);
        var report = new StringBuilder();
        foreach (var missing in expected.Keys.Except(actual.Keys).Order(StringComparer.Ordinal))
        {
            report.AppendLine($"- {missing}: in the snapshot, not built");
        }

        foreach (var extra in actual.Keys.Except(expected.Keys).Order(StringComparer.Ordinal))
        {
            report.AppendLine($"+ {extra}: built, not in the snapshot");
        }

        foreach (var relative in actual.Keys.Intersect(expected.Keys).Order(StringComparer.Ordinal))
        {
            if (actual[relative] != expected[relative])
            {
                report.AppendLine($"--- snapshot/{relative}").AppendLine($"+++ built/{relative}").Append(Diff(expected[relative], actual[relative]));
            }
        }

        Assert.True(report.Length == 0, "the built site differs from tests/KbSite.Tests/Snapshots/site (KB_UPDATE_SNAPSHOTS=1 rewrites it):\n" + report);
    }

    [Fact]
    public void Scrub_ReplacesHashesAndTheBuildTimeButKeepsArticleDates()
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var text = $"""<link href="/assets/kb.0123456789abcdef.css"><updated>{now}</updated><updated>1999-05-08T00:00:00Z</updated> "d/89abcdef0123/" """;
        Assert.Equal("""<link href="/assets/kb.HASH.css"><updated>BUILD-TIME</updated><updated>1999-05-08T00:00:00Z</updated> "d/HASH/" """, Scrub(text));
    }

    [Fact]
    public void Diff_ShowsTheChangedLinesWithContext()
    {
        var diff = Diff("a\nb\nc\nd\ne\nf\ng\nh", "a\nb\nc\nd\nE\nf\ng\nh");
        Assert.Contains("-e", diff, StringComparison.Ordinal);
        Assert.Contains("+E", diff, StringComparison.Ordinal);
        Assert.Contains(" d", diff, StringComparison.Ordinal);
        Assert.DoesNotContain(" a", diff, StringComparison.Ordinal);
    }

    /// <summary>What the snapshot holds: pages and site files, not the theme's assets, the search shards or the build's state.</summary>
    private static bool Snapshotted(string relative) =>
        !relative.StartsWith('.') && !relative.StartsWith("assets/", StringComparison.Ordinal)
        && !(relative.StartsWith("search/", StringComparison.Ordinal) && relative != "search/index.html" && relative != "search/guides.json");

    /// <summary>Replaces what differs between two builds of the same input.</summary>
    internal static string Scrub(string text)
    {
        text = HashedName().Replace(text, ".HASH.$1");
        text = HashedFolder().Replace(text, "$1/HASH/");
        return Timestamp().Replace(text, m =>
            DateTime.TryParse(m.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal, out var t)
            && Math.Abs((DateTime.UtcNow - t).TotalDays) < 2 ? "BUILD-TIME" : m.Value);
    }

    /// <summary>A line diff (longest common subsequence) with two lines of context around each change.</summary>
    internal static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Op, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                lines.Add(('-', a[x++]));
            }
            else
            {
                lines.Add(('+', b[y++]));
            }
        }

        var output = new StringBuilder();
        var shown = -1;
        for (var k = 0; k < lines.Count; k++)
        {
            var near = Enumerable.Range(Math.Max(0, k - 2), Math.Min(lines.Count, k + 3) - Math.Max(0, k - 2)).Any(n => lines[n].Op != ' ');
            if (!near)
            {
                continue;
            }

            if (shown >= 0 && k > shown + 1)
            {
                output.AppendLine("@@");
            }

            output.Append(lines[k].Op).AppendLine(lines[k].Text);
            shown = k;
        }

        return output.ToString();
    }

    [GeneratedRegex(@"\.[0-9a-f]{8,64}\.(css|js|json|xml)\b")]
    private static partial Regex HashedName();

    [GeneratedRegex(@"\b(d|s)/[0-9a-f]{8,64}/")]
    private static partial Regex HashedFolder();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Timestamp();
}
