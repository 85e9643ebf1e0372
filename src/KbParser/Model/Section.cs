namespace Kb.Parser.Model;

/// <summary>
/// A section (heading underlined with <c>=</c>, level 2) or subsection (underlined with
/// <c>-</c> or a "Method 1:" lead line, level 3) with its blocks and nested subsections.
/// </summary>
public sealed record Section
{
    /// <summary>The heading text, or null for text before the first heading.</summary>
    public string? Heading { get; init; }
    public int Level { get; init; } = 2;
    /// <summary>Lines of the heading and its underline; null when there is no heading.</summary>
    public LineSpan? HeadingLines { get; init; }
    public IReadOnlyList<Block> Blocks { get; init; } = [];
    public IReadOnlyList<Section> Subsections { get; init; } = [];
}
