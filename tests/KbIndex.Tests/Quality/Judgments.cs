using System.Text.Json;

namespace Kb.Index.Tests.Quality;

/// <summary>One judged query: what a user typed, what they wanted, and graded relevant articles (2 answers it, 1 helps).</summary>
public sealed record JudgedQuery(string Query, string Intent, IReadOnlyDictionary<string, int> Relevant)
{
    /// <summary>The sampled set's fields (<c>Judgments/Sample</c>): query id, type (nl, error, shorthand, known) and half (tune, test).</summary>
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? Split { get; init; }
}

/// <summary>Loads the judged query sets of <c>Judgments/</c>.</summary>
public static class Judgments
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Every judged query: the shared set plus the ones added with this project's own judgments.</summary>
    public static IReadOnlyList<JudgedQuery> All() => [.. Load("queries.json"), .. Load("queries-extra.json")];

    /// <summary>The sampled set (<c>Judgments/Sample/judged-*.json</c>, see its README), every query of both halves.</summary>
    public static IReadOnlyList<JudgedQuery> Sampled() =>
    [
        .. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Judgments", "Sample"), "judged-*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => JsonSerializer.Deserialize<List<JudgedQuery>>(File.ReadAllText(f), Json) ?? []),
    ];

    public static IReadOnlyList<JudgedQuery> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Judgments", file);
        return File.Exists(path) ? JsonSerializer.Deserialize<List<JudgedQuery>>(File.ReadAllText(path), Json) ?? [] : [];
    }
}
