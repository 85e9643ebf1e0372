using System.Text;
using Kb.Parser.Model;
using Kb.Parser.Text;
using static Kb.Parser.Body.LineClassifier;

namespace Kb.Parser.Body;

/// <summary>
/// A bullet list or a numbered list (one instance each). An item is its marker line and the lines that
/// run on from it (its lead, re-flowed), then the lines indented under it, after blank lines or not,
/// which the text-block parsers read again one level deeper when the item closes. The next item is a
/// marker of the same kind at the list's indentation, at most three blank lines after the last.
/// </summary>
internal sealed class ListParser : BlockParser<TextRun, ListParser.List>
{
    private readonly bool _ordered;

    public ListParser(bool ordered) => _ordered = ordered;

    /// <summary>An open list: the items read, and the one being read.</summary>
    internal sealed class List(int indent) : OpenBlock
    {
        public int Indent { get; } = indent;
        public List<ListItem> Items { get; } = [];

        // The open item: its marker line, where its text starts, its lead and its nested lines [NestedStart, NestedEnd).
        public int ItemStart { get; set; }
        public string Marker { get; set; } = "";
        public int ContentColumn { get; set; }
        public StringBuilder Text { get; } = new();
        public int LeadEnd { get; set; }
        public int NestedStart { get; set; } = -1;
        public int NestedEnd { get; set; }
        public bool InLead => NestedStart < 0;
        public bool ItemOpen { get; set; }

        /// <summary>The indentation a nested line needs: past the list's, about where the item's text starts.</summary>
        public int Tolerance => Math.Max(Indent + 1, ContentColumn - 1);
    }

    protected override List? Open(TextRun context, int k)
    {
        var l = context.Lines[k];
        if (!TryMarker(l, out var markerLength))
        {
            return null;
        }

        var list = new List(l.Indent);
        StartItem(list, l, k, markerLength);
        return list;
    }

    protected override bool Continue(TextRun context, List block, int k, int blanks)
    {
        var lines = context.Lines;
        var l = lines[k];
        if (block.InLead)
        {
            if (blanks == 0 && !TryBullet(l, out _) && !TryNumber(l, out _)
                && !(BlockText.EndsWithColon(lines[k - 1]) && l.Indent >= block.ContentColumn + 2))
            {
                BlockText.AppendWords(block.Text, l.Content);
                block.LeadEnd = k + 1;
                return true;
            }

            if (IsInsideItem(block, l))
            {
                block.NestedStart = k;
                block.NestedEnd = k + 1;
                return true;
            }
        }
        else if (blanks == 0 || IsInsideItem(block, l))
        {
            // A chunk of nested lines runs to the next blank line, whatever its lines look like.
            block.NestedEnd = k + 1;
            return true;
        }

        CloseItem(context, block);
        if (blanks > 3 || !TryMarker(l, out var markerLength) || Math.Abs(l.Indent - block.Indent) > 1)
        {
            return false;
        }

        StartItem(block, l, k, markerLength);
        return true;
    }

    protected override void CloseBlock(TextRun context, List block)
    {
        if (block.ItemOpen)
        {
            CloseItem(context, block);
        }

        context.Blocks.Add(new ListBlock { Lines = context.Span(block.First, block.End), Ordered = _ordered, Items = block.Items });
    }

    private bool TryMarker(in SourceLine l, out int markerLength) =>
        _ordered ? TryNumber(l, out markerLength) : TryBullet(l, out markerLength);

    private static void StartItem(List list, in SourceLine l, int k, int markerLength)
    {
        list.ItemStart = k;
        list.ContentColumn = l.Indent + markerLength;
        list.Marker = l.Source[l.Start..(l.Start + markerLength)].TrimEnd();
        list.Text.Clear();
        list.Text.Append(l.Source.AsSpan(l.Start + markerLength, l.End - l.Start - markerLength));
        list.LeadEnd = k + 1;
        list.NestedStart = -1;
        list.ItemOpen = true;
    }

    /// <summary>The item ends: its nested lines are read into blocks, and it joins the list.</summary>
    private static void CloseItem(TextRun context, List list)
    {
        // Prose under an item starts at the item's text column (or a little left of it); anything
        // indented further, such as a command to type, is preformatted.
        IReadOnlyList<Block> nested = list.InLead
            ? []
            : context.ParseNested(list.NestedStart, list.NestedEnd,
                Math.Min(list.ContentColumn, context.MinIndent(list.NestedStart, list.NestedEnd)));
        list.Items.Add(new ListItem
        {
            Marker = list.Marker, Text = list.Text.ToString(), Lines = context.Span(list.ItemStart, list.LeadEnd), Blocks = nested,
        });
        list.ItemOpen = false;
    }

    /// <summary>Indented under the item, and not a sibling marker at the list's own indentation.</summary>
    private bool IsInsideItem(List list, in SourceLine l)
    {
        if (l.Indent < list.Tolerance)
        {
            return false;
        }

        return !(TryMarker(l, out _) && Math.Abs(l.Indent - list.Indent) <= 1);
    }
}
