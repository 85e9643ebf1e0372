namespace Kb.Index.Tests.Quality;

/// <summary>Ranking metrics over graded judgments; unjudged articles count as grade 0.</summary>
public static class Metrics
{
    public const int Depth = 10;

    /// <summary>nDCG@10 with gain 2^grade - 1 and a log2(rank + 1) discount, against the ideal order of the judged articles.</summary>
    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant)
    {
        var dcg = Dcg(ranked.Take(Depth).Select(id => relevant.GetValueOrDefault(id)));
        var ideal = Dcg(relevant.Values.OrderByDescending(g => g).Take(Depth));
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>Reciprocal rank of the first article of at least <paramref name="minGrade"/> in the top 10 (by default any relevant one), else 0.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant, int minGrade = 1)
    {
        for (var i = 0; i < Math.Min(Depth, ranked.Count); i++)
        {
            if (relevant.GetValueOrDefault(ranked[i]) >= minGrade)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    private static double Dcg(IEnumerable<int> grades) =>
        grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
}
