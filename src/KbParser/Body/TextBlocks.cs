using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser.Body;

/// <summary>
/// Reads a run of body text into blocks with the ordered text-block parsers: lists, references,
/// notes, preformatted text and re-flowed paragraphs. Every non-blank line of the run ends up in
/// exactly one block; a list item's indented lines are read again, one level deeper, by the same list.
/// </summary>
internal static class TextBlocks
{
    /// <summary>Deeper than this, everything is kept as preformatted text (no input can nest without end).</summary>
    public const int MaxDepth = 12;

    /// <summary>The text-block parsers in the order they are tried; the last opens on any line.</summary>
    internal static readonly BlockParser<TextRun>[] Parsers =
    [
        new DepthLimitParser(),
        new ListParser(ordered: false),
        new ListParser(ordered: true),
        new ReferencesParser(),
        new NoteParser(),
        new PreformattedParser(),
        new ProseParser(),
    ];

    /// <summary>Parses lines [from, to) whose prose starts at column <paramref name="baseIndent"/>.</summary>
    public static List<Block> Parse(List<SourceLine> lines, List<Diagnostic> diagnostics, int from, int to,
        int baseIndent, int depth = 0)
    {
        var run = new TextRun(lines, diagnostics, baseIndent, depth);
        BlockDriver.Run(Parsers, run, from, to);
        return run.Blocks;
    }
}

/// <summary>The context of the text-block parsers: one run of text (or one list item's nested lines).</summary>
internal sealed class TextRun : BlockContext
{
    public TextRun(List<SourceLine> lines, List<Diagnostic> diagnostics, int baseIndent, int depth)
        : base(lines, diagnostics)
    {
        BaseIndent = baseIndent;
        Depth = depth;
    }

    /// <summary>The column where the run's prose starts; text indented further is preformatted.</summary>
    public int BaseIndent { get; }

    /// <summary>How many list items the run is nested in.</summary>
    public int Depth { get; }

    /// <summary>The blocks read so far, in order.</summary>
    public List<Block> Blocks { get; } = [];

    /// <summary>Reads lines [from, to) one level deeper (a list item's own blocks).</summary>
    public List<Block> ParseNested(int from, int to, int baseIndent) =>
        TextBlocks.Parse(Lines, Diagnostics, from, to, baseIndent, Depth + 1);
}
