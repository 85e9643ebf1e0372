using System.Text;
using Kb.Index.Analysis;
using Kb.Parser.Model;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Kb.Index.Search;

/// <summary>
/// Searches an index made by <see cref="Indexing.KbIndexBuilder"/>: free text, field syntax and
/// filters in, ranked records (with their options) and facet counts out. Thread-safe; open once.
/// </summary>
public sealed class KbSearcher : IDisposable
{
    private readonly LuceneDirectory? _ownedDirectory;
    private readonly DirectoryReader _reader;
    private readonly LeafSearcher _searcher;
    // The index's segments in up to one group per core: a query runs the groups at the same time.
    private readonly IList<AtomicReaderContext>[] _slices;
    // Facet values per segment, read from doc values on the first search that counts facets.
    private readonly Lazy<FacetTables>[] _facetTables;
    private readonly Analyzer _analyzer = KbAnalyzers.Create();
    private readonly Analyzer _phraseAnalyzer = KbAnalyzers.Create(phrases: true);
    // Snippets are cut from document text, so they analyse it as the index did.
    private readonly Analyzer _textAnalyzer = KbAnalyzers.Create(forIndex: true);
    private readonly KbQueryBuilder _builder;
    private readonly Snippets _snippets;

    private KbSearcher(DirectoryReader reader, LuceneDirectory? owned, KbRanking? ranking)
    {
        _reader = reader;
        _ownedDirectory = owned;
        Ranking = ranking ?? KbRanking.Default;
        _searcher = new LeafSearcher(reader) { Similarity = new KbSimilarity(Ranking.K1) };
        _slices = Slice(reader.Leaves, Environment.ProcessorCount);
        _facetTables = [.. reader.Leaves.Select(l => new Lazy<FacetTables>(() => FacetTables.Read(l.AtomicReader)))];
        reader.IndexCommit.UserData.TryGetValue(KbFields.CommitAbbreviations, out var json);
        reader.IndexCommit.UserData.TryGetValue(KbFields.CommitDefinitions, out var definitions);
        reader.IndexCommit.UserData.TryGetValue(KbFields.CommitLearned, out var learned);
        Abbreviations = Abbreviations.FromJson(json, definitions, learned);
        _builder = new KbQueryBuilder(_analyzer, _phraseAnalyzer, Abbreviations, Ranking, new Bm25fStatistics(reader, Ranking.Fields, Ranking.K1));
        _snippets = new Snippets(_textAnalyzer);
    }

    /// <summary>The ranking's parameters (<see cref="KbRanking.Default"/> unless measuring another).</summary>
    public KbRanking Ranking { get; }

    /// <summary>Product abbreviations learned when the index was built.</summary>
    public Abbreviations Abbreviations { get; }

    /// <summary>Number of articles in the index.</summary>
    public int Count => _reader.NumDocs;

    /// <summary>Opens the index in <paramref name="indexPath"/>; throws <see cref="DirectoryNotFoundException"/> when there is none.</summary>
    /// <param name="indexPath">The index folder.</param>
    /// <param name="ranking">Ranking parameters; null for <see cref="KbRanking.Default"/>, what <c>kb search</c> and the site use.</param>
    public static KbSearcher Open(string indexPath, KbRanking? ranking = null)
    {
        var dir = FSDirectory.Open(indexPath);
        if (!DirectoryReader.IndexExists(dir))
        {
            dir.Dispose();
            throw new DirectoryNotFoundException($"no index in {indexPath}; build one with `kb index SOURCE --index {indexPath}`");
        }

        return new KbSearcher(DirectoryReader.Open(dir), dir, ranking);
    }

    /// <summary>Searches an index in an already open directory (tests, in-memory indexes); the caller keeps the directory.</summary>
    public static KbSearcher Open(LuceneDirectory directory, KbRanking? ranking = null) => new(DirectoryReader.Open(directory), null, ranking);

