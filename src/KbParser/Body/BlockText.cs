using System.Text;
using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser.Body;

/// <summary>Text helpers the block parsers share: re-flowing lines, keeping columns, line endings.</summary>
internal static class BlockText
{
    /// <summary>The words of lines [start, end) joined by single spaces, built in one allocation.</summary>
    public static string Reflow(List<SourceLine> lines, int start, int end)
    {
        var length = -1;
        for (var k = start; k < end; k++)
        {
            var part = lines[k].Content.Trim();
            length += part.IsEmpty ? 0 : part.Length + 1;
        }

        if (length <= 0)
        {
            return "";
        }

        return string.Create(length, (Lines: lines, Start: start, End: end), static (span, state) =>
        {
            var at = 0;
            for (var k = state.Start; k < state.End; k++)
            {
                var part = state.Lines[k].Content.Trim();
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

    /// <summary>Lines [start, end) as a preformatted block: the common indentation removed, columns kept.</summary>
    public static PreformattedBlock Preformatted(BlockContext context, int start, int end)
    {
        var lines = context.Lines;
        var last = end - 1;
        while (last > start && lines[last].IsBlank)
        {
            last--;
        }

        var common = int.MaxValue;
        for (var k = start; k <= last; k++)
        {
            if (!lines[k].IsBlank)
            {
                common = Math.Min(common, lines[k].Column);
            }
        }

        var sb = new StringBuilder();
        for (var k = start; k <= last; k++)
        {
            var l = lines[k];
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

        return new PreformattedBlock { Lines = context.Span(start, last + 1), Text = sb.ToString() };
    }

    /// <summary>Appends the trimmed text after a space (none before the first words).</summary>
    public static void AppendWords(StringBuilder sb, ReadOnlySpan<char> text)
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

    /// <summary>True when the line ends a clause (<c>:</c>, <c>.</c>, <c>?</c>, <c>!</c>, <c>;</c>).</summary>
    public static bool EndsClause(in SourceLine l)
    {
        var c = l.Content;
        return c.Length > 0 && c[^1] is ':' or '.' or '?' or '!' or ';';
    }

    /// <summary>True when the line ends with a colon (it introduces what follows).</summary>
    public static bool EndsWithColon(in SourceLine l)
    {
        var c = l.Content;
        return c.Length > 0 && c[^1] == ':';
    }
}
