using System.Text.Json;
using Kb.Parser.Corpus;
using Kb.Parser.Forms;
using Kb.Parser.Model;
using Kb.Tests.Support;

namespace Kb.Parser.Tests;

/// <summary>
/// Two sources with overlapping article numbers: the Markdown of Q199250 (08-MAY-1999) in one, its FTP text
/// form with a later date and another title in the other, plus one article of each source's own.
/// </summary>
public sealed class MergeTests : IDisposable
{
    private readonly string _a = Directory.CreateTempSubdirectory("kb-merge-a-").FullName;
    private readonly string _b = Directory.CreateTempSubdirectory("kb-merge-b-").FullName;

    public MergeTests()
    {
        var markdown = File.ReadAllText(Path.Combine(TestCorpus.ContentKb, "199", "Q199250", "README.md"));
        Directory.CreateDirectory(Path.Combine(_a, "kb", "199", "Q199250"));
        File.WriteAllText(Path.Combine(_a, "kb", "199", "Q199250", "README.md"), markdown);
        File.WriteAllText(Path.Combine(_a, "Q900201.TXT"), FormWriter.ToFtpText(markdown, "sms", "Q900201"));
        var newer = FormWriter.ToFtpText(markdown, "sms")
            .Replace("08-MAY-1999", "14-JUN-2001", StringComparison.Ordinal)
            .Replace("Secondary Site Upgrade Options", "Secondary Site Upgrade Choices", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_b, "199250.TXT"), newer);
        File.WriteAllText(Path.Combine(_b, "Q900202.TXT"), FormWriter.ToFtpText(markdown, "sms", "Q900202"));
    }

    public void Dispose()
    {
        Directory.Delete(_a, recursive: true);
        Directory.Delete(_b, recursive: true);
    }

    private static List<ArticleRecord> Merged(params string[] sources)
    {
        var merge = new ArticleMerge();
        foreach (var s in sources)
        {
            foreach (var r in CorpusReader.Parse(s))
            {
                merge.Add(r);
            }
        }

        return sources.SelectMany(s => CorpusReader.Parse(s))
            .Select(r => merge.Apply(r.Record!, r.SourcePath))
            .OfType<ArticleRecord>()
            .ToList();
    }

    [Fact]
    public void OverlappingIds_KeepTheNewestAndReportTheConflict()
    {
        var records = Merged(_a, _b);

        Assert.Equal(["Q199250", "Q900201", "Q900202"], records.Select(r => r.Id).Order(StringComparer.Ordinal));
        var kept = records.Single(r => r.Id == "Q199250");
        Assert.Equal("2001-06-14", kept.LastModified);
        Assert.Equal(SourceForms.FtpText, kept.SourceForm);
        Assert.Equal("SMS: Version 1.2 to 2.0 Secondary Site Upgrade Choices", kept.Title);
        var other = Assert.Single(kept.Provenance!);
        Assert.EndsWith("kb/199/Q199250/README.md", other.SourcePath, StringComparison.Ordinal);
        Assert.Equal("1999-05-08", other.LastModified);
        Assert.Null(other.SourceForm);
        var conflict = Assert.Single(kept.Diagnostics, d => d.Code == DiagnosticCodes.Parser.TitleConflict);
        Assert.Contains("Secondary Site Upgrade Options", conflict.Message, StringComparison.Ordinal);
        Assert.All(records.Where(r => r.Id != "Q199250"), r => Assert.Null(r.Provenance));
    }

    [Fact]
    public void SameDate_KeepsTheLargerThenTheFirst()
    {
        static MergeCandidate C(string path, string? date, long size, int order) => new("Q1", path, null, date, "T", size, order);

        Assert.True(ArticleMerge.Prefers(C("b", "2001-01-01", 10, 1), C("a", "1999-01-01", 99, 0)));
        Assert.True(ArticleMerge.Prefers(C("b", "1999-01-01", 20, 1), C("a", "1999-01-01", 10, 0)));
        Assert.True(ArticleMerge.Prefers(C("a", "1999-01-01", 10, 0), C("b", "1999-01-01", 10, 1)));
        Assert.True(ArticleMerge.Prefers(C("a", "1999-01-01", 1, 1), C("b", null, 99, 0)));
    }

    [Fact]
    public void ParseCommand_WithTwoSources_PrintsOneRecordPerArticle()
    {
        var r = KbProcess.Run("parse", _a, _b, "--json");
        Assert.Equal(0, r.ExitCode);
        var records = JsonSerializer.Deserialize<List<ArticleRecord>>(r.Stdout, KbJson.Options)!;
        Assert.Equal(3, records.Count);
        var kept = records.Single(x => x.Id == "Q199250");
        Assert.Equal("2001-06-14", kept.LastModified);
        Assert.Single(kept.Provenance!);
        Assert.Contains("3 articles, 1 older or smaller copies set aside", r.Stderr, StringComparison.Ordinal);
    }
}
