using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kb.Parser.Model;

/// <summary>The one set of JSON options for records: camelCase, nulls omitted.</summary>
public static class KbJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize(ArticleRecord record, bool indented = false) =>
        JsonSerializer.Serialize(record, indented ? Indented : Options);

    public static ArticleRecord? Deserialize(string json) => JsonSerializer.Deserialize<ArticleRecord>(json, Options);
}
