using static Kb.Parser.Body.LineClassifier;

namespace Kb.Parser.Body;

/// <summary>
/// Text indented past the prose margin (commands, code, listings): it keeps its columns. The block runs
/// over up to two blank lines when the text after them is still indented and opens no list, reference or
/// note.
/// </summary>
internal class PreformattedParser : BlockParser<TextRun, OpenBlock>
{
    /// <summary>The indentation a line after blank lines needs to stay in the block.</summary>
    protected virtual int MinIndent(TextRun context) => context.BaseIndent + 2;

    protected override OpenBlock? Open(TextRun context, int k) =>
        context.Lines[k].Indent >= context.BaseIndent + 2 ? new OpenBlock() : null;

    protected override bool Continue(TextRun context, OpenBlock block, int k, int blanks)
    {
        if (blanks == 0)
        {
            return true;
        }

        var l = context.Lines[k];
        return blanks <= 2 && l.Indent >= MinIndent(context)
            && !TryBullet(l, out _) && !TryNumber(l, out _) && !IsReferenceStart(l) && !TryNoteLabel(l, out _);
    }

    protected override void CloseBlock(TextRun context, OpenBlock block) =>
        context.Blocks.Add(BlockText.Preformatted(context, block.First, block.End));
}

/// <summary>
/// First in the list: past <see cref="TextBlocks.MaxDepth"/> nested items every line is preformatted
/// text, reported once per block, so no input can nest the parser without end.
/// </summary>
internal sealed class DepthLimitParser : PreformattedParser
{
    protected override int MinIndent(TextRun context) => 0;

    protected override OpenBlock? Open(TextRun context, int k) => context.Depth >= TextBlocks.MaxDepth ? new OpenBlock() : null;

    protected override void CloseBlock(TextRun context, OpenBlock block)
    {
        context.Diagnostics.Add(new Model.Diagnostic(DiagnosticCodes.Parser.DepthLimit, context.Lines[block.First].Number,
            "nesting too deep; kept as preformatted text"));
        base.CloseBlock(context, block);
    }
}
