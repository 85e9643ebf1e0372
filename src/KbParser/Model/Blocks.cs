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
    /// <summary>The paragraph's text on one line.</summary>
    public required string Text { get; init; }
}

/// <summary>A bullet list (<c>ordered</c> false) or numbered steps (<c>ordered</c> true).</summary>
public sealed record ListBlock : Block
{
    /// <summary>True for numbered steps, false for bullets.</summary>
    public required bool Ordered { get; init; }
    /// <summary>The items in order.</summary>
    public required IReadOnlyList<ListItem> Items { get; init; }
}

/// <summary>One list item: its marker, its lead text and any blocks indented under it.</summary>
public sealed record ListItem
{
    /// <summary>The item's marker as written (<c>1.</c>, <c>-</c>, <c>a)</c>).</summary>
    public required string Marker { get; init; }
    /// <summary>The item's lead text on one line.</summary>
    public required string Text { get; init; }
    /// <summary>The source lines of the item, nested blocks included.</summary>
    public required LineSpan Lines { get; init; }
    /// <summary>Blocks indented under the item.</summary>
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
    /// <summary>The label as written (<c>NOTE</c>, <c>WARNING</c>...).</summary>
    public required string Label { get; init; }
    /// <summary>The note's text after its label, on one line.</summary>
    public required string Text { get; init; }
}

/// <summary>A list of article references (<c>Q151261 OFF97: How to ...</c>, or ARTICLE-ID/TITLE pairs).</summary>
public sealed record ReferencesBlock : Block
{
    /// <summary>The referenced articles in order.</summary>
    public required IReadOnlyList<Reference> Items { get; init; }
    /// <summary>The lines as written (some carry markup such as <c>ARTICLE-ID: &lt;LINK ...&gt;</c>).</summary>
    public required string Text { get; init; }
}
