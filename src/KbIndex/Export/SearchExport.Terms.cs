using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kb.Index.Export;

/// <summary>Term streaming: a merge of the fields' term lists in ordinal order.</summary>
public sealed partial class SearchExport
{
    /// <summary>
    /// Every term of the weighted fields, in ordinal (UTF-16 code unit) order, each with the articles
    /// it occurs in (ascending <see cref="ExportDocument.Doc"/>) and a BM25F weight per article.
    /// </summary>
    public IEnumerable<ExportTerm> Terms()
    {
        // Ordinal string order, not Lucene's UTF-8 byte order, so the site can compare with JavaScript's <.
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var enums = new List<(string Field, TermsEnum Terms)>();
        foreach (var field in FieldWeights.Keys)
        {
            var terms = MultiFields.GetTerms(_reader, field);
            if (terms is null)
            {
                continue;
            }

            var e = terms.GetEnumerator();
            while (e.MoveNext())
            {
                names.Add(e.Term.Utf8ToString());
            }

            enums.Add((field, terms.GetEnumerator()));
        }

        var n = Documents.Count;
        var live = MultiFields.GetLiveDocs(_reader);
        foreach (var name in names)
        {
            var bytes = new BytesRef(name);
            var tf = new Dictionary<int, float>();
            foreach (var (field, termsEnum) in enums)
            {
                if (!termsEnum.SeekExact(bytes))
                {
                    continue;
                }

                var docs = termsEnum.Docs(live, null, DocsFlags.FREQS);
                var (length, average) = _lengths[field];
                var weight = FieldWeights[field];
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    var ordinal = _ordinalOf[doc];
                    if (ordinal < 0)
                    {
                        continue;
                    }

                    // BM25F: weighted, length-normalised term frequency summed over fields, saturated once.
                    var norm = 1 - B + (B * length[doc] / Math.Max(average, 1));
                    tf[ordinal] = tf.GetValueOrDefault(ordinal) + (weight * docs.Freq / norm);
                }
            }

            if (tf.Count == 0)
            {
                continue;
            }

            var idf = (float)Math.Log(1 + ((n - tf.Count + 0.5) / (tf.Count + 0.5)));
            var postings = tf.OrderBy(p => p.Key)
                .Select(p => new ExportPosting(p.Key, MathF.Round(idf * p.Value * (K1 + 1) / (p.Value + K1), 3)))
                .ToList();
            yield return new ExportTerm(name, tf.Count, postings);
        }
    }

    /// <summary>Number of tokens of <paramref name="field"/> per global doc id, and their average over articles with the field.</summary>
    private (float[] Length, float Average) FieldLengths(string field)
    {
        var length = new float[_reader.MaxDoc];
        var terms = MultiFields.GetTerms(_reader, field);
        if (terms is null)
        {
            return (length, 1);
        }

        var live = MultiFields.GetLiveDocs(_reader);
        var e = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (e.MoveNext())
        {
            docs = e.Docs(live, docs, DocsFlags.FREQS);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                length[doc] += docs.Freq;
            }
        }

        var present = length.Where(l => l > 0).ToList();
        return (length, present.Count == 0 ? 1 : present.Average());
    }
}
