using System.Text.RegularExpressions;
using Kb.Parser.Text;

namespace Kb.Parser.Body;

/// <summary>Cheap tests on one line: markers, rules, labels. No allocation for the common "no".</summary>
internal static partial class LineClassifier
{
    /// <summary>True when the line is only one repeated rule character (<c>-</c>, <c>=</c>, <c>_</c>, <c>*</c>).</summary>
    public static bool IsRule(in SourceLine line, out char ruleChar, int minLength = 3)
    {
        ruleChar = '\0';
        var c = line.Content;
        if (c.Length < minLength)
        {
            return false;
        }

        var first = c[0];
        if (first is not ('-' or '=' or '_' or '*'))
        {
            return false;
        }

        foreach (var ch in c)
        {
            if (ch != first)
            {
                return false;
            }
        }

        ruleChar = first;
        return true;
    }

    /// <summary>True when <paramref name="underline"/> underlines <paramref name="heading"/> with <paramref name="ch"/>.</summary>
    public static bool IsUnderline(in SourceLine heading, in SourceLine underline, char ch)
    {
        if (heading.IsBlank || !IsRule(underline, out var rc) || rc != ch)
        {
            return false;
        }

        if (IsRule(heading, out _))
        {
            return false;
        }

        // Column headers of a table ("File      Cabinet File" over dashes) are not headings.
        if (heading.Indent > 4 || HasColumnGap(heading))
        {
            return false;
        }

        var h = heading.End - heading.Start;
        var u = underline.End - underline.Start;
        return h <= 100 && u >= Math.Max(3, h / 2) && u <= h + 6 && Math.Abs(heading.Indent - underline.Indent) <= 2;
    }

    /// <summary>A bullet marker (<c>- </c>, <c>* </c>, <c>o </c>, <c>+ </c>, <c>•</c>); returns its length with the following spaces.</summary>
    public static bool TryBullet(in SourceLine line, out int markerLength)
    {
        markerLength = 0;
        var c = line.Content;
        if (c.Length < 3)
        {
            return false;
        }

        var m = c[0];
        if (m is '-' or '*' or '+' or 'o' or '•' or '·')
        {
            if (c[1] != ' ' && c[1] != '\t')
            {
                return false;
            }

            if (m == '-' && c[2] == '-')
            {
                return false;
            }

            var k = 1;
            while (k < c.Length && (c[k] == ' ' || c[k] == '\t'))
            {
                k++;
            }

            if (k >= c.Length)
            {
                return false;
            }

            // "o" is a bullet only when a word follows, and "-or-" style lines are not bullets.
            if (m == 'o' && !char.IsLetterOrDigit(c[k]) && c[k] != '"')
            {
                return false;
            }

            markerLength = k;
            return true;
        }

        return false;
    }

    /// <summary>A step marker (<c>1.</c>, <c>2)</c>, <c>(3)</c>, <c>a.</c>); returns its length with the following spaces.</summary>
    public static bool TryNumber(in SourceLine line, out int markerLength)
    {
        markerLength = 0;
        var c = line.Content;
        var k = 0;
        var paren = false;
        if (c.Length > 0 && c[0] == '(')
        {
            paren = true;
            k++;
        }

        var digits = 0;
        while (k < c.Length && char.IsAsciiDigit(c[k]) && digits < 3)
        {
            k++;
            digits++;
        }

        if (digits == 0)
        {
            if (k < c.Length && c[k] is >= 'a' and <= 'h' && k + 1 < c.Length && (c[k + 1] == '.' || c[k + 1] == ')'))
            {
                k++;
            }
            else
            {
                return false;
            }
        }

        if (k >= c.Length)
        {
            return false;
        }

        if (paren ? c[k] != ')' : c[k] is not ('.' or ')'))
        {
            return false;
        }

        k++;
        var spaceStart = k;
        while (k < c.Length && (c[k] == ' ' || c[k] == '\t'))
        {
            k++;
        }

        if (k == spaceStart || k >= c.Length)
        {
            return false;
        }

        markerLength = k;
        return true;
    }

    public static bool TryNoteLabel(in SourceLine line, out string label)
    {
        var c = line.Content;
        if (c.Length < 4 || c[0] is not ('N' or 'W' or 'I' or 'C' or 'T'))
        {
            label = "";
            return false;
        }

        var m = NoteLabel().Match(line.Source, line.Start, Math.Min(line.End - line.Start, 20));
        label = m.Success ? m.Groups[1].Value.ToUpperInvariant() : "";
        return m.Success;
    }

    public static bool IsReferenceStart(in SourceLine line)
    {
        var c = line.Content;
        if (c.Length >= 6 && c[0] == 'Q' && char.IsAsciiDigit(c[1]))
        {
            var k = 1;
            while (k < c.Length && char.IsAsciiDigit(c[k]))
            {
                k++;
            }

            var digits = k - 1;
            return digits is >= 4 and <= 7 && (k == c.Length || c[k] == ' ' || c[k] == '\t');
        }

        return c.StartsWith("ARTICLE-ID", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsTitleLine(in SourceLine line) =>
        line.Content.StartsWith("TITLE", StringComparison.Ordinal) && line.Content.TrimStart("TITLE").TrimStart().StartsWith(':');

    /// <summary>"Method 1", "Option 2: Use ...", "Workaround 3" alone on a line: a subsection lead.</summary>
    public static bool IsLeadHeading(in SourceLine line)
    {
        var c = line.Content;
        if (c.Length > 120 || c.Length < 6 || c[0] is not ('M' or 'O' or 'S' or 'W' or 'R' or 'C' or 'P'))
        {
            return false;
        }

        return LeadHeading().IsMatch(c);
    }

    /// <summary>True when the line has a run of three or more spaces between words (a column gap).</summary>
    public static bool HasColumnGap(in SourceLine line)
    {
        // Three spaces in a row, or a tab after the first character, separate columns.
        var c = line.Content;
        return c.IndexOf("   ", StringComparison.Ordinal) >= 0 || (c.Length > 1 && c[1..].Contains('\t'));
    }

    [GeneratedRegex(@"\G(NOTE|Note|WARNING|Warning|IMPORTANT|Important|CAUTION|Caution|TIP|Tip|NOTES|Notes)\s{0,3}:")]
    private static partial Regex NoteLabel();

    [GeneratedRegex(@"^(?:Method|METHOD|Option|OPTION|Solution|Workaround|WORKAROUND|Resolution|Scenario|Case|Procedure)\s+(?:\d{1,2}|[A-H]|One|Two|Three|Four|Five|Six)\b\s*(?:[:.\-–]\s*\S.*|:)?$")]
    private static partial Regex LeadHeading();
}
