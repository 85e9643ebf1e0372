using Kb.Index.Export;

namespace Kb.Index.Tests;

/// <summary>
/// The parts of the incremental search export that live in KbIndex: weighing chosen terms by seeking them
/// (<see cref="SearchExport.Weigh"/>) and telling which terms a change moved (<see cref="RecordTerms"/>).
/// </summary>
[Collection(SampleIndexGroup.Name)]
public sealed class ExportUpdateTests
{
    private readonly SampleIndexFixture _index;

    public ExportUpdateTests(SampleIndexFixture index) => _index = index;

    [Fact]
    public void Weigh_WithTheIndexsOwnStatistics_GivesWhatTheFullWalkGives()
    {
        using var export = SearchExport.Open(_index.Folder);
        var all = export.Terms().ToList();
        // Every 37th term, a missing one and a duplicate: the missing one is left out, the duplicate read once.
        var chosen = all.Where((_, i) => i % 37 == 0).ToList();
        var asked = chosen.Select(t => t.Term).Append("zzzz-no-such-term").Append(chosen[0].Term).Reverse().ToList();
        var weighed = export.Weigh(asked, export.Statistics);
        Assert.Equal(chosen.Select(t => t.Term), weighed.Select(t => t.Term));
        for (var i = 0; i < chosen.Count; i++)
        {
            Assert.Equal(chosen[i].DocumentFrequency, weighed[i].DocumentFrequency);
            Assert.Equal(chosen[i].Postings, weighed[i].Postings);
        }
    }

    [Fact]
    public void Weigh_WithOtherStatistics_MovesTheWeights()
    {
        using var export = SearchExport.Open(_index.Folder);
        var term = export.Terms().First(t => t.DocumentFrequency > 5);
        var doubled = export.Statistics with { Documents = export.Statistics.Documents * 2 };
        var moved = export.Weigh([term.Term], doubled).Single();
        Assert.Equal(term.Postings.Select(p => p.Doc), moved.Postings.Select(p => p.Doc));
        // A larger collection makes the term rarer: a higher idf, every weight higher.
        Assert.All(term.Postings.Zip(moved.Postings), p => Assert.True(p.Second.Weight > p.First.Weight));
        Assert.Equal(0, export.Statistics.Drift(export.Statistics));
        Assert.True(double.IsPositiveInfinity(export.Statistics.Drift(doubled)));
    }

    [Fact]
    public void Changed_NamesTheTermsATitleChangeMoves_AndEveryTermOfAnAddedArticle()
    {
        var record = _index.Records.First(r => r.Id == "Q199250");
        var renamed = record with { Title = record.Title + " Zeppelinx" };
        var moved = RecordTerms.Changed(record, renamed).ToHashSet(StringComparer.Ordinal);
        // The new word, and the title's words (the title is longer, so their weights there move) ...
        Assert.Contains("zeppelinx", moved);
        Assert.Contains("secondari", moved);
        // ... but not a body word the title lacks: the body's length normalisation is the article text's.
        var signatures = RecordTerms.Signatures(record);
        var body = SearchExport.Fields.ToList().FindIndex(f => f.Name == KbFields.Body);
        var bodyOnly = signatures.Where(p => p.Value.StartsWith($"{body}:", StringComparison.Ordinal) && p.Value.Count(c => c == ';') == 1).Select(p => p.Key).ToList();
        Assert.NotEmpty(bodyOnly);
        Assert.All(bodyOnly, t => Assert.DoesNotContain(t, moved));
        Assert.Empty(RecordTerms.Changed(record, record));
        Assert.Equal(signatures.Keys.Order(StringComparer.Ordinal), RecordTerms.Changed(null, record).Order(StringComparer.Ordinal));
    }
}
