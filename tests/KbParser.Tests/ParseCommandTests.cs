using System.Text.Json;
using Kb.Parser.Model;
using Kb.Tests.Support;

namespace Kb.Parser.Tests;

public sealed class ParseCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("kb-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Json_PrintsOneRecordForOneFile()
    {
        var file = Path.Combine(TestCorpus.ContentKb, "199", "Q199250", "README.md");
        var r = KbProcess.Run("parse", file, "--json");
        Assert.Equal(0, r.ExitCode);
        var records = JsonSerializer.Deserialize<List<ArticleRecord>>(r.Stdout, KbJson.Options)!;
        Assert.Equal("Q199250", Assert.Single(records).Id);
    }

    [Fact]
    public void JsonLines_WritesOneRecordPerLineToFile()
    {
        var outFile = Path.Combine(_temp, "out.jsonl");
        var r = KbProcess.Run("parse", TestCorpus.ContentKb, "--jsonl", "--out", outFile);
        Assert.Equal(0, r.ExitCode);
        var lines = File.ReadAllLines(outFile);
        Assert.Contains(lines, l => KbJson.Deserialize(l)!.Id == "Q199250");
    }

    [Fact]
    public void Stats_SummarisesArticlesKindsAndProducts()
    {
        var r = KbProcess.Run("parse", TestCorpus.ContentKb, "--stats");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("articles: ", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("errors: 0", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Microsoft Systems Management Server", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("info: ", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableFile_IsNamedAndTheOthersStillParse()
    {
        var dir = Path.Combine(_temp, "kb");
        Directory.CreateDirectory(Path.Combine(dir, "199", "Q199250"));
        File.Copy(Path.Combine(TestCorpus.ContentKb, "199", "Q199250", "README.md"), Path.Combine(dir, "199", "Q199250", "README.md"));
        Directory.CreateDirectory(Path.Combine(dir, "100", "Q100000"));
        File.CreateSymbolicLink(Path.Combine(dir, "100", "Q100000", "README.md"), Path.Combine(_temp, "missing.md"));

        var r = KbProcess.Run("parse", dir, "--jsonl");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Q100000", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"Q199250\"", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parse", "/no/such/path")]
    [InlineData("parse", "content-that-does-not-exist", "--json")]
    [InlineData("parse", "--no-such-option")]
    [InlineData("no-such-verb")]
    public void BadUsage_ExitsWithTwo(params string[] args)
    {
        var r = KbProcess.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(r.Stderr + r.Stdout));
    }

    [Fact]
    public void JsonAndJsonLinesTogether_IsBadUsage()
    {
        var r = KbProcess.Run("parse", TestCorpus.ContentKb, "--json", "--jsonl");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--json", r.Stderr + r.Stdout, StringComparison.Ordinal);
    }
}
