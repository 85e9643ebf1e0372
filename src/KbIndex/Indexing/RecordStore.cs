using System.Text.Json;
using Kb.Index.Analysis;
using Kb.Parser.Model;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kb.Index.Indexing;

/// <summary>
/// The site build's record store: a Lucene index on disk with one document per article file
/// (<see cref="ArticleDocumentBuilder.BuildStored"/>), keyed by source path, holding the record's
/// JSON and the weighted text fields the search export reads. A build parses only the articles that
/// changed and puts their records here; every other stage reads records back from it
/// (<see cref="RecordReader"/>) and the static search is exported from it. Lucene writes each file
/// once and never changes it, so the next build can start from hard links to this build's files.
/// Puts and deletes may be called from many threads at once.
/// </summary>
public sealed class RecordStore : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly bool _fresh;
    private bool _done;

    private RecordStore(string path, bool fresh)
    {
        _fresh = fresh;
        _directory = FSDirectory.Open(path);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(KbIndexVersion.Lucene, KbAnalyzers.Create(forIndex: true))
        {
            OpenMode = fresh ? OpenMode.CREATE : OpenMode.APPEND,
            RAMBufferSizeMB = 256,
            // A full build writes one segment per thread at the end and merges nothing; an update merges
            // its small segments as Lucene sees fit.
            MergePolicy = fresh ? NoMergePolicy.NO_COMPOUND_FILES : new TieredMergePolicy(),
            UseCompoundFile = false,
        });
    }

    /// <summary>Starts an empty store in <paramref name="path"/> (a new folder).</summary>
    public static RecordStore Create(string path) => new(path, fresh: true);

    /// <summary>Opens the store in <paramref name="path"/> (a copy of a previous build's) for changes.</summary>
    public static RecordStore Update(string path) => new(path, fresh: false);

    /// <summary>True when <paramref name="path"/> holds a committed store.</summary>
    public static bool Exists(string path)
    {
        if (!System.IO.Directory.Exists(path))
        {
            return false;
        }

        using var dir = FSDirectory.Open(path);
        return DirectoryReader.IndexExists(dir);
    }

    /// <summary>Adds the record of its source file, or replaces it: the key is <see cref="ArticleRecord.SourcePath"/>.</summary>
    public void Put(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Put(record.SourcePath ?? "", record);
    }

    /// <summary>
    /// Adds or replaces the record stored under <paramref name="key"/> (unique per source file; a build of
    /// several sources prefixes the source path with the source's position).
    /// </summary>
    public void Put(string key, ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(_done, this);
        var doc = ArticleDocumentBuilder.BuildStored(key, record, KbJson.SerializeToUtf8Bytes(record));
        if (_fresh)
        {
            _writer.AddDocument(doc);
        }
        else
        {
            _writer.UpdateDocument(new Term(KbFields.SourcePath, key), doc);
        }
    }

    /// <summary>Removes the record stored under a key (nothing when there is none).</summary>
    public void Delete(string key)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _writer.DeleteDocuments(new Term(KbFields.SourcePath, key));
    }

    /// <summary>Commits every change, closes the writer and opens the store for reading.</summary>
    public RecordReader Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        _writer.Commit();
        _writer.Dispose();
        return new RecordReader(_directory);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        _writer.Rollback();
        _writer.Dispose();
        _directory.Dispose();
    }
}

/// <summary>A committed <see cref="RecordStore"/>: records by source path (thread-safe) and the search export.</summary>
public sealed class RecordReader : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly Dictionary<string, int> _docOf = new(StringComparer.Ordinal);

    internal RecordReader(FSDirectory directory)
    {
        _directory = directory;
        _reader = DirectoryReader.Open(directory);
        // The map from source path to document comes from the key field's terms: no stored field is read.
        var scratch = new BytesRef();
        foreach (var leaf in _reader.Leaves)
        {
            var r = leaf.AtomicReader;
            var terms = r.GetTerms(KbFields.SourcePath);
            if (terms is null)
            {
                continue;
            }

            var e = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (e.MoveNext())
            {
                docs = e.Docs(r.LiveDocs, docs, DocsFlags.NONE);
                var doc = docs.NextDoc();
                if (doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
                {
                    scratch.CopyBytes(e.Term);
                    _docOf[scratch.Utf8ToString()] = leaf.DocBase + doc;
                }
            }
        }
    }

    /// <summary>Opens the committed store in <paramref name="path"/> for reading (a previous build's, say); it is not changed.</summary>
    public static RecordReader Open(string path) => new(FSDirectory.Open(path));

    /// <summary>Number of records.</summary>
    public int Count => _docOf.Count;

    /// <summary>The folder the store is in.</summary>
    public string Path => _directory.Directory.FullName;

    /// <summary>The record stored under a key, read back from its stored JSON.</summary>
    public bool TryGet(string key, out ArticleRecord record)
    {
        record = null!;
        if (!_docOf.TryGetValue(key, out var doc))
        {
            return false;
        }

        var bytes = _reader.Document(doc).GetBinaryValue(KbFields.Record);
        if (bytes is null)
        {
            return false;
        }

        record = JsonSerializer.Deserialize(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), KbJsonRecordInfo.Value)!;
        return record is not null;
    }

    /// <summary>The search export of the store's records (it opens its own reader).</summary>
    public Export.SearchExport Export() => Kb.Index.Export.SearchExport.Open(Path);

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private static class KbJsonRecordInfo
    {
        public static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<ArticleRecord> Value =
            (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ArticleRecord>)KbJson.Options.GetTypeInfo(typeof(ArticleRecord));
    }
}
