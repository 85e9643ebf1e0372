using System.Text.Json;

namespace Kb.Index.Analysis;

/// <summary>Reading and writing the tables kept in the index commit.</summary>
public sealed partial class Abbreviations
{
    /// <summary>The definitions as a JSON object.</summary>
    public string DefinitionsToJson() => JsonSerializer.Serialize(
        Definitions.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
        AbbreviationsJsonContext.Default.DictionaryStringString);

    /// <summary>The table as JSON: <c>{"sms": [["Microsoft Systems Management Server", 0.93]], ...}</c>.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            foreach (var (tag, expansions) in _map.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteStartArray(tag);
                foreach (var e in expansions)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(e.Product);
                    w.WriteNumberValue(e.Share);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>What else was learned (definition counts, shorthand names) as JSON.</summary>
    public string LearnedToJson() => JsonSerializer.Serialize(
        new Learned
        {
            DefinitionCounts = DefinitionCounts.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Shorthand = Shorthands.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        },
        AbbreviationsJsonContext.Default.Learned);

    /// <summary>Abbreviations read back from the JSON an index stores (the expansions, and optionally the definition counts and the learned shorthands); null or empty JSON gives <see cref="Empty"/>.</summary>
    public static Abbreviations FromJson(string? json, string? definitionsJson = null, string? learnedJson = null)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty;
        }

        var definitions = string.IsNullOrEmpty(definitionsJson)
            ? null
            : JsonSerializer.Deserialize(definitionsJson, AbbreviationsJsonContext.Default.DictionaryStringString);

        // Read by hand rather than by reflection, so trimmed and file-based apps can load it too.
        using var doc = JsonDocument.Parse(json);
        var map = new Dictionary<string, IReadOnlyList<Expansion>>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            map[p.Name] = p.Value.EnumerateArray().Select(a => new Expansion(a[0].GetString() ?? "", a[1].GetDouble())).ToList();
        }

        var learned = string.IsNullOrEmpty(learnedJson) ? null : JsonSerializer.Deserialize(learnedJson, AbbreviationsJsonContext.Default.Learned);
        return new Abbreviations(map, definitions, learned);
    }
}

/// <summary>Definition counts and shorthand names, as kept in the commit.</summary>
public sealed record Learned
{
    /// <summary>How many articles define each abbreviation.</summary>
    public Dictionary<string, int> DefinitionCounts { get; init; } = [];
    /// <summary>Glued shorthand (<c>win95</c>) and the words it stands for.</summary>
    public Dictionary<string, string> Shorthand { get; init; } = [];
}

/// <summary>Source-generated JSON for the definitions table.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Learned))]
internal sealed partial class AbbreviationsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
