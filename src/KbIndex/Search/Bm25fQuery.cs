using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kb.Index.Search;

/// <summary>
/// A way an article can say the query's word: one term, or a phrase (terms in a row), counted at
/// <paramref name="Weight"/> times the word's own occurrences (<c>vfp</c> is also "visual foxpro",
/// <c>nt4</c> also "nt 4.0", <c>upgrade</c> weakly also "migration").
/// </summary>
internal sealed record Bm25fAlternative(IReadOnlyList<string> Terms, float Weight = 1f)
{
    public override string ToString() => (Terms.Count == 1 ? Terms[0] : "\"" + string.Join(' ', Terms) + "\"")
        + (Weight == 1f ? "" : "*" + Weight.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// One query term scored over several fields as one (BM25F): per article,
/// <c>tf' = Σ_fields w_f · tf_f / (1 − b_f + b_f · len_f / avglen_f)</c>, and the score is
/// <c>idf · tf' · (k1 + 1) / (tf' + k1)</c>, with one idf for the term, from the number of articles
/// that have it in any of the fields. The term saturates once, however many fields repeat it, and a
/// word common in bodies but rare in titles is weighed by how common it is in articles. This is the
/// weight <see cref="Export.SearchExport"/> writes for the static site, so the site sums the same numbers.
/// Alternatives (<see cref="Bm25fAlternative"/>) add their occurrences to tf at their weight, so a word
/// and its synonyms saturate together; the idf is that of the most frequent of the word and its full-weight alternatives.
/// </summary>
internal sealed class Bm25fQuery : Query
{
    public Bm25fQuery(string text, Bm25fStatistics statistics, IReadOnlyList<Bm25fAlternative>? alternatives = null)
    {
        Text = text;
        Statistics = statistics;
        Alternatives = [new Bm25fAlternative([text]), .. alternatives ?? []];
    }

    /// <summary>The analysed term, looked up in every field of <see cref="Bm25fStatistics.Fields"/>.</summary>
    public string Text { get; }

    /// <summary>The term itself (first, weight 1) and its alternatives.</summary>
    public IReadOnlyList<Bm25fAlternative> Alternatives { get; }

    public Bm25fStatistics Statistics { get; }

    public override Weight CreateWeight(IndexSearcher searcher) => new Bm25fWeight(this);

    public override void ExtractTerms(ISet<Term> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var f in Statistics.Fields)
        {
            foreach (var a in Alternatives)
            {
                foreach (var t in a.Terms)
                {
                    terms.Add(new Term(f.Name, t));
                }
            }
        }
    }

    public override string ToString(string field) => $"bm25f:{string.Join('|', Alternatives)}" + (Boost == 1f ? "" : "^" + Boost.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override bool Equals(object? obj) =>
        obj is Bm25fQuery other && other.ToString() == ToString() && ReferenceEquals(other.Statistics, Statistics);

    public override int GetHashCode() => HashCode.Combine(ToString(), Statistics);

    internal sealed class Bm25fWeight : Weight
    {
        private readonly Bm25fQuery _query;
        private readonly float _idf;
        private float _weight;

        public Bm25fWeight(Bm25fQuery query)
        {
            _query = query;
            var s = query.Statistics;
            var df = query.Alternatives.Where(a => a.Weight >= 1f).Max(a => a.Terms.Count == 1 ? s.DocFreq(a.Terms[0]) : s.PhraseDocFreq(a.Terms));
            _idf = KbSimilarity.Idf(df, s.DocCount);
            _weight = _idf * query.Boost;
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _weight * _weight;

        public override void Normalize(float norm, float topLevelBoost) => _weight = _idf * _query.Boost * topLevelBoost;

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var reader = context.AtomicReader;
            var s = _query.Statistics;
            var subs = new List<Bm25fScorer.Sub>();
            foreach (var f in s.Fields)
            {
                if (reader.GetTerms(f.Name) is not { } terms)
                {
                    continue;
                }

                float[]? norms = null;
                foreach (var a in _query.Alternatives)
                {
                    if (Source(terms, a.Terms, acceptDocs) is not { } source)
                    {
                        continue;
                    }

                    norms ??= s.LengthNorms(context, f);
                    subs.Add(new Bm25fScorer.Sub(source, f.Weight * a.Weight, norms));
                }
            }

            return subs.Count == 0 ? null : new Bm25fScorer(this, [.. subs], _weight, s.K1);
        }

        /// <summary>The postings of a term, or the matches of a phrase, in one field; null when there are none.</summary>
        internal static FrequencySource? Source(Terms terms, IReadOnlyList<string> words, IBits? acceptDocs)
        {
            if (words.Count == 1)
            {
                var e = terms.GetEnumerator();
                return e.SeekExact(new BytesRef(words[0])) ? new TermSource(e.Docs(acceptDocs, null, DocsFlags.FREQS)) : null;
            }

            var postings = new DocsAndPositionsEnum[words.Count];
            for (var i = 0; i < words.Count; i++)
            {
                var e = terms.GetEnumerator();
                if (!e.SeekExact(new BytesRef(words[i])) || e.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE) is not { } p)
                {
                    return null;
                }

                postings[i] = p;
            }

            return new PhraseSource(postings);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is not null && scorer.Advance(doc) == doc)
            {
                return new Explanation(scorer.GetScore(), $"BM25F {string.Join('|', _query.Alternatives)}: idf {_idf}, weighted tf {((Bm25fScorer)scorer).WeightedFrequency()}");
            }

            return new Explanation(0f, $"no field has {_query.Text}");
        }
    }

