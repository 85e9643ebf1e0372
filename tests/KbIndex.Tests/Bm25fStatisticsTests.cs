using Kb.Index.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Kb.Index.Tests;

[Collection(SampleIndexGroup.Name)]
public sealed class Bm25fStatisticsTests
{
    private readonly SampleIndexFixture _index;

    public Bm25fStatisticsTests(SampleIndexFixture index) => _index = index;

    /// <summary>
    /// A phrase's document frequency is the number of articles with its words in a row in some text
    /// field (what a phrase query over those fields matches), not that of its rarest word.
    /// </summary>
    [SkippableFact]
    public void PhraseDocFreq_CountsArticlesWithTheWordsInARow()
    {
        Skip.IfNot(Kb.Tests.Support.TestCorpus.HasSample, "no ../shared/corpus/sample beside the checkout");
        using var dir = FSDirectory.Open(_index.Folder);
        using var reader = DirectoryReader.Open(dir);
        var ranking = KbRanking.Default;
        var statistics = new Bm25fStatistics(reader, ranking.Fields, ranking.K1);
        var searcher = new IndexSearcher(reader);
        string[] phrase = ["manag", "server"];
        string[] reversed = ["server", "manag"];
        int Matching(string[] words)
        {
            var any = new BooleanQuery();
            foreach (var f in ranking.Fields)
            {
                var q = new PhraseQuery();
                foreach (var w in words)
                {
                    q.Add(new Term(f.Name, w));
                }

                any.Add(q, Occur.SHOULD);
            }

            return searcher.Search(any, 1).TotalHits;
        }

        var inARow = statistics.PhraseDocFreq(phrase);
        Assert.True(inARow > 0, "no article says 'management server'");
        Assert.Equal(Matching(phrase), inARow);
        Assert.Equal(Matching(reversed), statistics.PhraseDocFreq(reversed));
        Assert.True(statistics.PhraseDocFreq(reversed) < statistics.DocFreq("manag"));
        // Cached: the same answer again.
        Assert.Equal(inARow, statistics.PhraseDocFreq(phrase));
    }
}
