using System.Text;
using Kb.Parser.Text;

namespace Kb.Parser.Forms;

/// <summary>
/// Lines of an original-form article for the body parser. Real lines are slices of the text (with their
/// 1-based numbers); the readers add synthetic lines (a header field under its Markdown name, the
/// underline a plain-word heading lacks) numbered as the source line they stand for.
/// </summary>
internal static class FormLines
{
    /// <summary>Every line of <paramref name="text"/> as a slice, without its line break.</summary>
    public static List<SourceLine> Split(string text)
    {
        var lines = new List<SourceLine>();
        var start = 0;
        var number = 1;
        while (start <= text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl;
            var stop = end > start && text[end - 1] == '\r' ? end - 1 : end;
            if (nl < 0 && start == text.Length)
            {
                break;
            }

            lines.Add(new SourceLine(number++, text, start, stop));
            if (nl < 0)
            {
                break;
            }

            start = nl + 1;
        }

        return lines;
    }

    public static SourceLine Synthetic(int number, string text) => new(number, text);

    public static int NextNonBlank(List<SourceLine> lines, int i)
    {
        while (i < lines.Count && lines[i].IsBlank)
        {
            i++;
        }

        return i;
    }

    /// <summary>A line of at least <paramref name="min"/> copies of <paramref name="c"/> and nothing else.</summary>
    public static bool IsRule(SourceLine line, char c, int min)
    {
        var s = line.Content;
        if (s.Length < min)
        {
            return false;
        }

        foreach (var ch in s)
        {
            if (ch != c)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A line that stands for a whole article whose line breaks were flattened into single spaces
    /// (some mirrors store them so): the same words, one line per heading, underline, rule and paragraph.
    /// A run of n <c>=</c> or <c>-</c> after a space underlines the n characters before the space.
    /// </summary>
    public static string Unflatten(string text)
    {
        var sb = new StringBuilder(text.Length + 256);
        var i = 0;
        var paragraphStart = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if ((c == '=' || c == '-') && (i == 0 || text[i - 1] == ' '))
            {
                var j = i;
                while (j < text.Length && text[j] == c)
                {
                    j++;
                }

                var n = j - i;
                if (n >= 3 && (j == text.Length || text[j] == ' '))
                {
                    // The underlined words are the n characters before the space, when they start a word.
                    var headStart = i - 1 - n;
                    var isUnderline = headStart >= paragraphStart && (headStart == 0 || text[headStart - 1] == ' ')
                        && text[headStart] != ' ' && n < 70;
                    var prose = text[paragraphStart..(isUnderline ? headStart : i)].Trim();
                    if (prose.Length > 0)
                    {
                        AppendProse(sb, prose);
                    }

                    if (isUnderline)
                    {
                        sb.Append(text, headStart, n).Append('\n');
                    }

                    sb.Append(c, n).Append(isUnderline ? "\n\n" : "\n");
                    i = paragraphStart = j;
                    continue;
                }

                i = j;
                continue;
            }

            i++;
        }

        var tail = text[paragraphStart..].Trim();
        if (tail.Length > 0)
        {
            AppendProse(sb, tail);
        }

        return sb.ToString();
    }

    private const string AppliesTo = "The information in this article applies to:";

    /// <summary>A paragraph; the applies-to introduction and its "- product" entries get a line each.</summary>
    private static void AppendProse(StringBuilder sb, string prose)
    {
        if (prose.StartsWith(AppliesTo, StringComparison.Ordinal))
        {
            sb.Append(AppliesTo).Append("\n\n");
            foreach (var entry in prose[AppliesTo.Length..].Split(" - ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                sb.Append(entry.StartsWith("- ", StringComparison.Ordinal) ? entry : "- " + entry).Append('\n');
            }

            return;
        }

        sb.Append(prose).Append("\n\n");
    }
}
