using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kb.Bench.Pool;

/// <summary>A judged query (judged-*.json): the query and its grades (1 or 2; every other article is 0).</summary>
internal sealed record JudgedQuery(PoolQuery Query, IReadOnlyDictionary<string, int> Grades)
{
    /// <summary>Articles judged after the pool was read ("judged_later"): judged, grade 0 unless <see cref="Grades"/> says otherwise.</summary>
    public IReadOnlySet<string> JudgedLater { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static List<JudgedQuery> Load(IEnumerable<string> files)
    {
        var list = new List<JudgedQuery>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var id = Get(e, "id") ?? throw new InvalidDataException($"{file}: a query without an id");
                var q = new PoolQuery(
                    id,
                    Get(e, "query") ?? throw new InvalidDataException($"{file}: query {id} has no text"),
                    Get(e, "type"), Get(e, "source"), Get(e, "family"), Get(e, "split"), Get(e, "intent"));
                if (!ids.Add(id))
                {
                    throw new InvalidDataException($"{file}: query id {id} appears twice");
                }

                var grades = new Dictionary<string, int>(StringComparer.Ordinal);
                if (e.TryGetProperty("relevant", out var relevant) && relevant.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in relevant.EnumerateObject())
                    {
                        if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt32(out var g) || g is < 0 or > 2)
                        {
                            throw new InvalidDataException($"{file}: query {id}: grade of {p.Name} is not 0, 1 or 2");
                        }

                        if (g > 0)
                        {
                            grades[p.Name] = g;
                        }
                    }
                }

                var later = new HashSet<string>(StringComparer.Ordinal);
                if (e.TryGetProperty("judged_later", out var judgedLater) && judgedLater.ValueKind == JsonValueKind.Array)
                {
                    foreach (var a in judgedLater.EnumerateArray())
                    {
                        if (a.GetString() is { } articleId)
                        {
                            later.Add(articleId);
                        }
                    }
                }

                list.Add(new JudgedQuery(q, grades) { JudgedLater = later });
            }
        }

        return list;
    }

    private static string? Get(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>
/// What was judged: per query id, the query text and the articles of the pool file(s) the judges
/// read (the tool's own --out). An article of a query's pool that is not graded 1 or 2 was judged 0.
/// </summary>
internal sealed class JudgedPool
{
    private readonly Dictionary<string, (string Query, HashSet<string> Ids)> _queries = new(StringComparer.Ordinal);

    public bool IsEmpty => _queries.Count == 0;

    public static JudgedPool Load(IEnumerable<string> files)
    {
        var pool = new JudgedPool();
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var q in doc.RootElement.EnumerateObject())
            {
                var text = q.Value.TryGetProperty("query", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
                if (!pool._queries.TryGetValue(q.Name, out var entry))
                {
                    pool._queries[q.Name] = entry = (text, new HashSet<string>(StringComparer.Ordinal));
                }

                if (q.Value.TryGetProperty("candidates", out var candidates) && candidates.ValueKind == JsonValueKind.Array)
                {
                    foreach (var a in candidates.EnumerateArray())
                    {
                        if (a.TryGetProperty("id", out var id) && id.GetString() is { } s)
                        {
                            entry.Ids.Add(s);
                        }
                    }
                }
            }
        }

        return pool;
    }

    /// <summary>The judged articles of a query (its pool), or null when the pool has no such query.</summary>
    public IReadOnlySet<string>? Judged(string id, out string? poolQuery)
    {
        if (_queries.TryGetValue(id, out var entry))
        {
            poolQuery = entry.Query;
            return entry.Ids;
        }

        poolQuery = null;
        return null;
    }
}

/// <summary>One ranker's top 10 for one query, with the grade of each article (null: never judged).</summary>
internal sealed record RankerRun(string Ranker, IReadOnlyList<(string Id, int? Grade)> Top, double Ndcg, double Mrr, string? Error)
{
    public int Unjudged => Top.Count(t => t.Grade is null);
}

/// <summary>A judged query and every ranker's run on it.</summary>
internal sealed record QueryRuns(JudgedQuery Judged, IReadOnlyList<RankerRun> Runs, bool InPool);

/// <summary>
/// nDCG@10 and MRR@10 of each ranker over judged queries, overall and per query type, and how much
/// of each ranker's top 10 was never judged.
/// </summary>
internal sealed class Evaluation
{
    /// <summary>The cut-off of both measures (and of each ranker's result list).</summary>
    public const int Depth = 10;

    private static readonly string[] TypeOrder = ["nl", "error", "shorthand", "known"];
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private Evaluation(string split, IReadOnlyList<QueryRuns> queries, bool hasPool)
    {
        Split = split;
        Queries = queries;
        HasPool = hasPool;
        Types = [.. queries.Select(q => TypeOf(q.Judged)).Distinct().OrderBy(t => Array.IndexOf(TypeOrder, t) is var i && i < 0 ? int.MaxValue : i).ThenBy(t => t, StringComparer.Ordinal)];
    }

