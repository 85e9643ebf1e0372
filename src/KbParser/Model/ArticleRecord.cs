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
    /// <summary>The article's title as written, tags included (<c>SMS: Version 1.2 to 2.0 ...</c>).</summary>
    public required string Title { get; init; }
    /// <summary>The title's leading tag (<c>SMS</c>, <c>XADM</c>), or null.</summary>
    public string? TitlePrefix { get; init; }
    /// <summary>The path the article lives at on the site, from the front matter, or null for the default.</summary>
    public string? Permalink { get; init; }
    /// <summary>Where the article was read from (file path or archive entry).</summary>
    public string? SourcePath { get; init; }
    /// <summary>The products the header names, in order.</summary>
    public IReadOnlyList<string> Products { get; init; } = [];
    /// <summary>The product versions the header names, with their platforms.</summary>
    public IReadOnlyList<ProductVersion> Versions { get; init; } = [];
    /// <summary>Normalised product families (Windows NT, with editions and versions), computed from the products, applies-to lines and title tag.</summary>
    public IReadOnlyList<ProductFamily> ProductFamilies { get; init; } = [];
    /// <summary>The operating systems the header names.</summary>
    public IReadOnlyList<string> OperatingSystems { get; init; } = [];
    /// <summary>The header's keywords (<c>kbsetup</c>, <c>kbbug</c>...).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>ISO date (yyyy-MM-dd) of the header's <c>Last Modified</c>, or null when absent or unreadable.</summary>
    public string? LastModified { get; init; }
    /// <summary>The "applies to" list, one entry per product line.</summary>
    public IReadOnlyList<AppliesToEntry> AppliesTo { get; init; } = [];
    /// <summary>info | problem | howto | bug | fix | sample | other.</summary>
    public string Kind { get; init; } = ArticleKinds.Other;
    /// <summary>The raw header block fields, in order, as written.</summary>
    public IReadOnlyList<HeaderField> Header { get; init; } = [];
    /// <summary>Body sections in order; text before the first heading is a section with a null heading.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];
    /// <summary>The alternative courses of action the article offers (see docs/options.md).</summary>
    public IReadOnlyList<ArticleOption> Options { get; init; } = [];
    /// <summary>The yes/no questions the options' conditions and the triage ask, each once.</summary>
    public IReadOnlyList<Factor> Factors { get; init; } = [];
    /// <summary>Articles this one refers to.</summary>
    public IReadOnlyList<Reference> References { get; init; } = [];
    /// <summary>The trailing <c>Key : value</c> block (Keywords, Technology, Version, Issue type...).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    /// <summary>The words of the <c>Additional query words:</c> line.</summary>
    public IReadOnlyList<string> AdditionalQueryWords { get; init; } = [];
    /// <summary>Where the metadata blocks' <c>Key : value</c> lines stand (usually one block).</summary>
    public IReadOnlyList<LineSpan> MetadataLines { get; init; } = [];
    /// <summary>Where the <c>Additional query words:</c> lines stand (usually one).</summary>
    public IReadOnlyList<LineSpan> QueryWordsLines { get; init; } = [];
    /// <summary>Source lines that are structure only (applies-to frame, rules, metadata frame, query-word line).</summary>
    public IReadOnlyList<FrameLine> Frame { get; init; } = [];
    /// <summary>Problems met while parsing, each with its code and line.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    /// <summary>The form the article was read from (<see cref="Kb.Parser.Forms.SourceForms"/>); null for the archive's Markdown form.</summary>
    public string? SourceForm { get; init; }
    /// <summary>The bracketed product code of the FTP text form's <c>DOCUMENT:</c> line (<c>sms</c>, <c>word97</c>), or null.</summary>
    public string? ProductCode { get; init; }
    /// <summary>When several sources hold this article: the copies not kept (the kept one is this record).</summary>
    public IReadOnlyList<ProvenanceEntry>? Provenance { get; init; }
}

/// <summary>A copy of an article in another source that a merge set aside.</summary>
public sealed record ProvenanceEntry(string? SourcePath, string? SourceForm, string? LastModified, string Title);

/// <summary>Article kinds.</summary>
public static class ArticleKinds
{
    /// <summary>An informational article (<c>INFO:</c>, kbinfo).</summary>
    public const string Info = "info";
    /// <summary>A problem and its resolution (<c>PRB:</c>, kbprb).</summary>
    public const string Problem = "problem";
    /// <summary>Instructions (<c>HOWTO:</c>, kbhowto).</summary>
    public const string HowTo = "howto";
    /// <summary>A confirmed bug (<c>BUG:</c>, kbbug).</summary>
    public const string Bug = "bug";
    /// <summary>A bug with a fix (<c>FIX:</c>, kbfix).</summary>
    public const string Fix = "fix";
    /// <summary>A sample program or file (<c>SAMPLE:</c>).</summary>
    public const string Sample = "sample";
    /// <summary>None of the other kinds.</summary>
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
    /// <summary>How many lines the span covers.</summary>
    [JsonIgnore]
    public int Count => End - Start + 1;
    /// <summary>Whether the 1-based line lies in the span.</summary>
    public bool Contains(int line) => line >= Start && line <= End;
}

/// <summary>Writes a <see cref="LineSpan"/> as the compact array <c>[start, end]</c>.</summary>
public sealed class LineSpanConverter : JsonConverter<LineSpan>
{
    /// <summary>Reads a span written as <c>[start, end]</c>.</summary>
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

    /// <summary>Writes the span as <c>[start, end]</c>.</summary>
    public override void Write(System.Text.Json.Utf8JsonWriter writer, LineSpan value, System.Text.Json.JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Start);
        writer.WriteNumberValue(value.End);
        writer.WriteEndArray();
    }
}
