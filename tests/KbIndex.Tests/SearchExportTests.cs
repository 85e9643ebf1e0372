using Kb.Index.Analysis;
using Kb.Index.Export;

namespace Kb.Index.Tests;

[Collection(SampleIndexGroup.Name)]
public sealed class SearchExportTests
{
    private readonly SampleIndexFixture _index;

    public SearchExportTests(SampleIndexFixture index) => _index = index;

    [Fact]
    public void Export_HasEveryArticleAndSortedTerms()
    {
        using var export = SearchExport.Open(_index.Folder);
        Assert.Equal(_index.Searcher.Count, export.Documents.Count);
        Assert.Equal(export.Documents.Select(d => d.Id).Order(StringComparer.Ordinal), export.Documents.Select(d => d.Id));
        var q = export.Documents.Single(d => d.Id == "Q199250");
        Assert.Equal("/kb/199/Q199250/", q.Permalink);
        Assert.Equal(1999, q.Year);
        Assert.StartsWith("This articles describes the three methods", q.Snippet, StringComparison.Ordinal);

        string? previous = null;
        foreach (var term in export.Terms())
        {
            Assert.True(previous is null || string.CompareOrdinal(previous, term.Term) < 0, $"{previous} before {term.Term}");
            Assert.Equal(term.DocumentFrequency, term.Postings.Count);
            Assert.All(term.Postings, p => Assert.True(p.Weight > 0));
            previous = term.Term;
        }
    }

    [Fact]
    public void Export_SummedWeightsRankTheAnswerFirst()
    {
        using var export = SearchExport.Open(_index.Folder);
        using var analyzer = KbAnalyzers.Create();
        var words = KbAnalyzers.Terms(analyzer, KbFields.Body, "How do I upgrade a secondary site from SMS 1.2?").ToHashSet(StringComparer.Ordinal);
        var scores = new Dictionary<int, float>();
        foreach (var term in export.Terms().Where(t => words.Contains(t.Term)))
        {
            foreach (var p in term.Postings)
            {
                scores[p.Doc] = scores.GetValueOrDefault(p.Doc) + p.Weight;
            }
        }

        var best = scores.MaxBy(p => p.Value).Key;
        Assert.Equal("Q199250", export.Documents[best].Id);
        Assert.Equal(["199250", "kb199250", "q199250"], export.Terms().Where(t => t.Term.EndsWith("199250", StringComparison.Ordinal)).Select(t => t.Term));
    }

    [Fact]
    public void RankingIndex_ExportsTheFullIndexsTermsAndWeights()
    {
        using var full = SearchExport.Open(_index.Folder);
        using var ranking = new RankingIndex();
        // One copy of each article, as the full index keeps (content/kb and the sample share Q199250).
        Parallel.ForEach(_index.Records.DistinctBy(r => r.Id), new ParallelOptions { MaxDegreeOfParallelism = 2 }, ranking.Add);
        using var slim = ranking.Export();
        Assert.Equal(full.Ids, slim.Ids);
        Assert.Equal(full.Documents.Select(d => d.Id), slim.Ids);
        Assert.Throws<InvalidOperationException>(() => slim.Documents);

        var expected = full.Terms().ToList();
        var actual = slim.Terms(t => t, parallelism: 2).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Term, actual[i].Term);
            Assert.Equal(expected[i].DocumentFrequency, actual[i].DocumentFrequency);
            Assert.Equal(expected[i].Postings, actual[i].Postings);
        }
    }
}
