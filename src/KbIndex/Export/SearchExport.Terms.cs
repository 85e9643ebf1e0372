using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kb.Index.Export;

/// <summary>Term streaming: the fields' term lists merged in ordinal order, weighed on one or more threads.</summary>
public sealed partial class SearchExport
{
    /// <summary>
    /// Every term of the weighted fields, in ordinal (UTF-16 code unit) order, each with the articles
    /// it occurs in (ascending <see cref="ExportDocument.Doc"/>) and a BM25F weight per article.
    /// </summary>
    public IEnumerable<ExportTerm> Terms() => Terms(t => t, 1);

    /// <summary>
    /// <see cref="Terms()"/> projected by <paramref name="select"/>: terms are read and weighed, and
    /// <paramref name="select"/> is run, on up to <paramref name="parallelism"/> threads in blocks of
    /// consecutive terms; the results come back in term order, streamed.
    /// </summary>
    public IEnumerable<T> Terms<T>(Func<ExportTerm, T> select, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(select);
        var names = TermNames();
        if (parallelism <= 1)
        {
            var walker = new TermWalker(this);
            foreach (var name in names)
            {
                if (walker.Read(name) is { } term)
                {
                    yield return select(term);
                }
            }

            yield break;
        }

        using var walkers = new ThreadLocal<TermWalker>(() => new TermWalker(this));
        var blocks = System.Collections.Concurrent.Partitioner.Create(0, names.Length, TermBlock)
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(parallelism)
            .Select(range =>
            {
                var walker = walkers.Value!;
                var results = new List<T>(range.Item2 - range.Item1);
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    if (walker.Read(names[i]) is { } term)
                    {
                        results.Add(select(term));
                    }
                }

                return results;
            });
        foreach (var block in blocks)
        {
            foreach (var result in block)
            {
                yield return result;
            }
        }
    }

    /// <summary>Terms read by one thread in a row: enough to keep the threads' hand-over cheap, few enough to stream.</summary>
    private const int TermBlock = 512;

    /// <summary>
    /// Every term of the weighted fields once, in ordinal string order, not Lucene's UTF-8 byte order,
    /// so the site can compare with JavaScript's <c>&lt;</c>.
    /// </summary>
    private string[] TermNames()
    {
        var names = new List<string>();
        foreach (var field in FieldWeights.Keys)
        {
            if (MultiFields.GetTerms(_reader, field) is not { } terms)
            {
                continue;
            }

            var e = terms.GetEnumerator();
            while (e.MoveNext())
            {
                names.Add(e.Term.Utf8ToString());
            }
        }

        names.Sort(StringComparer.Ordinal);
        var distinct = new List<string>(names.Count);
        foreach (var name in names)
        {
            if (distinct.Count == 0 || !string.Equals(distinct[^1], name, StringComparison.Ordinal))
            {
                distinct.Add(name);
            }
        }

        return distinct.ToArray();
    }

    /// <summary>Reads terms' postings from every weighted field and sums their BM25F weights; one per thread.</summary>
    private sealed class TermWalker
    {
        private readonly SearchExport _export;
        private readonly List<(string Field, float Weight, TermsEnum Terms, float[] Length, float Average)> _fields = [];
        private readonly Lucene.Net.Util.IBits? _live;
        private readonly float[] _tf;
        private readonly List<int> _touched = [];
        private DocsEnum? _docs;

        public TermWalker(SearchExport export)
        {
            _export = export;
            _live = MultiFields.GetLiveDocs(export._reader);
            _tf = new float[export.Ids.Count];
            foreach (var (field, weight) in FieldWeights)
            {
                if (MultiFields.GetTerms(export._reader, field) is { } terms)
                {
                    var (length, average) = export._lengths[field];
                    _fields.Add((field, weight, terms.GetEnumerator(), length, average));
                }
            }
        }

        /// <summary>The term with its postings and weights, or null when no live article has it.</summary>
        public ExportTerm? Read(string name)
        {
            var bytes = new BytesRef(name);
            foreach (var (_, weight, termsEnum, length, average) in _fields)
            {
                if (!termsEnum.SeekExact(bytes))
                {
                    continue;
                }

                _docs = termsEnum.Docs(_live, _docs, DocsFlags.FREQS);
                for (var doc = _docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = _docs.NextDoc())
                {
                    var ordinal = _export._ordinalOf[doc];
                    if (ordinal < 0)
                    {
                        continue;
                    }

                    // BM25F: weighted, length-normalised term frequency summed over fields (in the order
                    // of FieldWeights), saturated once. Every addend is positive, so 0 means "not yet seen".
                    var norm = 1 - B + (B * length[doc] / Math.Max(average, 1));
                    if (_tf[ordinal] == 0)
                    {
                        _touched.Add(ordinal);
                    }

                    _tf[ordinal] += weight * _docs.Freq / norm;
                }
            }

            if (_touched.Count == 0)
            {
                return null;
            }

            _touched.Sort();
            var n = _export.Ids.Count;
            var df = _touched.Count;
            var idf = (float)Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
            var postings = new ExportPosting[df];
            for (var i = 0; i < df; i++)
            {
                var ordinal = _touched[i];
                var tf = _tf[ordinal];
                postings[i] = new ExportPosting(ordinal, MathF.Round(idf * tf * (K1 + 1) / (tf + K1), 3));
                _tf[ordinal] = 0;
            }

            _touched.Clear();
            return new ExportTerm(name, df, postings);
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
