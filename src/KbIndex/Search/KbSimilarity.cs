using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Kb.Index.Search;

/// <summary>
/// BM25 (k1, b of <see cref="KbRanking"/>) with exact field lengths. The writer stores each text
/// field's token count as its norm (<see cref="ComputeNorm"/>), not Lucene's one-byte 1/√length, so
/// that <see cref="Bm25fQuery"/> and the static site's export (which counts tokens from the
/// postings) normalise by the same lengths. Used by the writer and by every query of the searcher.
/// </summary>
public sealed class KbSimilarity : Similarity
{
    private readonly float _k1;
    private readonly float _b;

    /// <summary>BM25 with saturation <paramref name="k1"/> and length normalisation <paramref name="b"/>.</summary>
    public KbSimilarity(float k1 = KbRanking.DefaultK1, float b = KbRanking.DefaultB)
    {
        _k1 = k1;
        _b = b;
    }

    /// <summary>The number of tokens of the field in this document (every token, parts of dotted words included).</summary>
    public override long ComputeNorm(FieldInvertState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Length;
    }

    /// <inheritdoc/>
    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        ArgumentNullException.ThrowIfNull(collectionStats);
        ArgumentNullException.ThrowIfNull(termStats);
        var n = collectionStats.MaxDoc;
        var idf = 0f;
        foreach (var t in termStats)
        {
            idf += Idf(t.DocFreq, n);
        }

        var average = collectionStats.SumTotalTermFreq > 0 && collectionStats.DocCount > 0
            ? (float)collectionStats.SumTotalTermFreq / collectionStats.DocCount
            : 1f;
        return new Stats(collectionStats.Field, idf, queryBoost, average);
    }

    /// <inheritdoc/>
    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stats = (Stats)weight;
        return new Scorer(this, stats, context.AtomicReader.GetNormValues(stats.Field));
    }

    /// <summary>BM25's idf, as Lucene and the export compute it: ln(1 + (N − df + 0.5) / (df + 0.5)).</summary>
    public static float Idf(long docFreq, long docCount) => (float)Math.Log(1 + ((docCount - docFreq + 0.5) / (docFreq + 0.5)));

    /// <summary>The length part of BM25's denominator: 1 − b + b · length / average (1 when the field has no norms).</summary>
    internal static float LengthNorm(float b, NumericDocValues? norms, int doc, float average) =>
        norms is null ? 1f : 1 - b + (b * norms.Get(doc) / average);

    private sealed class Stats(string field, float idf, float queryBoost, float average) : SimWeight
    {
        public string Field { get; } = field;
        public float Idf { get; } = idf;
        public float Average { get; } = average;
        public float Weight { get; private set; } = idf * queryBoost;
        private float QueryBoost { get; } = queryBoost;

        public override float GetValueForNormalization() => Weight * Weight;

        public override void Normalize(float queryNorm, float topLevelBoost) => Weight = Idf * QueryBoost * topLevelBoost;
    }

    private sealed class Scorer(KbSimilarity similarity, Stats stats, NumericDocValues? norms) : SimScorer
    {
        public override float Score(int doc, float freq)
        {
            var k1 = similarity._k1;
            return stats.Weight * (k1 + 1) * freq / (freq + (k1 * LengthNorm(similarity._b, norms, doc, stats.Average)));
        }

        public override float ComputeSlopFactor(int distance) => 1f / (distance + 1);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1f;

        public override Explanation Explain(int doc, Explanation freq)
        {
            ArgumentNullException.ThrowIfNull(freq);
            var result = new Explanation(Score(doc, freq.Value), $"BM25 (exact lengths), idf {stats.Idf}, field {stats.Field}, length {norms?.Get(doc)}, average {stats.Average}");
            result.AddDetail(freq);
            return result;
        }
    }
}