    public string Split { get; }

    public IReadOnlyList<QueryRuns> Queries { get; }

    public bool HasPool { get; }

    public IReadOnlyList<string> Types { get; }

    public static Evaluation Run(IReadOnlyList<JudgedQuery> queries, Rankers rankers, JudgedPool pool, string split, TextWriter log)
    {
        var results = new List<QueryRuns>();
        foreach (var q in queries)
        {
            var judged = pool.Judged(q.Query.Id, out var poolQuery);
            if (!pool.IsEmpty && judged is null)
            {
                log.WriteLine($"pool: warning: query {q.Query.Id} is in no pool file; only its graded articles count as judged");
            }
            else if (poolQuery is not null && poolQuery != q.Query.Query)
            {
                log.WriteLine($"pool: warning: query {q.Query.Id} was pooled as \"{poolQuery}\", judged as \"{q.Query.Query}\"");
            }

            var runs = new List<RankerRun>();
            foreach (var ranking in rankers.Run(q.Query.Query, out _))
            {
                var top = ranking.Ids.Take(Depth)
                    .Select(id => (id, q.Grades.TryGetValue(id, out var g) ? g : (judged is not null && judged.Contains(id)) || q.JudgedLater.Contains(id) ? 0 : (int?)null))
                    .ToList();
                runs.Add(new RankerRun(ranking.Ranker, top, Ndcg(top.Select(t => t.Item2 ?? 0), q.Grades.Values), Mrr(top.Select(t => t.Item2 ?? 0)), ranking.Error));
            }

            results.Add(new QueryRuns(q, runs, judged is not null));
        }

        return new Evaluation(split, results, !pool.IsEmpty);
    }

    /// <summary>DCG (gain 2^grade - 1, discount log2(rank + 1)) over the ideal DCG of all the query's grades, both at <see cref="Depth"/>.</summary>
    public static double Ndcg(IEnumerable<int> grades, IEnumerable<int> allGrades)
    {
        var ideal = Dcg(allGrades.OrderDescending());
        return ideal > 0 ? Dcg(grades) / ideal : 0;
    }

    /// <summary>1 / rank of the first grade-2 article in the top <see cref="Depth"/>, 0 when there is none.</summary>
    public static double Mrr(IEnumerable<int> grades)
    {
        var rank = 0;
        foreach (var g in grades.Take(Depth))
        {
            rank++;
            if (g >= 2)
            {
                return 1.0 / rank;
            }
        }

        return 0;
    }

    public string Markdown()
    {
        var s = new StringBuilder();
        var groups = new List<(string Name, List<QueryRuns> Queries)> { ("all", [.. Queries]) };
        groups.AddRange(Types.Select(t => (t, Queries.Where(q => TypeOf(q.Judged) == t).ToList())));
        var names = Rankers.All;
        s.AppendLine(C, $"### Split {Split}: {Queries.Count} queries ({string.Join(", ", groups.Skip(1).Select(g => string.Create(C, $"{g.Name} {g.Queries.Count}")))})");
        s.AppendLine();
        s.Append("| ranker |");
        foreach (var measure in new[] { "nDCG@10", "MRR@10" })
        {
            foreach (var g in groups)
            {
                s.Append(C, $" {measure} {g.Name} |");
            }
        }

        s.AppendLine(" unjudged in top 10 |");
        s.Append("|---|");
        s.Append(string.Concat(Enumerable.Repeat("---:|", groups.Count * 2)));
        s.AppendLine("---:|");
        var table = names.ToDictionary(n => n, n => groups.Select(g => Mean(g.Queries, n, r => r.Ndcg)).Concat(groups.Select(g => Mean(g.Queries, n, r => r.Mrr))).ToList());
        var best = Enumerable.Range(0, groups.Count * 2).Select(i => names.Max(n => Math.Round(table[n][i], 3))).ToList();
        foreach (var n in names)
        {
            s.Append(C, $"| {n} |");
            for (var i = 0; i < table[n].Count; i++)
            {
                var value = table[n][i].ToString("F3", C);
                s.Append(Math.Round(table[n][i], 3) == best[i] ? $" **{value}** |" : $" {value} |");
            }

            var runs = Queries.Select(q => q.Runs.First(r => r.Ranker == n)).ToList();
            var returned = runs.Sum(r => r.Top.Count);
            var unjudged = runs.Sum(r => r.Unjudged);
            s.AppendLine(C, $" {unjudged} of {returned} ({(returned == 0 ? 0 : 100.0 * unjudged / returned):F1} %), {runs.Count(r => r.Unjudged > 0)} queries |");
        }

        s.AppendLine();
        s.AppendLine("nDCG@10: gain 2^grade - 1, discount log2(rank + 1), ideal DCG from all the query's judged grades; MRR@10: 1 / rank of the first grade-2 article (0 if none in the top 10). " +
            "Means over queries; best of each column in bold. Unjudged articles count as grade 0" +
            (HasPool ? " (judged = in the query's pool or graded 1/2)." : " (no pool file: every article not graded 1 or 2 is counted as unjudged)."));
        var notes = new List<string>();
        var noAnswer = Queries.Where(q => !q.Judged.Grades.Values.Any(g => g >= 2)).Select(q => q.Judged.Query.Id).ToList();
        if (noAnswer.Count > 0)
        {
            notes.Add($"no grade-2 article (MRR 0 for every ranker): {string.Join(", ", noAnswer)}");
        }

        var noGrades = Queries.Where(q => q.Judged.Grades.Count == 0).Select(q => q.Judged.Query.Id).ToList();
        if (noGrades.Count > 0)
        {
            notes.Add($"nothing graded (nDCG 0 for every ranker): {string.Join(", ", noGrades)}");
        }

        foreach (var n in names)
        {
            var errors = Queries.Where(q => q.Runs.Any(r => r.Ranker == n && r.Error is not null)).Select(q => q.Judged.Query.Id).ToList();
            if (errors.Count > 0)
            {
                notes.Add($"{n} failed (no results) on: {string.Join(", ", errors)}");
            }
        }

        foreach (var note in notes)
        {
            s.AppendLine().AppendLine("- " + note);
        }

        return s.ToString();
    }