    /// <summary>Where a term or phrase occurs in one field, and how often.</summary>
    internal abstract class FrequencySource
    {
        public int Doc { get; protected set; } = -1;

        public abstract float Freq { get; }

        public abstract int NextDoc();

        public abstract int Advance(int target);

        public abstract long Cost { get; }
    }

    private sealed class TermSource(DocsEnum docs) : FrequencySource
    {
        public override float Freq => docs.Freq;

        public override long Cost => docs.GetCost();

        public override int NextDoc() => Doc = docs.NextDoc();

        public override int Advance(int target) => Doc = docs.Advance(target);
    }

    /// <summary>Articles where the terms occur in a row; the frequency is the number of times they do.</summary>
    internal sealed class PhraseSource(DocsAndPositionsEnum[] postings) : FrequencySource
    {
        private readonly HashSet<int>[] _positions = [.. postings.Select(_ => new HashSet<int>())];
        private float _freq;

        public override float Freq => _freq;

        public override long Cost => postings.Min(p => p.GetCost());

        public override int NextDoc() => Match(postings[0].NextDoc());

        public override int Advance(int target) => Match(postings[0].Advance(target));

        /// <summary>From the lead's document on, the first document every term is in with the terms in a row.</summary>
        private int Match(int doc)
        {
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                var all = true;
                for (var i = 1; i < postings.Length; i++)
                {
                    var d = postings[i].DocID < doc ? postings[i].Advance(doc) : postings[i].DocID;
                    if (d > doc)
                    {
                        doc = postings[0].Advance(d);
                        all = false;
                        break;
                    }
                }

                if (all && (_freq = Count()) > 0)
                {
                    return Doc = doc;
                }

                if (all)
                {
                    doc = postings[0].NextDoc();
                }
            }

            return Doc = DocIdSetIterator.NO_MORE_DOCS;
        }

