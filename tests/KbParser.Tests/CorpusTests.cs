using System.Text;
using Kb.Parser.Corpus;
using Kb.Parser.Model;
using Kb.Tests.Support;
using Xunit.Abstractions;

namespace Kb.Parser.Tests;

/// <summary>Invariants over all 60,335 articles of the real archive (KB_CORPUS).</summary>
public sealed class CorpusTests
{
    private readonly ITestOutputHelper _output;

    public CorpusTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void FullCorpus_ParsesWithoutLoss()
    {
        var tarball = TestCorpus.Tarball;
        Skip.If(tarball is null, TestCorpus.SkipMessage);

        int articles = 0, withDate = 0, empty = 0;
        var failures = new List<string>();
        var results = CorpusReader.EnumerateFiles(tarball!)
            .AsParallel().AsOrdered()
            .Select(file => Check(file));
        foreach (var (path, dated, bodyless, problems) in results)
        {
            articles++;
            empty += bodyless ? 1 : 0;
            withDate += dated ? 1 : 0;
            if (problems.Count > 0 && failures.Count < 50)
            {
                failures.Add(path + ": " + string.Join("; ", problems.Take(3)));
            }
        }

        _output.WriteLine($"{articles} articles, {withDate} with a last-modified date, {empty} with no body text");
        Assert.True(empty <= 10, $"{empty} articles have no section");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(60_335, articles);
        Assert.True(withDate >= articles * 0.999, $"last modified parsed for only {withDate} of {articles}");
    }

    private static (string Path, bool Dated, bool Bodyless, List<string> Problems) Check(ArticleFile file)
    {
        var problems = new List<string>();
        var result = CorpusReader.ParseOne(file);
        if (result.Record is not { } record)
        {
            problems.Add("error: " + result.Error);
            return (file.SourcePath, false, false, problems);
        }

        var folder = Path.GetFileName(Path.GetDirectoryName(file.SourcePath));
        if (record.Id != folder)
        {
            problems.Add($"id {record.Id} is not the folder name {folder}");
        }

        // A handful of archive articles have no text besides header, applies-to and metadata;
        // those must be flagged, and must really have nothing else (the audit below proves it).
        if (record.Sections.Count == 0 && !record.Diagnostics.Any(d => d.Code == DiagnosticCodes.Parser.NoBody))
        {
            problems.Add("no section or paragraph, and not reported");
        }

        if (string.IsNullOrEmpty(record.Title))
        {
            problems.Add("no title");
        }

        var text = Encoding.UTF8.GetString(file.ReadBytes());
        problems.AddRange(RecordAudit.Check(text, record));
        if (FrontMatterTests.FrontMatterOf(text) is { } yaml && FrontMatterTests.Disagreement(yaml) is { } frontMatter)
        {
            problems.Add(frontMatter);
        }

        return (file.SourcePath, record.LastModified is not null, record.Sections.Count == 0, problems);
    }
}