    public void Write(Utf8JsonWriter json, string corpus, string kbIndex, string codeStamp, IReadOnlyList<string> poolFiles)
    {
        json.WriteStartObject();
        json.WriteString("split", Split);
        json.WriteNumber("depth", Depth);
        json.WriteString("corpus", corpus);
        json.WriteString("kbIndex", kbIndex);
        json.WriteString("kbCode", codeStamp);
        json.WriteStartArray("pools");
        foreach (var p in poolFiles)
        {
            json.WriteStringValue(p);
        }

        json.WriteEndArray();
        json.WriteNumber("queries", Queries.Count);
        json.WriteStartObject("types");
        foreach (var t in Types)
        {
            json.WriteNumber(t, Queries.Count(q => TypeOf(q.Judged) == t));
        }

        json.WriteEndObject();
        json.WriteStartObject("rankers");
        foreach (var n in Rankers.All)
        {
            var runs = Queries.Select(q => q.Runs.First(r => r.Ranker == n)).ToList();
            json.WriteStartObject(n);
            foreach (var (measure, pick) in new (string, Func<RankerRun, double>)[] { ("ndcg", r => r.Ndcg), ("mrr", r => r.Mrr) })
            {
                json.WriteStartObject(measure);
                json.WriteNumber("all", Math.Round(Mean(Queries, n, pick), 4));
                foreach (var t in Types)
                {
                    json.WriteNumber(t, Math.Round(Mean([.. Queries.Where(q => TypeOf(q.Judged) == t)], n, pick), 4));
                }

                json.WriteEndObject();
            }

            json.WriteNumber("returned", runs.Sum(r => r.Top.Count));
            json.WriteNumber("unjudged", runs.Sum(r => r.Unjudged));
            json.WriteNumber("queriesWithUnjudged", runs.Count(r => r.Unjudged > 0));
            json.WriteNumber("errors", runs.Count(r => r.Error is not null));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("perQuery");
        foreach (var q in Queries)
        {
            var j = q.Judged;
            json.WriteStartObject();
            json.WriteString("id", j.Query.Id);
            json.WriteString("type", j.Query.Type);
            json.WriteString("split", j.Query.Split);
            json.WriteString("query", j.Query.Query);
            json.WriteBoolean("inPool", q.InPool);
            json.WriteNumber("grade2", j.Grades.Values.Count(g => g == 2));
            json.WriteNumber("grade1", j.Grades.Values.Count(g => g == 1));
            json.WriteStartObject("rankers");
            foreach (var r in q.Runs)
            {
                json.WriteStartObject(r.Ranker);
                json.WriteNumber("ndcg", Math.Round(r.Ndcg, 4));
                json.WriteNumber("mrr", Math.Round(r.Mrr, 4));
                if (r.Error is not null)
                {
                    json.WriteString("error", r.Error);
                }

                // [id, grade] best first; grade null: never judged (counted as 0).
                json.WriteStartArray("top");
                foreach (var (id, grade) in r.Top)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(id);
                    if (grade is { } g)
                    {
                        json.WriteNumberValue(g);
                    }
                    else
                    {
                        json.WriteNullValue();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static double Dcg(IEnumerable<int> grades) =>
        grades.Take(Depth).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();

    private static double Mean(IReadOnlyList<QueryRuns> queries, string ranker, Func<RankerRun, double> pick) =>
        queries.Count == 0 ? 0 : queries.Average(q => pick(q.Runs.First(r => r.Ranker == ranker)));

    private static string TypeOf(JudgedQuery q) => q.Query.Type ?? "(none)";
}
