using Kb.Parser.Model;
using static Kb.Parser.Body.LineClassifier;

namespace Kb.Parser.Body;

/// <summary>A section heading: a line underlined with <c>=</c>. It closes the open section and opens its own.</summary>
internal sealed class SectionHeadingParser : BlockParser<BodyRun, OpenBlock>
{
    protected override OpenBlock? Open(BodyRun context, int k) =>
        k + 1 < context.Lines.Count && IsUnderline(context.Lines[k], context.Lines[k + 1], '=') ? new OpenBlock() : null;

    protected override bool Continue(BodyRun context, OpenBlock block, int k, int blanks) => k == block.First + 1;

    protected override void CloseBlock(BodyRun context, OpenBlock block)
    {
        var line = context.Lines[block.First];
        context.OpenSection(line.Trimmed, new LineSpan(line.Number, context.Lines[block.Last].Number));
    }
}

/// <summary>
/// A subsection heading: a line underlined with <c>-</c>, or a "Method 1:"-style lead alone between
/// blank lines near the prose margin. It closes the open subsection and opens its own.
/// </summary>
internal sealed class SubsectionHeadingParser : BlockParser<BodyRun, SubsectionHeadingParser.Heading>
{
    /// <summary>An open heading: whether an underline follows.</summary>
    internal sealed class Heading(bool underlined) : OpenBlock
    {
        public bool Underlined { get; } = underlined;
    }

    protected override Heading? Open(BodyRun context, int k)
    {
        var lines = context.Lines;
        var line = lines[k];
        if (k + 1 < lines.Count && IsUnderline(line, lines[k + 1], '-'))
        {
            return new Heading(underlined: true);
        }

        return IsLeadHeading(line) && line.Indent <= context.BaseIndent + 2 && IsAlone(lines, k) ? new Heading(underlined: false) : null;
    }

    protected override bool Continue(BodyRun context, Heading block, int k, int blanks) =>
        block.Underlined && k == block.First + 1;

    protected override void CloseBlock(BodyRun context, Heading block)
    {
        var line = context.Lines[block.First];
        context.OpenSubsection(line.Trimmed, new LineSpan(line.Number, context.Lines[block.Last].Number));
    }

    /// <summary>True when the line stands alone: blank (or nothing) before and after it.</summary>
    private static bool IsAlone(List<Text.SourceLine> lines, int i) =>
        (i == 0 || lines[i - 1].IsBlank) && (i + 1 >= lines.Count || lines[i + 1].IsBlank);
}

/// <summary>
/// A rule at the prose margin (one line of <c>-</c>, <c>=</c>, <c>_</c> or <c>*</c>): part of the frame.
/// An indented rule, or one under table column headers, belongs to the text around it.
/// </summary>
internal sealed class FrameRuleParser : BlockParser<BodyRun, OpenBlock>
{
    protected override OpenBlock? Open(BodyRun context, int k)
    {
        var line = context.Lines[k];
        return IsRule(line, out _) && line.Indent <= context.BaseIndent + 2 && (k == 0 || !HasColumnGap(context.Lines[k - 1]))
            ? new OpenBlock() : null;
    }

    protected override bool Continue(BodyRun context, OpenBlock block, int k, int blanks) => false;

    protected override void CloseBlock(BodyRun context, OpenBlock block)
    {
        var line = context.Lines[block.First];
        context.Result.Frame.Add(new FrameLine(line.Number, line.Trimmed));
    }
}

/// <summary>
/// The catch-all, last in the list: the text between the frame's parts. Every parser before it may
/// interrupt it on any line; when it closes, <see cref="TextBlocks"/> reads its lines into blocks of
/// the open subsection or section.
/// </summary>
internal sealed class TextRunParser : BlockParser<BodyRun, OpenBlock>
{
    public override bool Interruptible => true;

    protected override OpenBlock Open(BodyRun context, int k) => new();

    protected override bool Continue(BodyRun context, OpenBlock block, int k, int blanks) => true;

    protected override void CloseBlock(BodyRun context, OpenBlock block) =>
        context.AddBlocks(TextBlocks.Parse(context.Lines, context.Diagnostics, block.First, block.End, context.BaseIndent));
}
