using System.Text;
using Kb.Parser.Model;
using static Kb.Parser.Body.LineClassifier;

namespace Kb.Parser.Body;

/// <summary>
/// The "The information in this article applies to:" frame: an optional dashed rule, the intro line, the
/// entries (bullets, or lines with indented continuations) and the closing dashed rule. Without an opening
/// rule the list ends at the first blank line after an entry; it never runs past a heading or 400 lines.
/// </summary>
internal sealed class AppliesToParser : BlockParser<BodyRun, AppliesToParser.AppliesTo>
{
    private const int MaxLines = 400;

    /// <summary>An open applies-to frame: where its intro is and the entry being read.</summary>
    internal sealed class AppliesTo(int introAt, bool opensWithRule) : OpenBlock
    {
        public int IntroAt { get; } = introAt;
        public bool OpensWithRule { get; } = opensWithRule;
        public bool FrameAdded { get; set; }
        public bool Closed { get; set; }
        public bool SawBlankAfterEntries { get; set; }
        public StringBuilder EntryText { get; } = new();
        public int EntryStart { get; set; } = -1;
        public int EntryEnd { get; set; } = -1;
        public int EntryIndent { get; set; }
    }

    protected override AppliesTo? Open(BodyRun context, int k)
    {
        var lines = context.Lines;
        var line = lines[k];
        var introAt = k;
        var opensWithRule = IsRule(line, out var rc) && rc == '-' && line.End - line.Start >= 20;
        if (opensWithRule)
        {
            introAt = context.NextNonBlank(k + 1, lines.Count);
            if (introAt >= lines.Count || introAt - k > 2)
            {
                return null;
            }
        }

        var intro = lines[introAt];
        if (!opensWithRule && !intro.Content.StartsWith("The ", StringComparison.Ordinal)
            && !intro.Content.StartsWith("This ", StringComparison.Ordinal))
        {
            return null;
        }

        if (intro.Indent > 2 || !intro.Content.Contains("applies to", StringComparison.OrdinalIgnoreCase)
            || intro.End - intro.Start > 80)
        {
            return null;
        }

        return new AppliesTo(introAt, opensWithRule);
    }

    protected override bool Continue(BodyRun context, AppliesTo block, int k, int blanks)
    {
        AddFrame(context, block);
        if (k == block.IntroAt)
        {
            return true; // the intro after the opening rule
        }

        if (block.Closed || k >= block.IntroAt + MaxLines)
        {
            return false;
        }

        block.SawBlankAfterEntries |= blanks > 0 && (context.Result.AppliesTo.Count > 0 || block.EntryStart >= 0);
        var lines = context.Lines;
        var l = lines[k];
        if (IsRule(l, out var r) && r == '-')
        {
            FlushEntry(context, block);
            context.Result.Frame.Add(new FrameLine(l.Number, l.Trimmed));
            block.Closed = true;
            return true;
        }

        if (block.SawBlankAfterEntries && !block.OpensWithRule)
        {
            return false;
        }

        if (k + 1 < lines.Count && (IsUnderline(l, lines[k + 1], '=') || IsUnderline(l, lines[k + 1], '-')))
        {
            return false;
        }

        if (TryBullet(l, out var ml))
        {
            FlushEntry(context, block);
            block.EntryStart = block.EntryEnd = l.Number;
            block.EntryIndent = l.Indent;
            block.EntryText.Append(l.Source.AsSpan(l.Start + ml, l.End - l.Start - ml));
        }
        else if (block.EntryStart >= 0 && l.Indent > block.EntryIndent && !block.SawBlankAfterEntries)
        {
            block.EntryText.Append(' ').Append(l.Content);
            block.EntryEnd = l.Number;
        }
        else
        {
            FlushEntry(context, block);
            block.EntryStart = block.EntryEnd = l.Number;
            block.EntryIndent = l.Indent;
            block.EntryText.Append(l.Content);
        }

        return true;
    }

    protected override void CloseBlock(BodyRun context, AppliesTo block)
    {
        AddFrame(context, block);
        FlushEntry(context, block);
    }

    /// <summary>The opening rule and the intro go to the frame once, before anything the block reads after them.</summary>
    private static void AddFrame(BodyRun context, AppliesTo block)
    {
        if (block.FrameAdded)
        {
            return;
        }

        block.FrameAdded = true;
        var lines = context.Lines;
        if (block.OpensWithRule)
        {
            context.Result.Frame.Add(new FrameLine(lines[block.First].Number, lines[block.First].Trimmed));
        }

        context.Result.Frame.Add(new FrameLine(lines[block.IntroAt].Number, lines[block.IntroAt].Trimmed));
    }

    private static void FlushEntry(BodyRun context, AppliesTo block)
    {
        if (block.EntryStart >= 0)
        {
            context.Result.AppliesTo.Add(HeaderValues.ParseAppliesTo(block.EntryText.ToString(),
                new LineSpan(block.EntryStart, block.EntryEnd)));
        }

        block.EntryStart = -1;
        block.EntryText.Clear();
    }
}
