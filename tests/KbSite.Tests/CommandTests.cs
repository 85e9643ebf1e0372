using Kb.Tests.Support;

namespace Kb.Site.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("kb-site-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Build_ThenCheck_PrintSummariesAndSucceed()
    {
        var output = Path.Combine(_temp, "_site");
        var build = KbProcess.Run("build", TestCorpus.ContentKb, "--out", output, "--title", "Test KB");
        Assert.True(build.ExitCode == 0, build.Stderr);
        Assert.Contains("articles", build.Stdout, StringComparison.Ordinal);
        Assert.Contains("search:", build.Stdout, StringComparison.Ordinal);
        Assert.Contains("Test KB", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
        var check = KbProcess.Run("check", output);
        Assert.True(check.ExitCode == 0, check.Stderr);
        Assert.Contains("0 problems", check.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FailsOnABrokenLink()
    {
        var output = Path.Combine(_temp, "_site");
        Assert.Equal(0, KbProcess.Run("build", TestCorpus.ContentKb, "--out", output).ExitCode);
        File.AppendAllText(Path.Combine(output, "404.html"), "<a href=\"/kb/000/Q000000/\">gone</a>");
        var check = KbProcess.Run("check", output);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("Q000000", check.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FailsOnAnArticleWithoutItsDecisionAid()
    {
        var output = Path.Combine(_temp, "_site");
        Assert.Equal(0, KbProcess.Run("build", TestCorpus.ContentKb, "--out", output).ExitCode);
        var page = Path.Combine(output, "kb", "199", "Q199250", "index.html");
        File.WriteAllText(page, File.ReadAllText(page).Replace("id=\"decision-aid\"", "id=\"x\"", StringComparison.Ordinal));
        var check = KbProcess.Run("check", output);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("decision aid", check.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithNoArguments_UsesContentKbAndSite()
    {
        var work = Path.Combine(_temp, "repo");
        Directory.CreateDirectory(Path.Combine(work, "content"));
        CopyDir(TestCorpus.ContentKb, Path.Combine(work, "content", "kb"));
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kb.dll"));
        psi.ArgumentList.Add("build");
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, stdout + p.StandardError.ReadToEnd());
        Assert.True(File.Exists(Path.Combine(work, "_site", "kb", "199", "Q199250", "index.html")));
    }

    internal static void CopyDir(string from, string to)
    {
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }
}
