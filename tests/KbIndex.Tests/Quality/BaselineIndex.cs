using Kb.Index.Indexing;
using Kb.Parser.Corpus;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Kb.Index.Tests.Quality;

/// <summary>
/// The baseline ranking: one text field (title and all section text) analysed by Lucene's
/// StandardAnalyzer, BM25, the query's words OR-ed by the classic query parser.
/// </summary>
public sealed class BaselineIndex : IDisposable
{
    private const string Id = "id";
    private const string Text = "text";
    private readonly FSDirectory _dir;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly StandardAnalyzer _analyzer = new(KbIndexVersion.Lucene);

    public BaselineIndex(string source, string folder, bool rebuild = true)
    {
        _dir = FSDirectory.Open(folder);
        if (rebuild)
        {
            Build(source);
        }

        _reader = DirectoryReader.Open(_dir);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    private void Build(string source)
    {
        var config = new IndexWriterConfig(KbIndexVersion.Lucene, _analyzer) { OpenMode = OpenMode.CREATE, Similarity = new BM25Similarity(), RAMBufferSizeMB = 256 };
        using (var writer = new IndexWriter(_dir, config))
        {
            Parallel.ForEach(CorpusReader.EnumerateFiles(source), file =>
            {
                var record = CorpusReader.ParseOne(file).Record;
                if (record is not null)
                {
                    writer.AddDocument(new Document
                    {
                        new StringField(Id, record.Id, Field.Store.YES),
                        new TextField(Text, record.Title + "\n" + ArticleText.Full(record), Field.Store.NO),
                    });
                }
            });
            writer.Commit();
        }
    }

    public IReadOnlyList<string> Search(string query, int limit)
    {
        var parser = new QueryParser(KbIndexVersion.Lucene, Text, _analyzer);
        // Lower-cased first, so a typed AND, OR or NOT stays a word (as bench/quality/Pool's bm25 does).
        var q = parser.Parse(QueryParserBase.Escape(query.ToLowerInvariant()));
        return [.. _searcher.Search(q, limit).ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get(Id))];
    }

    public void Dispose()
    {
        _reader.Dispose();
        _dir.Dispose();
        _analyzer.Dispose();
    }
}
