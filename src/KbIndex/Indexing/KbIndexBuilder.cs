using System.Collections.Concurrent;
using System.Diagnostics;
using Kb.Index.Analysis;
using Kb.Parser.Corpus;
using Kb.Parser.Model;
using Lucene.Net.Index;
using Kb.Index.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Kb.Index.Indexing;

/// <summary>
/// Builds or updates an index from records: new articles are added, changed ones (by
/// <see cref="ContentHash"/>) replaced, unchanged ones left alone, and articles that are no longer
/// in the source removed. All changes land in one Lucene commit at the end, so a killed run leaves
/// the previous commit intact; Lucene's write lock refuses a second writer.
/// </summary>
public sealed partial class KbIndexBuilder
{
    /// <summary>How many threads parse and analyse; the writer accepts documents from all of them.</summary>
    public int DegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Called once per article processed (from worker threads).</summary>
    public Action? OnArticle { get; init; }

    /// <summary>Called once per article of the first pass that weighs the copies when there are several sources.</summary>
    public Action? OnScan { get; init; }

    /// <summary>Called for each file that cannot be read or parsed (from worker threads).</summary>
    public Action<string>? OnError { get; init; }

    /// <summary>Indexes every article of a file, folder or archive into <paramref name="indexPath"/>.</summary>
    public IndexReport Build(string source, string indexPath, CancellationToken cancellationToken = default) =>
        Build([source], indexPath, cancellationToken);

    /// <summary>
    /// Indexes every article of several files, folders or archives (of any forms) into <paramref name="indexPath"/>:
    /// one document per article number. With more than one source, a first pass weighs the copies of each article
    /// (<see cref="ArticleMerge"/>: newest, then most complete, then first) and only the kept copy is indexed, with the
    /// others as its provenance, as <c>kb parse</c> gives it.
    /// </summary>
    public IndexReport Build(IReadOnlyList<string> sources, string indexPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        using var processLock = WriterLock.Acquire(indexPath);
        using var dir = FSDirectory.Open(indexPath);
        var merge = sources.Count > 1 ? ArticleMerge.Scan(sources, OnScan, cancellationToken) : null;
        var report = Build(dir, (counters, process) =>
            Parallel.ForEach(sources.SelectMany(CorpusReader.EnumerateFiles), Options(cancellationToken), file =>
            {
                var result = CorpusReader.ParseOne(file);
                if (result.Record is null)
                {
                    OnError?.Invoke(result.Error ?? file.SourcePath);
                    Interlocked.Increment(ref counters.Failed);
                    return;
                }

                if ((merge is null ? result.Record : merge.Apply(result.Record, result.Record.SourcePath)) is { } kept)
                {
                    process(kept);
                }
            }));
        return report with { SetAside = merge?.Dropped ?? 0 };
    }

    /// <summary>Indexes <paramref name="records"/> (the whole corpus: anything not among them is removed) into <paramref name="directory"/>.</summary>
    public IndexReport Build(IEnumerable<ArticleRecord> records, LuceneDirectory directory, CancellationToken cancellationToken = default) =>
        Build(directory, (_, process) => Parallel.ForEach(records, Options(cancellationToken), process));

    /// <summary>The index configuration every writer uses (exact field lengths as norms, the per-field analyzers).</summary>
    public static IndexWriterConfig WriterConfig(OpenMode mode) => new(KbIndexVersion.Lucene, KbAnalyzers.Create(forIndex: true))
    {
        OpenMode = mode,
        Similarity = new KbSimilarity(),
        RAMBufferSizeMB = 256,
        // Compound files save file handles, not time; a build that finishes quickly matters more.
        UseCompoundFile = false,
    };

    private ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = DegreeOfParallelism, CancellationToken = ct };

    private IndexReport Build(LuceneDirectory dir, Action<Counters, Action<ArticleRecord>> feed)
    {
        var clock = Stopwatch.StartNew();
        var existing = ReadExisting(dir, out var rebuild);
        IndexWriter writer;
        try
        {
            writer = new IndexWriter(dir, WriterConfig(rebuild ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND));
        }
        catch (LockObtainFailedException ex)
        {
            throw new KbIndexLockedException($"the index {Describe(dir)} is locked by another writer (another `kb index` is running); try again when it has finished", ex);
        }

        var counters = new Counters();
        var seen = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        try
        {
            feed(counters, record =>
            {
                OnArticle?.Invoke();
                if (!seen.TryAdd(record.Id, 0))
                {
                    // Two files claim one article number: the first one read stays, as the parser does for headers.
                    OnError?.Invoke($"{record.SourcePath}: article {record.Id} is indexed from another file already; skipped");
                    return;
                }

                var json = KbJson.SerializeToUtf8Bytes(record);
                var hash = ContentHash.Of(json);
                if (existing.TryGetValue(record.Id, out var old))
                {
                    if (old == hash)
                    {
                        Interlocked.Increment(ref counters.Unchanged);
                        return;
                    }

                    writer.UpdateDocument(new Term(KbFields.Id, record.Id), ArticleDocumentBuilder.Build(record, json, hash));
                    Interlocked.Increment(ref counters.Updated);
                }
                else
                {
                    writer.AddDocument(ArticleDocumentBuilder.Build(record, json, hash));
                    Interlocked.Increment(ref counters.Added);
                }
            });

            var removed = existing.Keys.Where(id => !seen.ContainsKey(id)).ToList();
            foreach (var id in removed)
            {
                writer.DeleteDocuments(new Term(KbFields.Id, id));
            }

            var changed = counters.Added + counters.Updated + removed.Count > 0 || rebuild || existing.Count == 0;
            if (changed)
            {
                Commit(writer);
            }

            writer.Dispose();
            return new IndexReport
            {
                Added = counters.Added,
                Updated = counters.Updated,
                Removed = removed.Count,
                Unchanged = counters.Unchanged,
                Failed = counters.Failed,
                Rebuilt = rebuild,
                Elapsed = clock.Elapsed,
            };
        }
        catch
        {
            // Leave the last commit as it was: nothing of this run becomes visible.
            writer.Rollback();
            throw;
        }
    }

    private static string Describe(LuceneDirectory dir) => dir is FSDirectory fs ? fs.Directory.FullName : dir.ToString() ?? "";

    private sealed class Counters
    {
        public int Added;
        public int Updated;
        public int Unchanged;
        public int Failed;
    }
}
