using Kb.Index.Analysis;
using Kb.Index.Indexing;
using Kb.Parser.Model;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kb.Index.Export;

/// <summary>
/// What one record contributes to the exported terms: for every term of the weighted fields, the fields
/// it is in, its frequency there and the length the weight is normalised by. Two records whose
/// signature for a term is the same get the same weight for it from any export with the same
/// statistics, so an incremental export re-weighs only the terms whose signature a change moved (and
/// those that appeared or went).
/// </summary>
public static class RecordTerms
{
    /// <summary>
    /// Each term of <paramref name="record"/> with its signature, made by indexing the record alone, the
    /// way the record store indexes it (the same document, analyzer and fields).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Signatures(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var dir = new RAMDirectory();
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(KbIndexVersion.Lucene, KbAnalyzers.Create(forIndex: true)) { UseCompoundFile = false }))
        {
            writer.AddDocument(ArticleDocumentBuilder.BuildStored("", record, []));
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(dir);
        var fields = SearchExport.Fields;
        var freqs = new List<Dictionary<string, int>>(fields.Count);
        var lengths = new int[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            var terms = new Dictionary<string, int>(StringComparer.Ordinal);
            freqs.Add(terms);
            if (MultiFields.GetTerms(reader, fields[f].Name) is not { } indexed)
            {
                continue;
            }

            var e = indexed.GetEnumerator();
            DocsEnum? docs = null;
            while (e.MoveNext())
            {
                docs = e.Docs(null, docs, DocsFlags.FREQS);
                if (docs.NextDoc() != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
                {
                    terms[e.Term.Utf8ToString()] = docs.Freq;
                    lengths[f] += docs.Freq;
                }
            }
        }

        // Fields normalised by the article's whole text share its summed length (as SearchExport does).
        var shared = 0;
        for (var f = 0; f < fields.Count; f++)
        {
            shared += fields[f].SharedLength ? lengths[f] : 0;
        }

        var signatures = new Dictionary<string, System.Text.StringBuilder>(StringComparer.Ordinal);
        for (var f = 0; f < fields.Count; f++)
        {
            var length = fields[f].SharedLength ? shared : lengths[f];
            foreach (var (term, freq) in freqs[f])
            {
                if (!signatures.TryGetValue(term, out var sb))
                {
                    signatures[term] = sb = new System.Text.StringBuilder();
                }

                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{f}:{freq}:{length};");
            }
        }

        return signatures.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The terms whose weights differ between two versions of an article (either may be null: added or
    /// removed): those present in only one, and those whose signature changed.
    /// </summary>
    public static IEnumerable<string> Changed(ArticleRecord? before, ArticleRecord? after)
    {
        var a = before is null ? new Dictionary<string, string>() : Signatures(before);
        var b = after is null ? new Dictionary<string, string>() : Signatures(after);
        foreach (var (term, signature) in a)
        {
            if (!b.TryGetValue(term, out var other) || other != signature)
            {
                yield return term;
            }
        }

        foreach (var term in b.Keys)
        {
            if (!a.ContainsKey(term))
            {
                yield return term;
            }
        }
    }
}
