using System.Text.Json;

namespace Kb.Bench.Pool;

/// <summary>A query of the judged set (queries-*.json: id, query, type, source, family, split, intent).</summary>
internal sealed record PoolQuery(string Id, string Query, string? Type, string? Source, string? Family, string? Split, string? Intent)
{
    public static List<PoolQuery> Load(IEnumerable<string> files)
    {
        var list = new List<PoolQuery>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var q = new PoolQuery(
                    Get(e, "id") ?? throw new InvalidDataException($"{file}: a query without an id"),
                    Get(e, "query") ?? throw new InvalidDataException($"{file}: query {Get(e, "id")} has no text"),
                    Get(e, "type"), Get(e, "source"), Get(e, "family"), Get(e, "split"), Get(e, "intent"));
                if (!ids.Add(q.Id))
                {
                    throw new InvalidDataException($"{file}: query id {q.Id} appears twice");
                }

                list.Add(q);
            }
        }

        return list;
    }

    private static string? Get(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>One pooled article: its facts and the rank (1-based) at which each ranker found it.</summary>
internal sealed record Candidate(ArticleInfo Info, IReadOnlyDictionary<string, int> Ranks, bool IsSource);

/// <summary>A query with its rankings and the union of their articles.</summary>
internal sealed record PooledQuery(PoolQuery Query, IReadOnlyList<Ranking> Rankings, IReadOnlyList<GrepPhrase> Phrases, IReadOnlyList<Candidate> Candidates, IReadOnlyList<string> Missing)
{
    /// <summary>
    /// Unions the rankings. Candidates are listed in article-number order, not by any ranker, so
    /// that the list does not suggest grades; the query's source article is always included
    /// (flagged <c>source</c>) even when no ranker found it.
    /// </summary>
    public static PooledQuery From(PoolQuery query, IReadOnlyList<Ranking> rankings, IReadOnlyList<GrepPhrase> phrases, PoolIndex pool)
    {
        var ranks = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var r in rankings)
        {
            for (var i = 0; i < r.Ids.Count; i++)
            {
                if (!ranks.TryGetValue(r.Ids[i], out var byRanker))
                {
                    ranks[r.Ids[i]] = byRanker = [];
                }

                byRanker.TryAdd(r.Ranker, i + 1);
            }
        }

        if (query.Source is { Length: > 0 } source && !ranks.ContainsKey(source))
        {
            ranks[source] = [];
        }

        var candidates = new List<Candidate>();
        var missing = new List<string>();
        foreach (var (id, byRanker) in ranks.OrderBy(p => Number(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            if (pool.Info(id) is { } info)
            {
                candidates.Add(new Candidate(info, byRanker, id == query.Source));
            }
            else
            {
                missing.Add(id);
            }
        }

        return new PooledQuery(query, rankings, phrases, candidates, missing);
    }

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("query", Query.Query);
        json.WriteString("source", Query.Source);
        json.WriteString("type", Query.Type);
        json.WriteString("family", Query.Family);
        json.WriteString("split", Query.Split);
        json.WriteString("intent", Query.Intent);
        json.WriteStartArray("grepPhrases");
        foreach (var p in Phrases)
        {
            json.WriteStartObject();
            json.WriteString("phrase", p.Phrase);
            json.WriteNumber("articles", p.Articles);
            json.WriteBoolean("quoted", p.Quoted);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (Rankings.Any(r => r.Error is not null) || Missing.Count > 0)
        {
            json.WriteStartObject("errors");
            foreach (var r in Rankings.Where(r => r.Error is not null))
            {
                json.WriteString(r.Ranker, r.Error);
            }

            if (Missing.Count > 0)
            {
                json.WriteString("missing", "not in the pool index: " + string.Join(", ", Missing));
            }

            json.WriteEndObject();
        }

        json.WriteNumber("size", Candidates.Count);
        json.WriteStartArray("candidates");
        foreach (var c in Candidates)
        {
            var a = c.Info;
            json.WriteStartObject();
            json.WriteString("id", a.Id);
            json.WriteString("title", a.Title);
            json.WriteStartArray("products");
            foreach (var p in a.Products)
            {
                json.WriteStringValue(p);
            }

            json.WriteEndArray();
            json.WriteString("lastModified", a.LastModified);
            json.WriteString("kind", a.Kind);
            json.WriteString("path", a.Path);
            if (c.IsSource)
            {
                json.WriteBoolean("source", true);
            }

            json.WriteStartObject("rankers");
            foreach (var name in Rankers.All.Where(c.Ranks.ContainsKey))
            {
                json.WriteNumber(name, c.Ranks[name]);
            }

            json.WriteEndObject();
            json.WriteString("summary", a.Summary);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static long Number(string id) =>
        long.TryParse(id.AsSpan(id.Length > 0 && !char.IsDigit(id[0]) ? 1 : 0), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
}
