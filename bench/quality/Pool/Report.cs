using System.Globalization;
using System.Text;

namespace Kb.Bench.Pool;

/// <summary>Per-query pool sizes and, per ranker, how often it found the query's source article and what only it found.</summary>
internal static class Report
{
    public static void Print(IReadOnlyList<PooledQuery> results, int top)
    {
        var c = CultureInfo.InvariantCulture;
        var names = Rankers.All;
        var header = new StringBuilder("query  size");
        foreach (var n in names)
        {
            header.Append(c, $" {Short(n),6}");
        }

        Console.WriteLine();
        Console.WriteLine(header.Append("  (hits; src = rank of the source article)  grep phrases"));
        foreach (var r in results)
        {
            var line = new StringBuilder(string.Create(c, $"{r.Query.Id,-6}{r.Candidates.Count,5}"));
            foreach (var n in names)
            {
                var ranking = r.Rankings.First(x => x.Ranker == n);
                var src = r.Query.Source is { } s ? IndexOf(ranking.Ids, s) : -1;
                line.Append(ranking.Error is not null ? "    ERR" : string.Create(c, $" {ranking.Ids.Count,2}/{(src < 0 ? "-" : (src + 1).ToString(c)),-3}"));
            }

            line.Append("  ").Append(string.Join(" | ", r.Phrases.Select(p => string.Create(c, $"{(p.Quoted ? "\"" : "")}{p.Phrase}{(p.Quoted ? "\"" : "")} ({p.Articles})"))));
            Console.WriteLine(line);
            foreach (var e in r.Rankings.Where(x => x.Error is not null))
            {
                Console.WriteLine($"       {e.Ranker} error: {e.Error}");
            }

            foreach (var m in r.Missing)
            {
                Console.WriteLine($"       {m}: not in the pool index");
            }
        }

        var sizes = results.Select(r => r.Candidates.Count).Order().ToList();
        if (sizes.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(c,
            $"pool size per query: min {sizes[0]}, median {Median(sizes):0.#}, mean {sizes.Average():F1}, max {sizes[^1]}; total {sizes.Sum()} candidates for {sizes.Count} queries"));
        var withSource = results.Where(r => r.Query.Source is { Length: > 0 }).ToList();
        var sourceInPool = withSource.Count(r => r.Candidates.Any(x => x.IsSource && x.Ranks.Count > 0));
        Console.WriteLine(string.Create(c, $"source article found by at least one ranker: {sourceInPool}/{withSource.Count}"));
        Console.WriteLine(string.Create(c, $"{"ranker",-13} {"src@10",7} {"src@" + top,7} {"srcMRR",7} {"only-it",8} {"errors",7}"));
        foreach (var n in names)
        {
            var ranks = withSource.Select(r => IndexOf(r.Rankings.First(x => x.Ranker == n).Ids, r.Query.Source!)).ToList();
            var only = results.Sum(r => r.Candidates.Count(x => x.Ranks.Count == 1 && x.Ranks.ContainsKey(n)));
            var errors = results.Count(r => r.Rankings.Any(x => x.Ranker == n && x.Error is not null));
            Console.WriteLine(string.Create(c,
                $"{n,-13} {ranks.Count(i => i is >= 0 and < 10),7} {ranks.Count(i => i >= 0),7} {ranks.Sum(i => i < 0 ? 0 : 1.0 / (i + 1)) / Math.Max(1, ranks.Count),7:F3} {only,8} {errors,7}"));
        }

        Console.WriteLine("(src@k: queries whose source article the ranker put in its top k; only-it: pooled articles no other ranker found)");
    }

    private static string Short(string ranker) => ranker switch
    {
        Rankers.EnglishProximity => "prox",
        Rankers.EnglishBm25 => "engl",
        _ => ranker,
    };

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static double Median(List<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
