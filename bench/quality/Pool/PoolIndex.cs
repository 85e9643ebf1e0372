using System.Globalization;
using Kb.Index;
using Kb.Index.Indexing;
using Kb.Parser.Corpus;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Kb.Bench.Pool;

/// <summary>An article's stored facts, for a judge's first look.</summary>
internal sealed record ArticleInfo(string Id, string Title, IReadOnlyList<string> Products, string? LastModified, string Kind, string? Path, string Summary);

/// <summary>
/// The comparison index the pool's non-project rankers share: one document per article with
/// <list type="bullet">
/// <item><c>text</c>: title and all section text, StandardAnalyzer (the plain BM25 baseline);</item>
/// <item><c>title</c>: the title, StandardAnalyzer;</item>
/// <item><c>etext</c>: title and all section text, EnglishAnalyzer (stemming);</item>
/// <item><c>exact</c>: title and all section text, StandardTokenizer + lower case, no stop words (the phrase grep);</item>
/// </list>
/// plus stored facts (<see cref="ArticleInfo"/>). BM25 statistics are per field, so each field
/// ranks as a separate one-field index would.
/// </summary>
internal sealed class PoolIndex : IDisposable
{
    public const string Id = "id";
    public const string Text = "text";
    public const string Title = "title";
    public const string English = "etext";
    public const string Exact = "exact";
    private const string Products = "products";
    private const string LastModified = "modified";
    private const string Kind = "kind";
    private const string Path = "path";
    private const string Summary = "summary";
    // Bump when fields or analysis change: an index with another value is rebuilt.
    private const string FormatKey = "pool-format";
    private const string Format = "1";
    private const int SummaryChars = 400;

    private readonly FSDirectory _dir;
    private readonly DirectoryReader _reader;

    private PoolIndex(FSDirectory dir)
    {
        _dir = dir;
        _reader = DirectoryReader.Open(dir);
        Searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public IndexSearcher Searcher { get; }

    public int Count => _reader.NumDocs;

    /// <summary>The analyzer of each field, for queries as for indexing.</summary>
    public static Analyzer StandardAnalyzer { get; } = new StandardAnalyzer(KbIndexVersion.Lucene);

    public static Analyzer EnglishAnalyzer { get; } = new EnglishAnalyzer(KbIndexVersion.Lucene);

    public static Analyzer ExactAnalyzer { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(KbIndexVersion.Lucene, reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(KbIndexVersion.Lucene, tokenizer));
    });

    public static bool Exists(string folder)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            return false;
        }

        using var dir = FSDirectory.Open(folder);
        if (!DirectoryReader.IndexExists(dir))
        {
            return false;
        }

        using var reader = DirectoryReader.Open(dir);
        return reader.IndexCommit.UserData.TryGetValue(FormatKey, out var f) && f == Format;
    }

    public static PoolIndex Open(string folder) => new(FSDirectory.Open(folder));

    /// <summary>Parses the corpus and writes the index from scratch; returns the number of articles and failures.</summary>
    public static (int Articles, int Failed) Build(string source, string folder, Action<string> onError)
    {
        var analyzer = new PerFieldAnalyzerWrapper(StandardAnalyzer, new Dictionary<string, Analyzer>
        {
            [English] = EnglishAnalyzer,
            [Exact] = ExactAnalyzer,
        });
        var config = new IndexWriterConfig(KbIndexVersion.Lucene, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 256,
            UseCompoundFile = false,
        };
        var articles = 0;
        var failed = 0;
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        using var dir = FSDirectory.Open(folder);
        using var writer = new IndexWriter(dir, config);
        Parallel.ForEach(CorpusReader.EnumerateFiles(source), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var result = CorpusReader.ParseOne(file);
            if (result.Record is not { } record)
            {
                Interlocked.Increment(ref failed);
                onError(result.Error ?? file.SourcePath);
                return;
            }

            // As kb index does: the first file read for an article number stays.
            if (!seen.TryAdd(record.Id, 0))
            {
                return;
            }

            var full = record.Title + "\n" + ArticleText.Full(record);
            var doc = new Document
            {
                new StringField(Id, record.Id, Field.Store.YES),
                new TextField(Title, record.Title, Field.Store.YES),
                new TextField(Text, full, Field.Store.NO),
                new TextField(English, full, Field.Store.NO),
                new TextField(Exact, full, Field.Store.NO),
                new StoredField(Kind, record.Kind),
                new StoredField(Summary, Cut(ArticleText.From(record).Summary, SummaryChars)),
            };
            foreach (var p in record.Products)
            {
                doc.Add(new StoredField(Products, p));
            }

            if (record.LastModified is { } modified)
            {
                doc.Add(new StoredField(LastModified, modified));
            }

            if (record.SourcePath is { } path)
            {
                doc.Add(new StoredField(Path, path.Replace('\\', '/')));
            }

            writer.AddDocument(doc);
            Interlocked.Increment(ref articles);
        });
        writer.SetCommitData(new Dictionary<string, string> { [FormatKey] = Format });
        writer.Commit();
        return (articles, failed);
    }

    /// <summary>The top <paramref name="limit"/> article ids for a query.</summary>
    public IReadOnlyList<string> Top(Query query, int limit) =>
        [.. Searcher.Search(query, limit).ScoreDocs.Select(d => Searcher.Doc(d.Doc).Get(Id))];

    /// <summary>How many articles match a query.</summary>
    public int CountMatches(Query query)
    {
        var collector = new TotalHitCountCollector();
        Searcher.Search(query, collector);
        return collector.TotalHits;
    }

    public ArticleInfo? Info(string id)
    {
        var top = Searcher.Search(new TermQuery(new Term(Id, id)), 1);
        if (top.TotalHits == 0)
        {
            return null;
        }

        var doc = Searcher.Doc(top.ScoreDocs[0].Doc);
        return new ArticleInfo(id, doc.Get(Title), doc.GetValues(Products), doc.Get(LastModified), doc.Get(Kind) ?? "", doc.Get(Path), doc.Get(Summary) ?? "");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _dir.Dispose();
    }

    /// <summary>The first <paramref name="max"/> characters, whitespace collapsed, cut at a word.</summary>
    private static string Cut(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', max);
        return string.Create(CultureInfo.InvariantCulture, $"{flat[..(cut > max / 2 ? cut : max)]} …");
    }
}
