using System.Text.Json;
using Kb.Tests.Support;

namespace Kb.Site.Tests;

/// <summary>The kb command's messages: what the user typed and what kb expected, never .NET internals.</summary>
public sealed class MessageTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("kb-messages-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("serach", "search")]
    [InlineData("biuld", "build")]
    [InlineData("chek", "check")]
    public void UnknownVerb_SuggestsTheClosest(string typed, string suggested)
    {
        var r = KbProcess.Run(typed, "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"unknown command '{typed}'; did you mean '{suggested}'?", r.Stderr, StringComparison.Ordinal);
        CliAssert.NoInternals(r.Stderr);
    }

    [Fact]
    public void UnknownOption_SuggestsTheClosestOfThatVerb()
    {
        var r = KbProcess.Run("build", TestCorpus.ContentKb, "--titel", "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown option '--titel'; did you mean '--title'?", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BadPort_NamesTheOption()
    {
        var r = KbProcess.Run("serve", _temp, "--port", "eighty");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--port expects a whole number, got 'eighty'", r.Stderr, StringComparison.Ordinal);
        CliAssert.NoInternals(r.Stderr);
    }

    [Fact]
    public void Version_PrintsThePackageVersion()
    {
        var r = KbProcess.Run("--version");
        Assert.Equal(0, r.ExitCode);
        var expected = typeof(KbSiteBuilder).Assembly.GetName().Version!;
        Assert.StartsWith($"{expected.Major}.{expected.Minor}.{expected.Build}", r.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithNoSourceHere_SaysWhatToPass()
    {
        var r = KbProcess.RunIn(_temp, "build");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no articles to build", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("kb build ARTICLES", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp));
    }

    [Fact]
    public void BuildIndexCheck_Json_PrintOneSummaryObject()
    {
        var site = Path.Combine(_temp, "site");
        var build = KbProcess.Run("build", TestCorpus.ContentKb, "--out", site, "--json");
        Assert.True(build.ExitCode == 0, build.Stderr);
        int articles;
        using (var json = JsonDocument.Parse(build.Stdout))
        {
            articles = json.RootElement.GetProperty("articles").GetInt32();
            Assert.True(articles > 0);
            Assert.True(json.RootElement.GetProperty("pages").GetInt32() > 1);
            Assert.Equal(Path.GetFullPath(site), json.RootElement.GetProperty("output").GetString());
            Assert.True(json.RootElement.GetProperty("search").GetProperty("terms").GetInt32() > 0);
        }

        var check = KbProcess.Run("check", site, "--json");
        Assert.True(check.ExitCode == 0, check.Stderr);
        using (var json = JsonDocument.Parse(check.Stdout))
        {
            Assert.Equal(0, json.RootElement.GetProperty("problems").GetInt32());
            Assert.True(json.RootElement.GetProperty("links").GetInt32() > 0);
        }

        var index = KbProcess.Run("index", TestCorpus.ContentKb, "--index", Path.Combine(_temp, "idx"), "--json");
        Assert.True(index.ExitCode == 0, index.Stderr);
        using (var json = JsonDocument.Parse(index.Stdout))
        {
            Assert.Equal(articles, json.RootElement.GetProperty("added").GetInt32());
            Assert.True(json.RootElement.GetProperty("rebuilt").GetBoolean());
        }
    }

    [Fact]
    public void Quiet_PrintsNothingOnSuccess()
    {
        var site = Path.Combine(_temp, "site");
        var build = KbProcess.Run("build", TestCorpus.ContentKb, "--out", site, "--site-url", "https://kb.example.org", "--quiet");
        Assert.Equal(0, build.ExitCode);
        Assert.Equal("", build.Stdout + build.Stderr);
        var check = KbProcess.Run("check", site, "-q");
        Assert.Equal(0, check.ExitCode);
        Assert.Equal("", check.Stdout + check.Stderr);
        var index = KbProcess.Run("index", TestCorpus.ContentKb, "--index", Path.Combine(_temp, "idx"), "-q");
        Assert.Equal(0, index.ExitCode);
        Assert.Equal("", index.Stdout + index.Stderr);
    }

    [Fact]
    public void Config_InTheSourceFolderSetsTheSite_AndFlagsOverrideIt()
    {
        var source = Path.Combine(_temp, "articles");
        CommandTests.CopyDir(TestCorpus.ContentKb, source);
        File.WriteAllText(Path.Combine(source, "kb.json"), """
            {
              // a site's settings, kept with its articles
              "title": "Config Title",
              "baseUrl": "/archive/",
              "siteUrl": "https://kb.example.org",
              "output": "../from-config",
            }
            """);
        var build = KbProcess.RunIn(_temp, "build", "articles");
        Assert.True(build.ExitCode == 0, build.Stderr);
        var home = File.ReadAllText(Path.Combine(_temp, "from-config", "index.html"));
        Assert.Contains("Config Title", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/archive/", home, StringComparison.Ordinal);
        Assert.Contains("https://kb.example.org/archive/", File.ReadAllText(Path.Combine(_temp, "from-config", "sitemap.xml")), StringComparison.Ordinal);

        var flags = KbProcess.RunIn(_temp, "build", "articles", "--title", "Flag Title", "--out", "from-flags");
        Assert.True(flags.ExitCode == 0, flags.Stderr);
        var flagged = File.ReadAllText(Path.Combine(_temp, "from-flags", "index.html"));
        Assert.Contains("Flag Title", flagged, StringComparison.Ordinal);
        Assert.Contains("href=\"/archive/", flagged, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_Given_WithAnUnknownKey_NamesFileLineAndKey()
    {
        var config = Path.Combine(_temp, "site.json");
        File.WriteAllText(config, "{\n  \"title\": \"x\",\n  \"tilte\": \"y\"\n}\n");
        var r = KbProcess.Run("build", TestCorpus.ContentKb, "--out", Path.Combine(_temp, "out"), "--config", config);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{config}:3: unknown key \"tilte\"", r.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp, "out")));

        File.WriteAllText(config, "{\n  \"title\": \"x\"\n  \"output\": 3\n}\n");
        var bad = KbProcess.Run("build", TestCorpus.ContentKb, "--out", Path.Combine(_temp, "out"), "--config", config);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains($"{config}:3: not valid JSON", bad.Stderr, StringComparison.Ordinal);
        CliAssert.NoInternals(bad.Stderr);
    }

    [SkippableTheory]
    [InlineData("xterm")]
    [InlineData("dumb")]
    public void Progress_OnATerminal_LeavesNothingAfterTheSummary(string term)
    {
        // script(1) gives kb a terminal; the display must be erased (or never drawn) before the summary.
        Skip.IfNot(File.Exists("/usr/bin/script"), "no /usr/bin/script to run kb on a terminal");
        var kb = string.Join(' ', KbProcess.StartInfo(null, "index", TestCorpus.RequireSample(), "--index", Path.Combine(_temp, "idx")).ArgumentList.Prepend("dotnet").Select(a => "'" + a + "'"));
        var psi = new System.Diagnostics.ProcessStartInfo("/usr/bin/script", ["-qec", kb, "/dev/null"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["TERM"] = term;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, output);
        var summary = output.IndexOf("articles in ", StringComparison.Ordinal);
        Assert.True(summary > 0, output);
        Assert.True(output.LastIndexOf("index: ", StringComparison.Ordinal) < summary, output);
        Assert.Equal("", output[output.IndexOf('\n', summary)..].Trim());
        if (term == "dumb")
        {
            Assert.DoesNotContain("index: ", output, StringComparison.Ordinal);
        }
    }
}
