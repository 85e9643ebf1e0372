using Kb.Index.Analysis;
using Kb.Index.Export;
using Kb.Index.Indexing;
using Kb.Parser.Model;

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
    public void RecordStore_ExportsTheFullIndexsTermsAndWeights()
    {
        using var full = SearchExport.Open(_index.Folder);
        var folder = Directory.CreateTempSubdirectory("kb-store-").FullName;
        try
        {
            // One copy of each article, as the full index keeps (content/kb and the sample share Q199250).
            var records = _index.Records.DistinctBy(r => r.Id).ToList();
            using (var store = RecordStore.Create(folder))
            {
                Parallel.ForEach(records, new ParallelOptions { MaxDegreeOfParallelism = 2 }, store.Put);
                using var reader = store.Commit();
                Assert.Equal(records.Count, reader.Count);
                Assert.True(reader.TryGet(records[0].SourcePath!, out var back));
                Assert.Equal(KbJson.Serialize(records[0]), KbJson.Serialize(back));
                Assert.False(reader.TryGet("no/such/README.md", out _));
            }

            using var slim = SearchExport.Open(folder);
            Assert.Equal(full.Ids, slim.Ids);
            Assert.Equal(full.Documents.Select(d => d.Id), slim.Ids);
            AssertSameTerms(full, slim);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void RecordStore_UpdatedInPlace_ExportsWhatAFreshStoreOfTheSameRecordsDoes()
    {
        var records = _index.Records.DistinctBy(r => r.Id).Take(40).ToList();
        var updated = records[3] with { Title = records[3].Title + " zebracorn" };
        var fresh = Directory.CreateTempSubdirectory("kb-store-").FullName;
        var changed = Directory.CreateTempSubdirectory("kb-store-").FullName;
        try
        {
            using (var store = RecordStore.Create(changed))
            {
                records.ForEach(store.Put);
                store.Commit().Dispose();
            }

            using (var store = RecordStore.Update(changed))
            {
                store.Put(updated);
                store.Delete(records[5].SourcePath!);
                using var reader = store.Commit();
                Assert.Equal(records.Count - 1, reader.Count);
                Assert.True(reader.TryGet(updated.SourcePath!, out var back));
                Assert.EndsWith("zebracorn", back.Title, StringComparison.Ordinal);
                Assert.False(reader.TryGet(records[5].SourcePath!, out _));
            }

            using (var store = RecordStore.Create(fresh))
            {
                records.Where((_, i) => i != 5).Select(r => r.Id == updated.Id ? updated : r).ToList().ForEach(store.Put);
                store.Commit().Dispose();
            }

            using var a = SearchExport.Open(fresh);
            using var b = SearchExport.Open(changed);
            Assert.Equal(a.Ids, b.Ids);
            AssertSameTerms(a, b);
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
            Directory.Delete(changed, recursive: true);
        }
    }

    private static void AssertSameTerms(SearchExport expected, SearchExport actual)
    {
        var e = expected.Terms().ToList();
        var a = actual.Terms(t => t, parallelism: 2).ToList();
        Assert.Equal(e.Count, a.Count);
        for (var i = 0; i < e.Count; i++)
        {
            Assert.Equal(e[i].Term, a[i].Term);
            Assert.Equal(e[i].DocumentFrequency, a[i].DocumentFrequency);
            Assert.Equal(e[i].Postings, a[i].Postings);
        }
    }
}
