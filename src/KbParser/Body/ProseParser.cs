using Kb.Parser.Model;
using static Kb.Parser.Body.BlockText;
using static Kb.Parser.Body.LineClassifier;

namespace Kb.Parser.Body;

/// <summary>
/// The catch-all, last in the list: lines up to a blank line, re-flowed into a paragraph. A marker after
/// a line that ends a clause, or an indented line after a colon, starts a block of its own; a chunk of
/// short or column-aligned lines closes as preformatted text instead.
/// </summary>
internal sealed class ProseParser : BlockParser<TextRun, OpenBlock>
{
    protected override OpenBlock Open(TextRun context, int k) => new();

    protected override bool Continue(TextRun context, OpenBlock block, int k, int blanks)
    {
        if (blanks > 0)
        {
            return false;
        }

        var l = context.Lines[k];
        var prev = context.Lines[k - 1];
        if (EndsClause(prev) && (TryBullet(l, out _) || TryNumber(l, out _) || IsReferenceStart(l)))
        {
            return false;
        }

        return !(EndsWithColon(prev) && l.Indent >= context.BaseIndent + 2);
    }

    protected override void CloseBlock(TextRun context, OpenBlock block)
    {
        var (start, end) = (block.First, block.End);
        context.Blocks.Add(LooksPreformatted(context, start, end)
            ? Preformatted(context, start, end)
            : new ParagraphBlock { Lines = context.Span(start, end), Text = Reflow(context.Lines, start, end) });
    }

    /// <summary>Half the lines with a column gap, or three or more short lines: a table or listing.</summary>
    internal static bool LooksPreformatted(TextRun context, int start, int end)
    {
        var count = end - start;
        if (count < 2)
        {
            return false;
        }

        int gaps = 0, shortLines = 0, total = 0;
        for (var k = start; k < end; k++)
        {
            var l = context.Lines[k];
            var len = l.End - l.Start;
            total += len;
            if (HasColumnGap(l))
            {
                gaps++;
            }

            if (len < 40)
            {
                shortLines++;
            }
        }

        return gaps * 2 >= count || (count >= 3 && shortLines == count && total / count < 30);
    }
}
