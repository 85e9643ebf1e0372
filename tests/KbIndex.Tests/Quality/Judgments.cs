using System.Text.Json;

namespace Kb.Index.Tests.Quality;

/// <summary>One judged query: what a user typed, what they wanted, and graded relevant articles (2 answers it, 1 helps).</summary>
public sealed record JudgedQuery(string Query, string Intent, IReadOnlyDictionary<string, int> Relevant);

/// <summary>Loads the judged query sets of <c>Judgments/</c>.</summary>
public static class Judgments
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Every judged query: the shared set plus the ones added with this project's own judgments.</summary>
    public static IReadOnlyList<JudgedQuery> All() => [.. Load("queries.json"), .. Load("queries-extra.json")];

    public static IReadOnlyList<JudgedQuery> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Judgments", file);
        return File.Exists(path) ? JsonSerializer.Deserialize<List<JudgedQuery>>(File.ReadAllText(path), Json) ?? [] : [];
    }
}
