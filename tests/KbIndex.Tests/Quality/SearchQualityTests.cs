using System.Globalization;
using System.Text;
using Kb.Index.Indexing;
using Kb.Index.Search;
using Kb.Tests.Support;
using Xunit.Abstractions;

namespace Kb.Index.Tests.Quality;

/// <summary>
/// Scores our ranking and a plain StandardAnalyzer BM25 baseline on the judged queries over the
/// whole corpus (KB_CORPUS). KB_UPDATE_DOCS=1 rewrites docs/search-quality.md with the figures.
/// </summary>
public sealed class SearchQualityTests
{
    private readonly ITestOutputHelper _output;

    public SearchQualityTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void Ranking_BeatsTheStandardAnalyzerBaseline()
    {
        var tarball = TestCorpus.Tarball;
        Skip.If(tarball is null, TestCorpus.SkipMessage);
        var queries = Judgments.All();
        Assert.True(queries.Count >= 30, $"only {queries.Count} judged queries");
        // KB_QUALITY_REUSE names a folder whose indexes are kept between runs (for tuning the query side).
        var reuse = Environment.GetEnvironmentVariable("KB_QUALITY_REUSE");
        var work = reuse ?? Path.Combine(Path.GetTempPath(), "kb-quality-" + Guid.NewGuid().ToString("N"));
        try
        {
            var ours = Path.Combine(work, "ours");
            if (reuse is null || !Directory.Exists(ours))
            {
                new KbIndexBuilder().Build(tarball, ours);
            }

            using var baseline = new BaselineIndex(tarball, Path.Combine(work, "baseline"), rebuild: reuse is null || !Directory.Exists(Path.Combine(work, "baseline")));
            using var searcher = KbSearcher.Open(ours);
            var rows = queries.Select(q => Score(q, searcher, baseline)).ToList();
            var report = QualityReport.Render(rows);
            _output.WriteLine(report);
            if (Environment.GetEnvironmentVariable("KB_UPDATE_DOCS") == "1")
            {
                QualityReport.Write(report);
            }

            var oursNdcg = rows.Average(r => r.OursNdcg);
            var baseNdcg = rows.Average(r => r.BaseNdcg);
            Assert.True(oursNdcg > baseNdcg, $"nDCG@10 {oursNdcg:F3} is not above the baseline's {baseNdcg:F3}");
            Assert.True(rows.Average(r => r.OursRr) > rows.Average(r => r.BaseRr), "MRR is not above the baseline's");
        }
        finally
        {
            if (reuse is null && Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static QualityRow Score(JudgedQuery q, KbSearcher searcher, BaselineIndex baseline)
    {
        var ours = searcher.Search(q.Query, new SearchOptions { Limit = Metrics.Depth, Snippets = false, Facets = false })
            .Hits.Select(h => h.Id).ToList();
        var theirs = baseline.Search(q.Query, Metrics.Depth);
        return new QualityRow(q.Query,
            Metrics.Ndcg(ours, q.Relevant), Metrics.ReciprocalRank(ours, q.Relevant),
            Metrics.Ndcg(theirs, q.Relevant), Metrics.ReciprocalRank(theirs, q.Relevant));
    }
}

/// <summary>One query's figures, ours and the baseline's.</summary>
public sealed record QualityRow(string Query, double OursNdcg, double OursRr, double BaseNdcg, double BaseRr);

/// <summary>The Markdown table of docs/search-quality.md.</summary>
public static class QualityReport
{
    public const string Marker = "<!-- figures: written by SearchQualityTests with KB_UPDATE_DOCS=1 -->";

    public static string Render(IReadOnlyList<QualityRow> rows)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(Marker);
        sb.AppendLine(c, $"| ranking | nDCG@10 | MRR@10 | queries |");
        sb.AppendLine("|---|---|---|---|");
        sb.AppendLine(c, $"| kb (KbSearcher) | {rows.Average(r => r.OursNdcg):F3} | {rows.Average(r => r.OursRr):F3} | {rows.Count} |");
        sb.AppendLine(c, $"| baseline (StandardAnalyzer, BM25, one field) | {rows.Average(r => r.BaseNdcg):F3} | {rows.Average(r => r.BaseRr):F3} | {rows.Count} |");
        sb.AppendLine();
        sb.AppendLine("| query | nDCG@10 kb | nDCG@10 baseline | RR kb | RR baseline |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var r in rows)
        {
            sb.AppendLine(c, $"| `{r.Query.Replace("|", "\\|", StringComparison.Ordinal)}` | {r.OursNdcg:F3} | {r.BaseNdcg:F3} | {r.OursRr:F3} | {r.BaseRr:F3} |");
        }

        sb.AppendLine("<!-- end figures -->");
        return sb.ToString();
    }

    /// <summary>Replaces the figures section of docs/search-quality.md, keeping the prose around it.</summary>
    public static void Write(string figures)
    {
        var path = Path.Combine(TestCorpus.RepoRoot, "docs", "search-quality.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Search quality\n\n" + Marker + "\n<!-- end figures -->\n";
        var start = text.IndexOf(Marker, StringComparison.Ordinal);
        var end = text.IndexOf("<!-- end figures -->", StringComparison.Ordinal);
        var updated = start < 0 || end < 0
            ? text + "\n" + figures
            : text[..start] + figures.TrimEnd('\n') + text[(end + "<!-- end figures -->".Length)..];
        File.WriteAllText(path, updated);
    }
}
