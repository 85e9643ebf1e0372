using System.Text;
using Kb.Index.Analysis;
using Kb.Index.Indexing;
using Kb.Index.Search;
using Kb.Parser.Model;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kb.Index.Export;

/// <summary>
/// What the static site's search needs, read from an index: per-article data (<see cref="Documents"/>)
/// and every term with its postings and precomputed weights (<see cref="Terms"/>, streamed in
/// ordinal term order so the site can cut shards as it goes). The terms come from the same analysis
/// as <c>kb search</c> (<see cref="Analysis"/>); a query's score for an article is the sum of its
/// terms' weights, a BM25F over the weighted text fields. See docs/search-index.md.
/// </summary>
public sealed partial class SearchExport : IDisposable
{
    /// <summary>Version of the exported file format (see docs/search-index.md).</summary>
    public const int FormatVersion = 1;
    /// <summary>Longest snippet exported per article, in characters.</summary>
    public const int SnippetLength = 200;
    private const float K1 = KbRanking.DefaultK1;

    /// <summary>
    /// Fields merged into the exported terms, with the weights and length normalisation <c>kb search</c>
    /// gives them (<see cref="KbRanking.Default"/>): the text fields and the article number's forms.
    /// </summary>
    public static IReadOnlyList<RankedField> Fields => KbRanking.Default.Fields;

    /// <summary>The weight of each field of <see cref="Fields"/>.</summary>
    public static IReadOnlyDictionary<string, float> FieldWeights { get; } = Fields.ToDictionary(f => f.Name, f => f.Weight, StringComparer.Ordinal);

    private readonly IReadOnlyList<Lucene.Net.Store.Directory> _dirs;
    private readonly IndexReader _reader;
    private readonly int[] _ordinalOf;
    private readonly int[] _globalOf;
    private readonly Dictionary<string, (float[] Length, float Average)> _lengths = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<ExportDocument>> _documents;

    private SearchExport(IReadOnlyList<Lucene.Net.Store.Directory> dirs)
    {
        _dirs = dirs;
        var readers = dirs.Select(d => DirectoryReader.Open(d)).ToArray();
        _reader = readers.Length == 1 ? readers[0] : new MultiReader(readers, closeSubReaders: true);
        string? json = null;
        string? definitions = null;
        string? learned = null;
        if (readers.Length == 1)
        {
            readers[0].IndexCommit.UserData.TryGetValue(KbFields.CommitAbbreviations, out json);
            readers[0].IndexCommit.UserData.TryGetValue(KbFields.CommitDefinitions, out definitions);
            readers[0].IndexCommit.UserData.TryGetValue(KbFields.CommitLearned, out learned);
        }

        Abbreviations = Abbreviations.FromJson(json, definitions, learned);
        (Ids, _ordinalOf, _globalOf) = ReadIds(_reader);
        _documents = new Lazy<IReadOnlyList<ExportDocument>>(ReadDocuments);
        var lengths = FieldWeights.Keys.AsParallel().Select(f => (Field: f, Lengths: FieldLengths(f))).ToList();
        foreach (var (field, length) in lengths)
        {
            _lengths[field] = length;
        }

        // Fields normalised by the article's text as a whole share the summed length and its average.
        var shared = Fields.Where(f => f.SharedLength).Select(f => _lengths[f.Name].Length).ToList();
        if (shared.Count > 0)
        {
            var total = new float[_reader.MaxDoc];
            foreach (var length in shared)
            {
                for (var d = 0; d < total.Length; d++)
                {
                    total[d] += length[d];
                }
            }

            var present = total.Where(l => l > 0).ToList();
            var average = present.Count == 0 ? 1 : present.Average();
            foreach (var f in Fields.Where(f => f.SharedLength))
            {
                _lengths[f.Name] = (total, average);
            }
        }

        Statistics = new ExportStatistics(Ids.Count, Fields.ToDictionary(f => f.Name, f => _lengths[f.Name].Average, StringComparer.Ordinal));
    }

    /// <summary>The collection statistics of this index: its article count and each field's average length.</summary>
    public ExportStatistics Statistics { get; }

    /// <summary>Article numbers in ordinal order; a posting's <see cref="ExportPosting.Doc"/> indexes this list.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>
    /// Articles in ordinal id order (the order of <see cref="Ids"/>), read from the stored records on first
    /// use.
    /// </summary>
    public IReadOnlyList<ExportDocument> Documents => _documents.Value;

    /// <summary>How to analyse queries in JavaScript.</summary>
    public ExportAnalysis Analysis { get; } = new();

    /// <summary>Learned product abbreviations (tag → products), for optional query expansion in the site.</summary>
    public Abbreviations Abbreviations { get; }

    /// <summary>An export of the index in <paramref name="indexPath"/>.</summary>
    public static SearchExport Open(string indexPath) => new([FSDirectory.Open(indexPath)]);

    /// <summary>
    /// An export of the indexes in <paramref name="directories"/> read as one (each holding other
    /// articles), which the export then owns and disposes. Abbreviations are read from a single index only.
    /// </summary>
    internal static SearchExport Open(IReadOnlyList<Lucene.Net.Store.Directory> directories) => new(directories);

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.Dispose();
        foreach (var dir in _dirs)
        {
            dir.Dispose();
        }
    }

    /// <summary>Live documents' ids (sorted doc values) in ordinal order, and the maps between global doc ids and positions.</summary>
    private static (string[] Ids, int[] OrdinalOf, int[] GlobalOf) ReadIds(IndexReader reader)
    {
        var loaded = new List<(int Global, string Id)>(reader.NumDocs);
        var scratch = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var r = leaf.AtomicReader;
            var ids = r.GetSortedDocValues(KbFields.Id);
            for (var doc = 0; doc < r.MaxDoc; doc++)
            {
                if ((r.LiveDocs is { } live && !live.Get(doc)) || ids is null)
                {
                    continue;
                }

                ids.Get(doc, scratch);
                loaded.Add((leaf.DocBase + doc, scratch.Utf8ToString()));
            }
        }

        loaded.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var ordinalOf = new int[reader.MaxDoc];
        Array.Fill(ordinalOf, -1);
        var globalOf = new int[loaded.Count];
        var result = new string[loaded.Count];
        for (var i = 0; i < loaded.Count; i++)
        {
            ordinalOf[loaded[i].Global] = i;
            globalOf[i] = loaded[i].Global;
            result[i] = loaded[i].Id;
        }

        return (result, ordinalOf, globalOf);
    }

    private List<ExportDocument> ReadDocuments()
    {
        var docs = new List<ExportDocument>(Ids.Count);
        for (var i = 0; i < Ids.Count; i++)
        {
            var bytes = _reader.Document(_globalOf[i]).GetBinaryValue(KbFields.Record)
                ?? throw new InvalidOperationException("this index stores no records (a ranking-only index): only its ids and terms can be exported");
            var record = KbJson.Deserialize(Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length))!;
            var summary = ArticleText.From(record).Summary.ReplaceLineEndings(" ").Trim();
            docs.Add(new ExportDocument
            {
                Doc = i,
                Id = record.Id,
                Title = record.Title,
                Products = record.Products,
                Year = ArticleDocumentBuilder.TryDate(record.LastModified, out var d) ? d.Year : null,
                Kind = record.Kind,
                Permalink = record.Permalink,
                Snippet = summary.Length > SnippetLength ? summary[..(SnippetLength - 1)].TrimEnd() + "…" : summary,
                Options = record.Options.Count,
            });
        }

        return docs;
    }
}
