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
        var blocks = System.Collections.Concurrent.Partitioner.Create(0, names.Length, TermBlock);
        if (parallelism <= 1)
        {
            var walker = new TermWalker(this, Statistics);
            foreach (var (from, to) in blocks.GetDynamicPartitions())
            {
                foreach (var term in walker.Read(names, from, to))
                {
                    yield return select(term);
                }
            }

            yield break;
        }

        using var walkers = new ThreadLocal<TermWalker>(() => new TermWalker(this, Statistics));
        var results = blocks
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(parallelism)
            .Select(range => walkers.Value!.Read(names, range.Item1, range.Item2).Select(select).ToList());
        foreach (var block in results)
        {
            foreach (var result in block)
            {
                yield return result;
            }
        }
    }

    /// <summary>
    /// The given terms (those the weighted fields have; others are left out), in ordinal order, weighed
    /// with <paramref name="statistics"/> instead of this index's own document count and average
    /// lengths: what a full export made with those statistics gives for these terms, found by one seek
    /// per term and field instead of a walk over every term. An incremental export re-weighs the terms a
    /// change touched with the statistics of the last full export, so they agree with the terms it leaves.
    /// </summary>
    public IReadOnlyList<ExportTerm> Weigh(IEnumerable<string> terms, ExportStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(statistics);
        var names = terms.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new TermWalker(this, statistics).ReadEach(names);
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

    /// <summary>
    /// Reads blocks of consecutive terms from every weighted field and sums their BM25F weights; one per
    /// thread. Each field's terms are walked in index order from the block's first term to its last
    /// (one seek per field and block: seeking every term was most of the export's time).
    /// </summary>
    private sealed class TermWalker
    {
        private readonly SearchExport _export;
        private readonly List<Field> _fields = [];
        private readonly Lucene.Net.Util.IBits? _live;
        private readonly Dictionary<BytesRef, int> _block = [];
        private readonly List<Addend> _addends = [];
        private readonly int _documents;

        public TermWalker(SearchExport export, ExportStatistics statistics)
        {
            _export = export;
            _documents = statistics.Documents;
            _live = MultiFields.GetLiveDocs(export._reader);
            foreach (var f in Fields)
            {
                if (MultiFields.GetTerms(export._reader, f.Name) is { } terms)
                {
                    var length = export._lengths[f.Name].Length;
                    var average = statistics.Averages.TryGetValue(f.Name, out var a) ? a : export._lengths[f.Name].Average;
                    _fields.Add(new Field(f.Weight, f.B, terms.GetEnumerator(), length, average));
                }
            }
        }

        /// <summary>The terms <paramref name="names"/>[from..to) that live articles have, with their postings and weights, in order.</summary>
        public List<ExportTerm> Read(string[] names, int from, int to)
        {
            _block.Clear();
            _addends.Clear();
            BytesRef? first = null;
            BytesRef? last = null;
            for (var i = from; i < to; i++)
            {
                // UTF-8 order (the index's) and UTF-16 order (the names') differ only for a few characters
                // beyond U+D7FF, so the block's range in the index is found by comparing bytes.
                var bytes = new BytesRef(names[i]);
                _block[bytes] = i - from;
                first = first is null || bytes.CompareTo(first) < 0 ? bytes : first;
                last = last is null || bytes.CompareTo(last) > 0 ? bytes : last;
            }

            if (first is null || last is null)
            {
                return [];
            }

            // Fields in the order of FieldWeights, so each article's sum adds the same numbers in the same order as before.
            foreach (var field in _fields)
            {
                var e = field.Terms;
                if (e.SeekCeil(first) == TermsEnum.SeekStatus.END)
                {
                    continue;
                }

                do
                {
                    if (e.Term.CompareTo(last) > 0)
                    {
                        break;
                    }

                    if (_block.TryGetValue(e.Term, out var index))
                    {
                        Collect(field, index);
                    }
                }
                while (e.MoveNext());
            }

            return Weigh(names, from);
        }

        /// <summary>The terms <paramref name="names"/> (sorted) that live articles have, each found by a seek per field.</summary>
        public List<ExportTerm> ReadEach(string[] names)
        {
            _block.Clear();
            _addends.Clear();
            var bytes = names.Select(n => new BytesRef(n)).ToArray();
            // Fields outside, terms inside: the addends of an article come in the order Read gives them.
            foreach (var field in _fields)
            {
                for (var i = 0; i < names.Length; i++)
                {
                    if (field.Terms.SeekExact(bytes[i]))
                    {
                        Collect(field, i);
                    }
                }
            }

            return Weigh(names, 0);
        }

        private void Collect(Field field, int index)
        {
            field.Docs = field.Terms.Docs(_live, field.Docs, DocsFlags.FREQS);
            var docs = field.Docs;
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                var ordinal = _export._ordinalOf[doc];
                if (ordinal >= 0)
                {
                    // BM25F: weighted, length-normalised term frequency, summed over fields below.
                    var norm = 1 - field.B + (field.B * field.Length[doc] / Math.Max(field.Average, 1));
                    _addends.Add(new Addend(index, ordinal, _addends.Count, field.Weight * docs.Freq / norm));
                }
            }
        }

        /// <summary>Sums each term's addends per article (in the order they were read) and saturates once.</summary>
        private List<ExportTerm> Weigh(string[] names, int from)
        {
            var addends = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_addends);
            addends.Sort();
            var result = new List<ExportTerm>();
            var n = _documents;
            var postings = new List<(int Ordinal, float Tf)>();
            for (var i = 0; i < addends.Length;)
            {
                var term = addends[i].Term;
                postings.Clear();
                for (; i < addends.Length && addends[i].Term == term; i++)
                {
                    if (postings.Count > 0 && postings[^1].Ordinal == addends[i].Ordinal)
                    {
                        postings[^1] = (addends[i].Ordinal, postings[^1].Tf + addends[i].Value);
                    }
                    else
                    {
                        postings.Add((addends[i].Ordinal, 0f + addends[i].Value));
                    }
                }

                var df = postings.Count;
                var idf = (float)Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
                var weighed = new ExportPosting[df];
                for (var k = 0; k < df; k++)
                {
                    var tf = postings[k].Tf;
                    weighed[k] = new ExportPosting(postings[k].Ordinal, MathF.Round(idf * tf * (K1 + 1) / (tf + K1), 3));
                }

                result.Add(new ExportTerm(names[from + term], df, weighed));
            }

            return result;
        }

        /// <summary>One field's enumerators and length statistics.</summary>
        private sealed class Field(float weight, float b, TermsEnum terms, float[] length, float average)
        {
            public float Weight { get; } = weight;
            public float B { get; } = b;
            public TermsEnum Terms { get; } = terms;
            public float[] Length { get; } = length;
            public float Average { get; } = average;
            public DocsEnum? Docs { get; set; }
        }

        /// <summary>One field's contribution to one article for one term; sorted by term, article, then reading order.</summary>
        private readonly record struct Addend(int Term, int Ordinal, int Sequence, float Value) : IComparable<Addend>
        {
            public int CompareTo(Addend other) =>
                Term != other.Term ? Term.CompareTo(other.Term) : Ordinal != other.Ordinal ? Ordinal.CompareTo(other.Ordinal) : Sequence.CompareTo(other.Sequence);
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