        private int Count()
        {
            for (var i = 1; i < postings.Length; i++)
            {
                var set = _positions[i];
                set.Clear();
                for (var k = 0; k < postings[i].Freq; k++)
                {
                    set.Add(postings[i].NextPosition() - i);
                }
            }

            var count = 0;
            for (var k = 0; k < postings[0].Freq; k++)
            {
                var start = postings[0].NextPosition();
                var found = true;
                for (var i = 1; i < postings.Length && found; i++)
                {
                    found = _positions[i].Contains(start);
                }

                count += found ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>The union of the fields' (and alternatives') occurrences of one term, scored with the summed, length-normalised frequencies.</summary>
    private sealed class Bm25fScorer : Scorer
    {
        private readonly Sub[] _subs;
        private readonly float _weight;
        private readonly float _k1;
        private int _doc = -1;

        public Bm25fScorer(Weight weight, Sub[] subs, float termWeight, float k1)
            : base(weight)
        {
            _subs = subs;
            _weight = termWeight;
            _k1 = k1;
        }

        public override int DocID => _doc;

        public override int Freq
        {
            get
            {
                var freq = 0f;
                foreach (var s in _subs)
                {
                    if (s.Source.Doc == _doc)
                    {
                        freq += s.Source.Freq;
                    }
                }

                return (int)freq;
            }
        }

        public override float GetScore()
        {
            var tf = WeightedFrequency();
            return _weight * tf * (_k1 + 1) / (tf + _k1);
        }

        public float WeightedFrequency()
        {
            var tf = 0f;
            foreach (var s in _subs)
            {
                if (s.Source.Doc == _doc)
                {
                    tf += s.Weight * s.Source.Freq / s.Norms[_doc];
                }
            }

            return tf;
        }

        public override int NextDoc()
        {
            var next = NO_MORE_DOCS;
            foreach (var s in _subs)
            {
                if (s.Source.Doc == _doc)
                {
                    s.Source.NextDoc();
                }

                next = Math.Min(next, s.Source.Doc);
            }

            return _doc = next;
        }

        public override int Advance(int target)
        {
            var next = NO_MORE_DOCS;
            foreach (var s in _subs)
            {
                if (s.Source.Doc < target)
                {
                    s.Source.Advance(target);
                }

                next = Math.Min(next, s.Source.Doc);
            }

            return _doc = next;
        }

        public override long GetCost() => _subs.Sum(s => s.Source.Cost);

        /// <summary>One field's occurrences of the term or of one alternative, with the segment's length norms of the field (<see cref="Bm25fStatistics.LengthNorms"/>).</summary>
        internal sealed class Sub(FrequencySource source, float weight, float[] norms)
        {
            public FrequencySource Source { get; } = source;
            public float Weight { get; } = weight;
            public float[] Norms { get; } = norms;
        }
    }
}

/// <summary>
/// What <see cref="Bm25fQuery"/> needs of the whole index: the number of live articles, each field's
/// average length over the live articles that have it (from the exact-length norms of
/// <see cref="KbSimilarity"/>), and a term's document frequency across the fields (the union,
/// counted once per term and cached: the reader never changes).
/// </summary>
internal sealed class Bm25fStatistics
{
    private const int MaxCached = 200_000;
    private readonly IndexReader _reader;
    private readonly ConcurrentDictionary<string, int> _docFreq = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, float>> _averages;
    private readonly ConcurrentDictionary<object, ConcurrentDictionary<(string, float), float[]>> _lengthNorms = new();

    public Bm25fStatistics(IndexReader reader, IReadOnlyList<RankedField> fields, float k1)
    {
        _reader = reader;
        Fields = fields;
        K1 = k1;
        DocCount = reader.NumDocs;
        _averages = new Lazy<Dictionary<string, float>>(ReadAverages);
    }

    public IReadOnlyList<RankedField> Fields { get; }

    public float K1 { get; }

    public int DocCount { get; }

    public float AverageLength(string field) => _averages.Value.GetValueOrDefault(field, 1f);

    /// <summary>The average summed length of the fields with <see cref="RankedField.SharedLength"/>, over the live articles that have any.</summary>
    public float SharedAverageLength => _averages.Value.GetValueOrDefault(SharedKey, 1f);

    private const string SharedKey = "\0shared";

    /// <summary>The number of live articles with <paramref name="term"/> in at least one of the fields.</summary>
    public int DocFreq(string term)
    {
        if (_docFreq.TryGetValue(term, out var df))
        {
            return df;
        }

        df = CountDocFreq(term);
        if (_docFreq.Count >= MaxCached)
        {
            _docFreq.Clear();
        }

        _docFreq[term] = df;
        return df;
    }

    /// <summary>
    /// Per article of the segment, BM25's length part for the field, <c>1 − b + b · length / average</c>
    /// (the length being the article's text as a whole for a field with <see cref="RankedField.SharedLength"/>,
    /// 1 for a field without norms). Computed once per segment and field and kept, since the reader never
    /// changes: a query then reads one array element per match instead of decoding up to three norms.
    /// </summary>
    public float[] LengthNorms(AtomicReaderContext leaf, RankedField field)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(field);
        var perField = _lengthNorms.GetOrAdd(leaf.Reader.CoreCacheKey, _ => new ConcurrentDictionary<(string, float), float[]>());
        var key = (field.SharedLength ? SharedKey : field.Name, field.B);
        return perField.GetOrAdd(key, _ => ComputeLengthNorms(leaf.AtomicReader, field));
    }

