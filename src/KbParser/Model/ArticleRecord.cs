using System.Text.Json.Serialization;

namespace Kb.Parser.Model;

/// <summary>
/// The structured form of one KnowledgeBase article: everything the site, the index and
/// library users need, with every non-blank body line owned by exactly one element.
/// </summary>
public sealed record ArticleRecord
{
    /// <summary>Article number as written in the archive, e.g. <c>Q199250</c>.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? TitlePrefix { get; init; }
    public string? Permalink { get; init; }
    public string? SourcePath { get; init; }
    public IReadOnlyList<string> Products { get; init; } = [];
    public IReadOnlyList<ProductVersion> Versions { get; init; } = [];
    /// <summary>Normalised product families (Windows NT, with editions and versions), computed from the products, applies-to lines and title tag.</summary>
    public IReadOnlyList<ProductFamily> ProductFamilies { get; init; } = [];
    public IReadOnlyList<string> OperatingSystems { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>ISO date (yyyy-MM-dd) of the header's <c>Last Modified</c>, or null when absent or unreadable.</summary>
    public string? LastModified { get; init; }
    public IReadOnlyList<AppliesToEntry> AppliesTo { get; init; } = [];
    /// <summary>info | problem | howto | bug | fix | sample | other.</summary>
    public string Kind { get; init; } = ArticleKinds.Other;
    /// <summary>The raw header block fields, in order, as written.</summary>
    public IReadOnlyList<HeaderField> Header { get; init; } = [];
    /// <summary>Body sections in order; text before the first heading is a section with a null heading.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];
    public IReadOnlyList<ArticleOption> Options { get; init; } = [];
    public IReadOnlyList<Factor> Factors { get; init; } = [];
    public IReadOnlyList<Reference> References { get; init; } = [];
    /// <summary>The trailing <c>Key : value</c> block (Keywords, Technology, Version, Issue type...).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> AdditionalQueryWords { get; init; } = [];
    /// <summary>Where the metadata blocks' <c>Key : value</c> lines stand (usually one block).</summary>
    public IReadOnlyList<LineSpan> MetadataLines { get; init; } = [];
    /// <summary>Where the <c>Additional query words:</c> lines stand (usually one).</summary>
    public IReadOnlyList<LineSpan> QueryWordsLines { get; init; } = [];
    /// <summary>Source lines that are structure only (applies-to frame, rules, metadata frame, query-word line).</summary>
    public IReadOnlyList<FrameLine> Frame { get; init; } = [];
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}

/// <summary>Article kinds.</summary>
public static class ArticleKinds
{
    public const string Info = "info";
    public const string Problem = "problem";
    public const string HowTo = "howto";
    public const string Bug = "bug";
    public const string Fix = "fix";
    public const string Sample = "sample";
    public const string Other = "other";

    /// <summary>A problem article: kind problem, bug or fix, or a SYMPTOMS section. Its resolutions and workarounds answer its symptoms.</summary>
    public static bool IsProblem(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Kind is Problem or Bug or Fix || record.Sections.Any(s => s.Heading is "SYMPTOMS" or "SYMPTOM");
    }
}

/// <summary>One <c>platform:version</c> pair from <c>Version(s):</c>; platform is null when the header gives none.</summary>
public sealed record ProductVersion(string? Platform, string Version);

/// <summary>A normalised product family of an article: canonical name, the versions and editions the article names.</summary>
public sealed record ProductFamily(string Name, IReadOnlyList<string> Versions, IReadOnlyList<string> Editions);

/// <summary>One line of the "applies to" list.</summary>
public sealed record AppliesToEntry(string Product, string? Version, string Text, LineSpan Lines);

/// <summary>A header field (<c>Product(s): ...</c>) as written, with its 1-based source line.</summary>
public sealed record HeaderField(string Name, string Value, int Line);

/// <summary>A structural source line that carries no content of its own (rules, frame text).</summary>
public sealed record FrameLine(int Line, string Text);

/// <summary>A cross-reference to another article.</summary>
public sealed record Reference(string Id, string? Title);

/// <summary>A parser finding: a code, the 1-based line it concerns (0 for the whole file) and a message.</summary>
public sealed record Diagnostic(string Code, int Line, string Message);

/// <summary>A contiguous range of 1-based source lines, inclusive; JSON <c>[start, end]</c>.</summary>
[JsonConverter(typeof(LineSpanConverter))]
public readonly record struct LineSpan(int Start, int End)
{
    [JsonIgnore]
    public int Count => End - Start + 1;
    public bool Contains(int line) => line >= Start && line <= End;
}

/// <summary>Writes a <see cref="LineSpan"/> as the compact array <c>[start, end]</c>.</summary>
public sealed class LineSpanConverter : JsonConverter<LineSpan>
{
    public override LineSpan Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        if (reader.TokenType != System.Text.Json.JsonTokenType.StartArray)
        {
            throw new System.Text.Json.JsonException("a line span is an array [start, end]");
        }

        reader.Read();
        var start = reader.GetInt32();
        reader.Read();
        var end = reader.GetInt32();
        reader.Read();
        if (reader.TokenType != System.Text.Json.JsonTokenType.EndArray)
        {
            throw new System.Text.Json.JsonException("a line span has exactly two numbers");
        }

        return new LineSpan(start, end);
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, LineSpan value, System.Text.Json.JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Start);
        writer.WriteNumberValue(value.End);
        writer.WriteEndArray();
    }
}
