using Kb.Index.Analysis;
using Kb.Index.Indexing;
using Kb.Parser.Model;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Kb.Index.Export;

/// <summary>
/// An index in memory holding only what <see cref="SearchExport"/> reads: the ids, the id forms and the
/// weighted text fields (<see cref="ArticleDocumentBuilder.BuildRanked"/>), with the same analysis as the
/// on-disk index, so the export's terms and weights are those of <c>kb index</c> over the same records.
/// Made for callers that have parsed the records anyway (the site build): no stored records, no
/// positions or norms, no doc values but the id, one RAM buffer large enough that nothing is flushed or
/// merged before the end. <see cref="Add"/> may be called from many threads at once.
/// </summary>
public sealed class RankingIndex : IDisposable
{
    private readonly RAMDirectory _dir = new();
    private readonly IndexWriter _writer;
    private bool _exported;

    /// <param name="ramBufferMB">
    /// Memory for documents not yet flushed; past it Lucene writes a segment (to memory: still correct,
    /// only slower). The 60,335 articles of the archive take about 60 MB.
    /// </param>
    public RankingIndex(double ramBufferMB = 256)
    {
        _writer = new IndexWriter(_dir, new IndexWriterConfig(KbIndexVersion.Lucene, KbAnalyzers.Create(forIndex: true))
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = ramBufferMB,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
            UseCompoundFile = false,
        });
    }

    /// <summary>Memory the writer holds for the documents added so far.</summary>
    public long RamBytes => _writer.RamSizeInBytes();

    /// <summary>Adds one article (thread-safe).</summary>
    public void Add(ArticleRecord record) => _writer.AddDocument(ArticleDocumentBuilder.BuildRanked(record));

    /// <summary>Closes the writer and opens the export; the export owns the index from then on. Call once.</summary>
    public SearchExport Export()
    {
        ObjectDisposedException.ThrowIf(_exported, this);
        _writer.Commit();
        _writer.Dispose();
        _exported = true;
        return SearchExport.Open(_dir);
    }

    public void Dispose()
    {
        if (!_exported)
        {
            _exported = true;
            _writer.Dispose();
            _dir.Dispose();
        }
    }
}
