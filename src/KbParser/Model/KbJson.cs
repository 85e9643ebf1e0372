using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kb.Parser.Model;

/// <summary>
/// The one set of JSON options for records: camelCase, nulls omitted, source-generated
/// (the generated fast path matters on 60,000 articles). Non-ASCII and HTML-sensitive
/// characters are escaped, so the JSON is safe to embed in a page.
/// </summary>
public static class KbJson
{
    /// <summary>Options for compact record JSON.</summary>
    public static JsonSerializerOptions Options => KbJsonContext.Default.Options;
    /// <summary>Options for indented record JSON.</summary>
    public static JsonSerializerOptions Indented => KbJsonIndentedContext.Default.Options;

    /// <summary>The record as JSON text.</summary>
    public static string Serialize(ArticleRecord record, bool indented = false) =>
        JsonSerializer.Serialize(record, indented ? KbJsonIndentedContext.Default.ArticleRecord : KbJsonContext.Default.ArticleRecord);

    /// <summary>The record as UTF-8 JSON bytes.</summary>
    public static byte[] SerializeToUtf8Bytes(ArticleRecord record, bool indented = false) =>
        JsonSerializer.SerializeToUtf8Bytes(record, indented ? KbJsonIndentedContext.Default.ArticleRecord : KbJsonContext.Default.ArticleRecord);

    /// <summary>
    /// The decision model part of a record, <c>{options, factors}</c>, as <c>decision.js</c> and
    /// <c>kb options --json</c> take it (HTML-sensitive characters escaped, so it can sit in a script element).
    /// </summary>
    public static string SerializeDecisionModel(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Serialize(new DecisionModelJson(record.Options, record.Factors), KbJsonContext.Default.DecisionModelJson);
    }

    /// <summary>A record read back from its JSON (null for the JSON literal <c>null</c>).</summary>
    public static ArticleRecord? Deserialize(string json) => JsonSerializer.Deserialize(json, KbJsonContext.Default.ArticleRecord);
}

/// <summary>Source-generated serialisation metadata for records.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ArticleRecord))]
[JsonSerializable(typeof(List<ArticleRecord>))]
[JsonSerializable(typeof(DecisionModelJson))]
internal sealed partial class KbJsonContext : JsonSerializerContext;

/// <summary>The same, indented for people.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ArticleRecord))]
[JsonSerializable(typeof(List<ArticleRecord>))]
internal sealed partial class KbJsonIndentedContext : JsonSerializerContext;

/// <summary>The options and factors of one record, serialised together.</summary>
internal sealed record DecisionModelJson(IReadOnlyList<ArticleOption> Options, IReadOnlyList<Factor> Factors);
