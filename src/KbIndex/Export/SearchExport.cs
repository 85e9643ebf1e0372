using System.Text;
using Kb.Index.Analysis;
using Kb.Index.Indexing;
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
    public const int FormatVersion = 1;
    public const int SnippetLength = 200;
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    /// <summary>Fields merged into the exported terms, with the same weights the searcher gives them.</summary>
    public static IReadOnlyDictionary<string, float> FieldWeights { get; } = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        [KbFields.Title] = KbFields.TextWeights[KbFields.Title],
        [KbFields.Heading] = KbFields.TextWeights[KbFields.Heading],
        [KbFields.Summary] = KbFields.TextWeights[KbFields.Summary],
        [KbFields.Product] = KbFields.TextWeights[KbFields.Product],
        [KbFields.Body] = KbFields.TextWeights[KbFields.Body],
        [KbFields.Option] = KbFields.TextWeights[KbFields.Option],
        [KbFields.QueryWords] = KbFields.TextWeights[KbFields.QueryWords],
        [KbFields.Condition] = KbFields.TextWeights[KbFields.Condition],
        // Article numbers in every form, so "q199250" or "199250" typed in the site finds the article.
        [KbFields.IdForm] = 10f,
    };

    private readonly Lucene.Net.Store.Directory _dir;
    private readonly DirectoryReader _reader;
    private readonly int[] _ordinalOf;
    private readonly Dictionary<string, (float[] Length, float Average)> _lengths = new(StringComparer.Ordinal);

    private SearchExport(Lucene.Net.Store.Directory dir)
    {
        _dir = dir;
        _reader = DirectoryReader.Open(dir);
        _reader.IndexCommit.UserData.TryGetValue(KbFields.CommitAbbreviations, out var json);
        _reader.IndexCommit.UserData.TryGetValue(KbFields.CommitDefinitions, out var definitions);
        Abbreviations = Abbreviations.FromJson(json, definitions);
        (Documents, _ordinalOf) = ReadDocuments(_reader);
        foreach (var field in FieldWeights.Keys)
        {
            _lengths[field] = FieldLengths(field);
        }
    }

    /// <summary>Articles in ordinal id order; a posting's <see cref="ExportPosting.Doc"/> indexes this list.</summary>
    public IReadOnlyList<ExportDocument> Documents { get; }

    /// <summary>How to analyse queries in JavaScript.</summary>
    public ExportAnalysis Analysis { get; } = new();

    /// <summary>Learned product abbreviations (tag → products), for optional query expansion in the site.</summary>
    public Abbreviations Abbreviations { get; }

    public static SearchExport Open(string indexPath) => new(FSDirectory.Open(indexPath));

    public void Dispose()
    {
        _reader.Dispose();
        _dir.Dispose();
    }

    private static (List<ExportDocument>, int[]) ReadDocuments(DirectoryReader reader)
    {
        var loaded = new List<(int Global, ArticleRecord Record)>(reader.NumDocs);
        foreach (var leaf in reader.Leaves)
        {
            var r = leaf.AtomicReader;
            for (var doc = 0; doc < r.MaxDoc; doc++)
            {
                if (r.LiveDocs is { } live && !live.Get(doc))
                {
                    continue;
                }

                var bytes = r.Document(doc).GetBinaryValue(KbFields.Record);
                var record = KbJson.Deserialize(Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length))!;
                loaded.Add((leaf.DocBase + doc, record));
            }
        }

        loaded.Sort((a, b) => string.CompareOrdinal(a.Record.Id, b.Record.Id));
        var ordinalOf = new int[reader.MaxDoc];
        Array.Fill(ordinalOf, -1);
        var docs = new List<ExportDocument>(loaded.Count);
        for (var i = 0; i < loaded.Count; i++)
        {
            var (global, record) = loaded[i];
            ordinalOf[global] = i;
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

        return (docs, ordinalOf);
    }
}
