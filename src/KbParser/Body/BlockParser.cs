using System.Text;
using Kb.Parser.Model;
using Kb.Parser.Text;
using static Kb.Parser.Body.LineClassifier;

namespace Kb.Parser.Body;

/// <summary>
/// Reads a run of body lines into blocks: lists, references, notes, preformatted text and
/// re-flowed paragraphs. Every non-blank line in the run ends up in exactly one block.
/// </summary>
internal sealed class BlockParser
{
    private const int MaxDepth = 12;
    private readonly List<SourceLine> _lines;
    private readonly List<Diagnostic> _diagnostics;

    public BlockParser(List<SourceLine> lines, List<Diagnostic> diagnostics)
    {
        _lines = lines;
        _diagnostics = diagnostics;
    }

    /// <summary>Parses lines [from, to) whose prose starts at column <paramref name="baseIndent"/>.</summary>
    public List<Block> Parse(int from, int to, int baseIndent, int depth = 0)
    {
        var blocks = new List<Block>();
        var i = from;
        while (i < to)
        {
            if (_lines[i].IsBlank)
            {
                i++;
                continue;
            }

            var start = i;
            var line = _lines[i];
            if (depth >= MaxDepth)
            {
                _diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.DepthLimit, line.Number, "nesting too deep; kept as preformatted text"));
                i = ReadPreformatted(from: i, to, minIndent: 0, blocks, mergeAcrossBlanks: true);
            }
            else if (TryBullet(line, out _))
            {
                i = ReadList(i, to, ordered: false, depth, blocks);
            }
            else if (TryNumber(line, out _))
            {
                i = ReadList(i, to, ordered: true, depth, blocks);
            }
            else if (IsReferenceStart(line))
            {
                i = ReadReferences(i, to, blocks);
            }
            else if (TryNoteLabel(line, out var label))
            {
                i = ReadNote(i, to, label, blocks);
            }
            else if (line.Indent >= baseIndent + 2)
            {
                i = ReadPreformatted(i, to, baseIndent + 2, blocks, mergeAcrossBlanks: true);
            }
            else
            {
                i = ReadProse(i, to, baseIndent, blocks);
            }

