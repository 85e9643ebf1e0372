using Kb.Index.Indexing;
using Kb.Index.Search;
using Kb.Parser.Corpus;
using Kb.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Kb.Index.Tests;

/// <summary>
/// A search over several segments (searched at the same time, results merged) gives what the same
/// articles in one segment give: the same matches, scores and facet counts.
/// </summary>
public sealed class SegmentSlicesTests
{
    [SkippableTheory]
    [InlineData("secondary site upgrade")]
    [InlineData("windows nt 4.0 service pack")]
    [InlineData("error printer driver")]
    [InlineData("sms kind:info")]
    [InlineData("dhcp OR wins")]
    public void Search_OverManySegments_MatchesOneSegment(string query)
    {
        var sample = TestCorpus.RequireSample();
        var records = CorpusReader.Parse(sample).Select(r => r.Record).OfType<Kb.Parser.Model.ArticleRecord>().ToList();
        using var one = new RAMDirectory();
        using var many = new RAMDirectory();
        new KbIndexBuilder { DegreeOfParallelism = 1 }.Build(records, one);
        // Half the articles first, then all: the second build adds the rest as new segments.
        new KbIndexBuilder().Build(records.Where((_, i) => i % 2 == 0), many);
        new KbIndexBuilder().Build(records, many);
        using (var reader = DirectoryReader.Open(many))
        {
            Assert.True(reader.Leaves.Count >= 2, $"{reader.Leaves.Count} segment");
        }

        using var a = KbSearcher.Open(one);
        using var b = KbSearcher.Open(many);
        var options = new SearchOptions { Limit = 1000, Snippets = false, Facets = true };
        var x = a.Search(query, options);
        var y = b.Search(query, options);

        Assert.True(x.TotalHits > 0);
        Assert.Equal(x.TotalHits, y.TotalHits);
        Assert.Equal(Scores(x), Scores(y));
        Assert.Equal(x.Facets.Products.Select(f => (f.Value, f.Count)), y.Facets.Products.Select(f => (f.Value, f.Count)));
        Assert.Equal(x.Facets.Kinds.Select(f => (f.Value, f.Count)), y.Facets.Kinds.Select(f => (f.Value, f.Count)));
        Assert.Equal(x.Facets.Years.Select(f => (f.Value, f.Count)), y.Facets.Years.Select(f => (f.Value, f.Count)));
    }

    private static List<(string Id, double Score)> Scores(SearchResults r) =>
        [.. r.Hits.Select(h => (h.Id, Math.Round((double)h.Score, 3))).OrderByDescending(h => h.Item2).ThenBy(h => h.Id, StringComparer.Ordinal)];
}
