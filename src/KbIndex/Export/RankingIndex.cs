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
/// positions or norms, no doc values but the id, a RAM buffer large enough that nothing is flushed or
/// merged before the end. <see cref="Add"/> may be called from many threads at once: each thread has
/// its own writer, so the writers' segments are written in parallel at the end and read as one index.
/// </summary>
public sealed class RankingIndex : IDisposable
{
    private readonly double _ramBufferMB;
    private readonly ThreadLocal<Part> _parts;
    private bool _exported;

    /// <param name="ramBufferMB">
    /// Memory per adding thread for documents not yet flushed; past it Lucene writes a segment (to
    /// memory: still correct, only slower). The 60,335 articles of the archive take about 60 MB in all.
    /// </param>
    public RankingIndex(double ramBufferMB = 256)
    {
        _ramBufferMB = ramBufferMB;
        _parts = new ThreadLocal<Part>(() => new Part(_ramBufferMB), trackAllValues: true);
    }

    /// <summary>Memory the writers hold for the documents added so far.</summary>
    public long RamBytes => _parts.Values.Sum(p => p.Writer.RamSizeInBytes());

    /// <summary>Adds one article (thread-safe).</summary>
    public void Add(ArticleRecord record)
    {
        ObjectDisposedException.ThrowIf(_exported, this);
        _parts.Value!.Writer.AddDocument(ArticleDocumentBuilder.BuildRanked(record));
    }

    /// <summary>Closes the writers and opens the export; the export owns the index from then on. Call once, after every <see cref="Add"/>.</summary>
    public SearchExport Export()
    {
        ObjectDisposedException.ThrowIf(_exported, this);
        _exported = true;
        var parts = _parts.Values.ToList();
        if (parts.Count == 0)
        {
            parts.Add(new Part(_ramBufferMB));
        }

        Parallel.ForEach(parts, p =>
        {
            p.Writer.Commit();
            p.Writer.Dispose();
        });
        _parts.Dispose();
        return SearchExport.Open(parts.Select(p => (Lucene.Net.Store.Directory)p.Directory).ToList());
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_exported)
        {
            return;
        }

        _exported = true;
        foreach (var p in _parts.Values)
        {
            p.Writer.Dispose();
            p.Directory.Dispose();
        }

        _parts.Dispose();
    }

    /// <summary>One thread's writer and the directory it writes.</summary>
    private sealed class Part
    {
        public Part(double ramBufferMB)
        {
            Writer = new IndexWriter(Directory, new IndexWriterConfig(KbIndexVersion.Lucene, KbAnalyzers.Create(forIndex: true))
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = ramBufferMB,
                MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
                UseCompoundFile = false,
            });
        }

        public RAMDirectory Directory { get; } = new();

        public IndexWriter Writer { get; }
    }
}
