namespace Kb.Parser.Model;

/// <summary>
/// A section (heading underlined with <c>=</c>, level 2) or subsection (underlined with
/// <c>-</c> or a "Method 1:" lead line, level 3) with its blocks and nested subsections.
/// </summary>
public sealed record Section
{
    /// <summary>The heading text, or null for text before the first heading.</summary>
    public string? Heading { get; init; }
    /// <summary>2 for a section, 3 for a subsection.</summary>
    public int Level { get; init; } = 2;
    /// <summary>Lines of the heading and its underline; null when there is no heading.</summary>
    public LineSpan? HeadingLines { get; init; }
    /// <summary>The section's own blocks, before its subsections.</summary>
    public IReadOnlyList<Block> Blocks { get; init; } = [];
    /// <summary>Nested subsections in order.</summary>
    public IReadOnlyList<Section> Subsections { get; init; } = [];
}
