using Kb.Index.Indexing;
using Kb.Index.Search;
using Kb.Parser.Forms;
using Kb.Tests.Support;

namespace Kb.Index.Tests;

/// <summary>
/// <c>kb index</c> over two sources that share an article number: Q199250's Markdown (08-MAY-1999) in one, its
/// FTP text form dated 14-JUN-2001 under another title in the other, and one article of each source's own.
/// </summary>
public sealed class MergedSourcesTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("kb-index-merge-").FullName;
    private string A => Path.Combine(_work, "a");
    private string B => Path.Combine(_work, "b");
    private string IndexDir => Path.Combine(_work, "index");

    public MergedSourcesTests()
    {
        var markdown = File.ReadAllText(Path.Combine(TestCorpus.ContentKb, "199", "Q199250", "README.md"));
        Directory.CreateDirectory(Path.Combine(A, "kb", "199", "Q199250"));
        File.WriteAllText(Path.Combine(A, "kb", "199", "Q199250", "README.md"), markdown);
        File.WriteAllText(Path.Combine(A, "Q900201.TXT"), FormWriter.ToFtpText(markdown, "sms", "Q900201"));
        Directory.CreateDirectory(B);
        File.WriteAllText(Path.Combine(B, "199250.TXT"), FormWriter.ToFtpText(markdown, "sms")
            .Replace("08-MAY-1999", "14-JUN-2001", StringComparison.Ordinal)
            .Replace("Secondary Site Upgrade Options", "Secondary Site Upgrade Choices", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(B, "Q900202.TXT"), FormWriter.ToFtpText(markdown, "sms", "Q900202"));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TwoSources_IndexOneCopyPerArticle_TheNewest_WithProvenance(bool newerFirst)
    {
        string[] sources = newerFirst ? [B, A] : [A, B];

        var report = new KbIndexBuilder().Build(sources, IndexDir);

        Assert.Equal((3, 1), (report.Total, report.SetAside));
        using var searcher = KbSearcher.Open(IndexDir);
        Assert.Equal(3, searcher.Count);
        var kept = searcher.Get("Q199250")!;
        Assert.Equal("2001-06-14", kept.LastModified);
        Assert.Equal("SMS: Version 1.2 to 2.0 Secondary Site Upgrade Choices", kept.Title);
        var other = Assert.Single(kept.Provenance!);
        Assert.EndsWith("kb/199/Q199250/README.md", other.SourcePath, StringComparison.Ordinal);
        Assert.Contains(kept.Diagnostics, d => d.Code == Kb.Parser.DiagnosticCodes.Parser.TitleConflict);
        Assert.NotNull(searcher.Get("Q900201"));
        Assert.NotNull(searcher.Get("Q900202"));
    }

    [Fact]
    public void SecondRunOverTheSameSources_ChangesNothing()
    {
        new KbIndexBuilder().Build([A, B], IndexDir);

        var again = new KbIndexBuilder().Build([A, B], IndexDir);

        Assert.Equal((0, 0, 0, 3), (again.Added, again.Updated, again.Removed, again.Unchanged));
    }

    [Fact]
    public void DroppingASource_RemovesItsArticlesAndRestoresTheOtherCopy()
    {
        new KbIndexBuilder().Build([A, B], IndexDir);

        var report = new KbIndexBuilder().Build([A], IndexDir);

        Assert.Equal((1, 1), (report.Removed, report.Updated));
        using var searcher = KbSearcher.Open(IndexDir);
        Assert.Null(searcher.Get("Q900202"));
        Assert.Equal("1999-05-08", searcher.Get("Q199250")!.LastModified);
        Assert.Null(searcher.Get("Q199250")!.Provenance);
    }

    [Fact]
    public void IndexCommand_TakesSeveralSources_AndSaysHowManyCopiesItSetAside()
    {
        var run = KbProcess.Run("index", A, B, "--index", IndexDir, "--json");

        Assert.Equal(0, run.ExitCode);
        using var summary = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal(3, summary.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("setAside").GetInt32());
        var missing = KbProcess.Run("index", A, Path.Combine(_work, "nope"), "--index", IndexDir);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file or folder", missing.Stderr, StringComparison.Ordinal);
    }
}