    private float[] ComputeLengthNorms(AtomicReader reader, RankedField field)
    {
        var norms = field.SharedLength
            ? [.. Fields.Where(g => g.SharedLength).Select(g => reader.GetNormValues(g.Name)).OfType<NumericDocValues>()]
            : reader.GetNormValues(field.Name) is { } own ? [own] : Array.Empty<NumericDocValues>();
        var result = new float[reader.MaxDoc];
        var average = field.SharedLength ? SharedAverageLength : AverageLength(field.Name);
        var b = field.B;
        for (var d = 0; d < result.Length; d++)
        {
            if (norms.Length == 0)
            {
                result[d] = 1f;
                continue;
            }

            long length = 0;
            foreach (var n in norms)
            {
                length += n.Get(d);
            }

            result[d] = 1 - b + (b * length / average);
        }

        return result;
    }

    /// <summary>
    /// The number of live articles with the terms in a row in at least one of the fields, counted once per
    /// phrase and cached. A phrase alternative's idf is its own: "management information base" is about as
    /// rare as <c>mib</c>, while its rarest word alone ("base") would make <c>mib</c> an everyday word.
    /// </summary>
    public int PhraseDocFreq(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var key = "\u0001" + string.Join('\u0001', terms);
        if (_docFreq.TryGetValue(key, out var df))
        {
            return df;
        }

        df = 0;
        foreach (var leaf in _reader.Leaves)
        {
            var r = leaf.AtomicReader;
            var seen = new FixedBitSet(r.MaxDoc);
            foreach (var f in Fields)
            {
                if (r.GetTerms(f.Name) is not { } fieldTerms || Bm25fQuery.Bm25fWeight.Source(fieldTerms, terms, r.LiveDocs) is not { } source)
                {
                    continue;
                }

                for (var d = source.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = source.NextDoc())
                {
                    seen.Set(d);
                }
            }

            df += seen.Cardinality;
        }

        if (_docFreq.Count >= MaxCached)
        {
            _docFreq.Clear();
        }

        _docFreq[key] = df;
        return df;
    }

    private int CountDocFreq(string term)
    {
        var bytes = new BytesRef(term);
        var count = 0;
        var enums = new List<TermsEnum>();
        foreach (var leaf in _reader.Leaves)
        {
            var r = leaf.AtomicReader;
            enums.Clear();
            foreach (var f in Fields)
            {
                if (r.GetTerms(f.Name) is { } terms && terms.GetEnumerator() is var e && e.SeekExact(bytes))
                {
                    enums.Add(e);
                }
            }

            if (enums.Count == 1 && r.LiveDocs is null)
            {
                // Often one field holds the term: its document frequency is the count.
                count += enums[0].DocFreq;
                continue;
            }

            if (enums.Count == 0)
            {
                continue;
            }

            var seen = new FixedBitSet(r.MaxDoc);
            DocsEnum? docs = null;
            foreach (var e in enums)
            {
                docs = e.Docs(r.LiveDocs, docs, DocsFlags.NONE);
                for (var d = docs.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.NextDoc())
                {
                    seen.Set(d);
                }
            }

            count += seen.Cardinality;
        }

        return count;
    }

    private Dictionary<string, float> ReadAverages()
    {
        var averages = new Dictionary<string, float>(StringComparer.Ordinal);
        var shared = new List<long[]>();
        foreach (var leaf in _reader.Leaves)
        {
            shared.Add(new long[leaf.AtomicReader.MaxDoc]);
        }

        foreach (var f in Fields)
        {
            double sum = 0;
            long present = 0;
            foreach (var leaf in _reader.Leaves)
            {
                var r = leaf.AtomicReader;
                if (r.GetNormValues(f.Name) is not { } norms)
                {
                    continue;
                }

                var live = r.LiveDocs;
                var totals = shared[leaf.Ord];
                for (var d = 0; d < r.MaxDoc; d++)
                {
                    var length = norms.Get(d);
                    if (length > 0 && (live is null || live.Get(d)))
                    {
                        sum += length;
                        present++;
                        if (f.SharedLength)
                        {
                            totals[d] += length;
                        }
                    }
                }
            }

            // As the export computes it: at least 1.
            averages[f.Name] = present == 0 ? 1f : Math.Max(1f, (float)(sum / present));
        }

        var withText = shared.SelectMany(t => t).Where(l => l > 0).ToList();
        averages[SharedKey] = withText.Count == 0 ? 1f : Math.Max(1f, (float)withText.Average());
        return averages;
    }
}
