using System.Text.Json.Serialization;

namespace Kb.Parser.Model;

/// <summary>A body block; a closed set serialised with a <c>type</c> discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ParagraphBlock), "paragraph")]
[JsonDerivedType(typeof(ListBlock), "list")]
[JsonDerivedType(typeof(PreformattedBlock), "preformatted")]
[JsonDerivedType(typeof(NoteBlock), "note")]
[JsonDerivedType(typeof(ReferencesBlock), "references")]
public abstract record Block
{
    /// <summary>The source lines this block owns (nested blocks own sub-ranges).</summary>
    public required LineSpan Lines { get; init; }
}

/// <summary>Prose re-flowed into one line of text.</summary>
public sealed record ParagraphBlock : Block
{
    public required string Text { get; init; }
}

/// <summary>A bullet list (<c>ordered</c> false) or numbered steps (<c>ordered</c> true).</summary>
public sealed record ListBlock : Block
{
    public required bool Ordered { get; init; }
    public required IReadOnlyList<ListItem> Items { get; init; }
}

/// <summary>One list item: its marker, its lead text and any blocks indented under it.</summary>
public sealed record ListItem
{
    public required string Marker { get; init; }
    public required string Text { get; init; }
    public required LineSpan Lines { get; init; }
    public IReadOnlyList<Block> Blocks { get; init; } = [];
}

/// <summary>Text whose columns matter (code, tables, listings, quoted messages), kept verbatim.</summary>
public sealed record PreformattedBlock : Block
{
    /// <summary>The lines with the common indentation removed, joined by '\n'.</summary>
    public required string Text { get; init; }
}

/// <summary>A <c>NOTE:</c>, <c>WARNING:</c>, <c>IMPORTANT:</c>, <c>CAUTION:</c> or <c>TIP:</c> paragraph.</summary>
public sealed record NoteBlock : Block
{
    public required string Label { get; init; }
    public required string Text { get; init; }
}

/// <summary>A list of article references (<c>Q151261 OFF97: How to ...</c>, or ARTICLE-ID/TITLE pairs).</summary>
public sealed record ReferencesBlock : Block
{
    public required IReadOnlyList<Reference> Items { get; init; }
    /// <summary>The lines as written (some carry markup such as <c>ARTICLE-ID: &lt;LINK ...&gt;</c>).</summary>
    public required string Text { get; init; }
}
