using Kb.Parser.Forms;
using Kb.Tests.Support;

namespace Kb.Site.Tests;

/// <summary>kb build over two sources holding the same article: one page, the newer copy, the other reported.</summary>
public sealed class MergeBuildTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kb-merge-site-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task TwoSources_OnePagePerArticle_TheNewestKept()
    {
        var markdown = File.ReadAllText(Path.Combine(TestCorpus.ContentKb, "199", "Q199250", "README.md"));
        var a = Directory.CreateDirectory(Path.Combine(_root, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(_root, "b")).FullName;
        Directory.CreateDirectory(Path.Combine(a, "kb", "199", "Q199250"));
        File.WriteAllText(Path.Combine(a, "kb", "199", "Q199250", "README.md"), markdown);
        File.WriteAllText(Path.Combine(b, "Q199250.TXT"), FormWriter.ToFtpText(markdown, "sms")
            .Replace("08-MAY-1999", "14-JUN-2001", StringComparison.Ordinal)
            .Replace("Secondary Site Upgrade Options", "Secondary Site Upgrade Choices", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(b, "Q900301.TXT"), FormWriter.ToFtpText(markdown, "sms", "Q900301"));
        var output = Path.Combine(_root, "_site");

        var result = await KbSiteBuilder.BuildAsync(new SiteOptions { Source = a, ExtraSources = [b], OutputDir = output, MaxParallelism = 2 });

        Assert.Equal(2, result.Articles);
        var page = File.ReadAllText(Path.Combine(output, "kb", "199", "Q199250", "index.html"));
        Assert.Contains("Secondary Site Upgrade Choices", page, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "kb", "900", "Q900301", "index.html")));
        Assert.Contains(result.Diagnostics, d => d.Code == SiteDiagnosticCodes.DuplicateId && d.Message.Contains("under another title", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == SiteDiagnosticCodes.DuplicateId && d.Message.Contains("Q199250.TXT is kept", StringComparison.Ordinal));
    }
}