    /// <summary>Runs a query; a query that cannot be parsed throws <see cref="KbQueryException"/>.</summary>
    public SearchResults Search(string query, SearchOptions? options = null)
    {
        options ??= new SearchOptions();
        var built = _builder.Build(query);
        var filter = Filters.Create(options, Abbreviations, _analyzer);
        var limit = Math.Max(1, options.Limit);
        Weight weight;
        try
        {
            weight = _searcher.CreateNormalizedWeight(filter is null ? built.Query : new FilteredQuery(built.Query, filter));
        }
        catch (BooleanQuery.TooManyClausesException ex)
        {
            throw new KbQueryException("the query matches too many words (a wildcard that is too short?)", ex);
        }

        var tops = new TopDocs[_slices.Length];
        var facets = new FacetCollector?[_slices.Length];
        void SearchSlice(int i)
        {
            var top = TopScoreDocCollector.Create(limit, docsScoredInOrder: false);
            facets[i] = options.Facets ? new FacetCollector(leaf => _facetTables[leaf.Ord].Value) : null;
            _searcher.SearchLeaves(_slices[i], weight, facets[i] is { } f ? MultiCollector.Wrap(top, f) : top);
            tops[i] = top.GetTopDocs();
        }

        RunAll(_slices.Length, SearchSlice);
        var docs = tops.Length == 1 ? tops[0] : TopDocs.Merge(null, limit, tops);
        var hits = new SearchHit[docs.ScoreDocs.Length];
        RunAll(hits.Length, i =>
        {
            var sd = docs.ScoreDocs[i];
            var record = Load(sd.Doc);
            hits[i] = new SearchHit
            {
                Id = record.Id,
                Title = record.Title,
                Score = sd.Score,
                Products = record.Products,
                LastModified = record.LastModified,
                Kind = record.Kind,
                Permalink = record.Permalink,
                Snippets = options.Snippets ? _snippets.For(built.Highlight, record) : [],
                Record = record,
            };
        });

        return new SearchResults
        {
            TotalHits = docs.TotalHits,
            Hits = hits,
            Facets = options.Facets ? FacetCollector.Merge(facets!) : FacetCounts.None,
            Query = built.Query.ToString(),
        };
    }

    /// <summary>How <paramref name="query"/> scores the article <paramref name="id"/> (Lucene's explanation, for tuning), or null when it is not in the index.</summary>
    public string? Explain(string query, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var top = _searcher.Search(new TermQuery(new Term(KbFields.IdForm, id.Trim().ToLowerInvariant())), 1);
        return top.TotalHits == 0 ? null : _searcher.Explain(_builder.Build(query).Query, top.ScoreDocs[0].Doc).ToString();
    }

    /// <summary>The record of an article by number in any form (<c>Q199250</c>, <c>199250</c>, <c>KB199250</c>), or null.</summary>
    public ArticleRecord? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var top = _searcher.Search(new TermQuery(new Term(KbFields.IdForm, id.Trim().ToLowerInvariant())), 1);
        return top.TotalHits == 0 ? null : Load(top.ScoreDocs[0].Doc);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.Dispose();
        _ownedDirectory?.Dispose();
        _analyzer.Dispose();
        _phraseAnalyzer.Dispose();
        _textAnalyzer.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> for 0..count-1, on the thread pool when there is more than one.</summary>
    private static void RunAll(int count, Action<int> work)
    {
        if (count <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                work(i);
            }

            return;
        }

        try
        {
            Parallel.For(0, count, work);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }
    }

    /// <summary>Groups segments into at most <paramref name="groups"/> slices of about equal size (largest first into the smallest group).</summary>
    private static IList<AtomicReaderContext>[] Slice(IList<AtomicReaderContext> leaves, int groups)
    {
        var n = Math.Max(1, Math.Min(groups, leaves.Count));
        var slices = Enumerable.Range(0, n).Select(_ => new List<AtomicReaderContext>()).ToArray();
        var sizes = new long[n];
        foreach (var leaf in leaves.OrderByDescending(l => l.Reader.MaxDoc))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            slices[smallest].Add(leaf);
            sizes[smallest] += leaf.Reader.MaxDoc;
        }

        // Within a slice, segments in index order, as IndexSearcher visits them.
        return [.. slices.Select(s => (IList<AtomicReaderContext>)s.OrderBy(l => l.DocBase).ToList())];
    }

    /// <summary>IndexSearcher with its per-segment search open to this class.</summary>
    private sealed class LeafSearcher(IndexReader reader) : IndexSearcher(reader)
    {
        public void SearchLeaves(IList<AtomicReaderContext> leaves, Weight weight, ICollector collector) => Search(leaves, weight, collector);
    }

    private ArticleRecord Load(int doc)
    {
        var bytes = _searcher.Doc(doc).GetBinaryValue(KbFields.Record);
        return KbJson.Deserialize(Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length))
            ?? throw new InvalidDataException("a document of the index has no record");
    }
}
