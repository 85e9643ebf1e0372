using Kb.Index.Indexing;
using Kb.Index.Search;
using Kb.Parser.Corpus;
using Kb.Tests.Support;

namespace Kb.Index.Tests;

/// <summary>One small index for the search tests: <c>content/kb</c> plus the shared sample articles.</summary>
public sealed class SampleIndexFixture : IDisposable
{
    public SampleIndexFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "kb-index-tests-" + Guid.NewGuid().ToString("N"));
        var records = CorpusReader.Parse(TestCorpus.ContentKb)
            .Concat(TestCorpus.HasSample ? CorpusReader.Parse(TestCorpus.SampleFolder) : [])
            .Where(r => r.Record is not null)
            .Select(r => r.Record!)
            .ToList();
        Records = records;
        Articles = records.Count;
        using (var dir = Lucene.Net.Store.FSDirectory.Open(Folder))
        {
            Report = new KbIndexBuilder().Build(records, dir);
        }

        Searcher = KbSearcher.Open(Folder);
    }

    /// <summary>The index folder, for tests that run the kb command on it.</summary>
    public string Folder { get; }

    public int Articles { get; }

    /// <summary>The records the index was built from.</summary>
    public IReadOnlyList<Kb.Parser.Model.ArticleRecord> Records { get; }

    public IndexReport Report { get; }

    public KbSearcher Searcher { get; }

    public void Dispose()
    {
        Searcher.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SampleIndexGroup : ICollectionFixture<SampleIndexFixture>
{
    public const string Name = "sample index";
}