            if (i <= start)
            {
                // Defensive: every reader consumes at least its first line.
                i = start + 1;
            }
        }

        return blocks;
    }

    private int ChunkEnd(int i, int to)
    {
        while (i < to && !_lines[i].IsBlank)
        {
            i++;
        }

        return i;
    }

    private int NextNonBlank(int i, int to)
    {
        while (i < to && _lines[i].IsBlank)
        {
            i++;
        }

        return i;
    }

    private int ReadProse(int i, int to, int baseIndent, List<Block> blocks)
    {
        var start = i;
        var end = i + 1;
        while (end < to && !_lines[end].IsBlank)
        {
            var l = _lines[end];
            var prevEndsClause = EndsClause(_lines[end - 1]);
            if (prevEndsClause && (TryBullet(l, out _) || TryNumber(l, out _) || IsReferenceStart(l)))
            {
                break;
            }

            if (EndsWithColon(_lines[end - 1]) && l.Indent >= baseIndent + 2)
            {
                break;
            }

            end++;
        }

        if (LooksPreformatted(start, end))
        {
            blocks.Add(MakePreformatted(start, end));
        }
        else
        {
            blocks.Add(new ParagraphBlock { Lines = Span(start, end), Text = Reflow(start, end, 0) });
        }

        return end;
    }

    private bool LooksPreformatted(int start, int end)
    {
        var count = end - start;
        if (count < 2)
        {
            return false;
        }

        int gaps = 0, shortLines = 0, total = 0;
        for (var k = start; k < end; k++)
        {
            var l = _lines[k];
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

    private int ReadPreformatted(int from, int to, int minIndent, List<Block> blocks, bool mergeAcrossBlanks)
    {
        var end = ChunkEnd(from, to);
        while (mergeAcrossBlanks)
        {
            var next = NextNonBlank(end, to);
            if (next >= to || next - end > 2)
            {
                break;
            }

            var l = _lines[next];
            if (l.Indent < minIndent || TryBullet(l, out _) || TryNumber(l, out _) || IsReferenceStart(l) || TryNoteLabel(l, out _))
            {
                break;
            }

            end = ChunkEnd(next, to);
        }

        blocks.Add(MakePreformatted(from, end));
        return end;
    }

    private PreformattedBlock MakePreformatted(int start, int end)
    {
        var last = end - 1;
        while (last > start && _lines[last].IsBlank)
        {
            last--;
        }

        var common = int.MaxValue;
        for (var k = start; k <= last; k++)
        {
            if (!_lines[k].IsBlank)
            {
                common = Math.Min(common, _lines[k].Column);
            }
        }

        var sb = new StringBuilder();
        for (var k = start; k <= last; k++)
        {
            var l = _lines[k];
            if (k > start)
            {
                sb.Append('\n');
            }

            if (!l.IsBlank)
            {
                var from = l.LineStart + Math.Min(common, l.Column);
                sb.Append(l.Source.AsSpan(from, l.End - from));
            }
        }

        return new PreformattedBlock { Lines = Span(start, last + 1), Text = sb.ToString() };
    }

    private int ReadNote(int i, int to, string label, List<Block> blocks)
    {
        var end = ChunkEnd(i, to);
        var first = _lines[i];
        var colon = first.Source.IndexOf(':', first.Start, first.End - first.Start);
        var text = new StringBuilder(first.Source.AsSpan(colon + 1, first.End - colon - 1).Trim().ToString());
        for (var k = i + 1; k < end; k++)
        {
            AppendWords(text, _lines[k].Content);
        }

        blocks.Add(new NoteBlock { Lines = Span(i, end), Label = label, Text = text.ToString() });
        return end;
    }

    private int ReadReferences(int i, int to, List<Block> blocks)
    {
        var items = new List<Reference>();
        var refIndent = _lines[i].Indent;
        var k = i;
        string? pendingId = null;
        var title = new StringBuilder();

        void Flush()
        {
            if (pendingId is not null)
            {
                items.Add(new Reference(pendingId, title.Length == 0 ? null : title.ToString()));
            }

            pendingId = null;
            title.Clear();
        }

        while (k < to && !_lines[k].IsBlank)
        {
            var l = _lines[k];
            if (IsReferenceStart(l))
            {
                Flush();
                var c = l.Content;
                if (c.StartsWith("ARTICLE-ID", StringComparison.OrdinalIgnoreCase))
                {
                    pendingId = ArticleIds.FirstIn(c.ToString()) ?? c.ToString();
                }
                else
                {
                    var sp = c.IndexOfAny(' ', '\t');
                    pendingId = sp < 0 ? c.ToString() : c[..sp].ToString();
                    if (sp >= 0)
                    {
                        title.Append(c[sp..].Trim());
                    }
                }

                refIndent = l.Indent;
            }
            else if (pendingId is not null && IsTitleLine(l))
            {
                var c = l.Content;
                title.Clear();
                title.Append(c[(c.IndexOf(':') + 1)..].Trim());
            }
            else if (pendingId is not null && (l.Indent > refIndent || title.Length > 0))
            {
                AppendWords(title, l.Content);
            }
            else
            {
                break;
            }

            k++;
        }

        Flush();
        var raw = new StringBuilder();
        for (var r = i; r < k; r++)
        {
            raw.Append(r > i ? "\n" : "").Append(_lines[r].Content);
        }

        blocks.Add(new ReferencesBlock { Lines = Span(i, k), Items = items, Text = raw.ToString() });
        return k;
    }

    private int ReadList(int i, int to, bool ordered, int depth, List<Block> blocks)
    {
        var items = new List<ListItem>();
        var listIndent = _lines[i].Indent;
        var start = i;
        var last = i;
        while (i < to)
        {
            var line = _lines[i];
            int markerLength;
            var isMarker = ordered ? TryNumber(line, out markerLength) : TryBullet(line, out markerLength);
            if (!isMarker || Math.Abs(line.Indent - listIndent) > 1)
            {
                break;
            }

            var contentCol = line.Indent + markerLength;
            var marker = line.Source[line.Start..(line.Start + markerLength)].TrimEnd();
            var text = new StringBuilder(line.Source.AsSpan(line.Start + markerLength, line.End - line.Start - markerLength).ToString());
            var j = i + 1;
            while (j < to && !_lines[j].IsBlank && !TryBullet(_lines[j], out _) && !TryNumber(_lines[j], out _)
                   && !(EndsWithColon(_lines[j - 1]) && _lines[j].Indent >= contentCol + 2))
            {
                AppendWords(text, _lines[j].Content);
                j++;
            }

            var leadEnd = j;
            // Blocks indented under the item: directly after the lead, or after blank lines.
            var nestedStart = NextNonBlank(j, to);
            var nestedEnd = leadEnd;
            var tolerance = Math.Max(listIndent + 1, contentCol - 1);
            if (nestedStart < to && IsInsideItem(_lines[nestedStart], tolerance, listIndent, ordered))
            {
                var k = nestedStart;
                while (k < to)
                {
                    var n = NextNonBlank(k, to);
                    if (n >= to || !IsInsideItem(_lines[n], tolerance, listIndent, ordered))
                    {
                        break;
                    }

                    k = ChunkEnd(n, to);
                    nestedEnd = k;
                }
            }

            // Prose under an item starts at the item's text column (or a little left of it); anything
            // indented further, such as a command to type, is preformatted.
            var nested = nestedEnd > leadEnd
                ? Parse(nestedStart, nestedEnd, Math.Min(contentCol, MinIndent(nestedStart, nestedEnd)), depth + 1)
                : [];
            items.Add(new ListItem { Marker = marker, Text = text.ToString(), Lines = Span(i, leadEnd), Blocks = nested });
            last = Math.Max(leadEnd, nestedEnd);
            i = NextNonBlank(last, to);
            if (i - last > 3)
            {
                break;
            }
        }

        blocks.Add(new ListBlock { Lines = Span(start, last), Ordered = ordered, Items = items });
        return last;
    }

    private static bool IsInsideItem(in SourceLine l, int tolerance, int listIndent, bool ordered)
    {
        if (l.Indent < tolerance)
        {
            return false;
        }

        // A sibling marker at the list's own indentation starts the next item.
        var sibling = ordered ? TryNumber(l, out _) : TryBullet(l, out _);
        return !(sibling && Math.Abs(l.Indent - listIndent) <= 1);
    }

    private int MinIndent(int from, int to)
    {
        var min = int.MaxValue;
        for (var k = from; k < to; k++)
        {
            if (!_lines[k].IsBlank)
            {
                min = Math.Min(min, _lines[k].Indent);
            }
        }

        return min == int.MaxValue ? 0 : min;
    }

    private string Reflow(int start, int end, int skipFirst)
    {
        // The lines' words joined by single spaces, measured first so the text is built in one allocation.
        var length = -1;
        for (var k = start; k < end; k++)
        {
            var part = ReflowPart(k, start, skipFirst);
            length += part.IsEmpty ? 0 : part.Length + 1;
        }

        if (length <= 0)
        {
            return "";
        }

        return string.Create(length, (Parser: this, Start: start, End: end, SkipFirst: skipFirst), static (span, state) =>
        {
            var at = 0;
            for (var k = state.Start; k < state.End; k++)
            {
                var part = state.Parser.ReflowPart(k, state.Start, state.SkipFirst);
                if (part.IsEmpty)
                {
                    continue;
                }

                if (at > 0)
                {
                    span[at++] = ' ';
                }

                part.CopyTo(span[at..]);
                at += part.Length;
            }
        });
    }

    private ReadOnlySpan<char> ReflowPart(int k, int start, int skipFirst)
    {
        var c = _lines[k].Content;
        return (k == start ? c[Math.Min(skipFirst, c.Length)..] : c).Trim();
    }

    private static void AppendWords(StringBuilder sb, ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return;
        }

        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(text);
    }

    private static bool EndsClause(in SourceLine l)
    {
        var c = l.Content;
        return c.Length > 0 && c[^1] is ':' or '.' or '?' or '!' or ';';
    }

    private static bool EndsWithColon(in SourceLine l)
    {
        var c = l.Content;
        return c.Length > 0 && c[^1] == ':';
    }

    private LineSpan Span(int start, int endExclusive)
    {
        var last = endExclusive - 1;
        while (last > start && _lines[last].IsBlank)
        {
            last--;
        }

        return new LineSpan(_lines[start].Number, _lines[last].Number);
    }
}
