using System.Text.RegularExpressions;
using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser.Forms;

/// <summary>
/// The FTP/KB text form: <c>DOCUMENT:Qnnnnnn DD-MON-YYYY [code]</c>, <c>TITLE   :</c>, <c>PRODUCT :</c>,
/// <c>PROD/VER:</c>, <c>OPER/SYS:</c>, <c>KEYWORDS:</c>, a rule of <c>=</c>, then the same fixed-width
/// body the Markdown form carries. The header becomes the Markdown header fields; the body goes to
/// the body parser as it stands.
/// </summary>
internal static partial class FtpTextReader
{
    /// <summary>A text that starts with the form's header, or with a fixed-width heading and its underline.</summary>
    public static bool Matches(IReadOnlyList<string> head)
    {
        if (head.Count == 0)
        {
            return false;
        }

        var first = head[0];
        if (first.StartsWith("DOCUMENT:", StringComparison.Ordinal) || TitleLabel().IsMatch(first))
        {
            return true;
        }

        // A body without its header (some mirrors dropped it): a heading underlined with '=' of its own length.
        return head.Count > 1 && first.Length is > 3 and < 60 && head[1].Trim().Length == first.Trim().Length
            && head[1].Trim().All(c => c == '=');
    }

    public static ArticleRecord Read(string text, string? sourcePath, List<Diagnostic> diagnostics)
    {
        var lines = FormLines.Split(text);
        var i = FormLines.NextNonBlank(lines, 0);
        if (i < lines.Count && IsFlattened(lines[i]))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.Flattened, lines[i].Number,
                "the line breaks of this text were flattened into spaces; lines rebuilt from the rules and underlines (line numbers are of the rebuilt text)"));
            lines = FormLines.Split(FormLines.Unflatten(text));
            i = FormLines.NextNonBlank(lines, 0);
        }

        var fields = new List<(string Label, string Value, int Line)>();
        var k = i;
        var sawRule = false;
        while (k < lines.Count && k - i < 20)
        {
            var l = lines[k];
            if (FormLines.IsRule(l, '=', 20))
            {
                sawRule = true;
                k++;
                break;
            }

            if (l.IsBlank)
            {
                var next = FormLines.NextNonBlank(lines, k);
                if (fields.Count > 0 && next < lines.Count && FormLines.IsRule(lines[next], '=', 20))
                {
                    k = next;
                    continue;
                }

                if (fields.Count > 0)
                {
                    break;
                }

                k++;
                continue;
            }

            var found = Fields(l.Trimmed, l.Number);
            if (found.Count == 0)
            {
                break;
            }

            fields.AddRange(found);
            k++;
        }

        if (fields.Count == 0)
        {
            k = i;
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.FormHeader, i < lines.Count ? lines[i].Number : 0,
                "no DOCUMENT/TITLE header: the text starts with the body"));
        }
        else if (!sawRule)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.FormHeader, lines[Math.Max(0, Math.Min(k, lines.Count) - 1)].Number,
                "the header is not closed by a line of '='"));
        }

        var body = new List<SourceLine>();
        string? title = null, code = null;
        var (docLine, id, date) = (0, (string?)null, (string?)null);
        var mapped = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        foreach (var (label, value, line) in fields)
        {
            switch (label)
            {
                case "DOCUMENT":
                    var m = DocumentValue().Match(value);
                    docLine = line;
                    id = m.Groups["id"].Success ? m.Groups["id"].Value : null;
                    date = m.Groups["date"].Success ? m.Groups["date"].Value : null;
                    code = m.Groups["code"].Success ? m.Groups["code"].Value.Trim() : null;
                    if (id is null)
                    {
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.FormHeader, line, $"cannot read the DOCUMENT line '{value}'"));
                    }

                    break;
                case "TITLE":
                    title = value;
                    break;
                default:
                    mapped.TryAdd(label, (value, line));
                    break;
            }
        }

        if (fields.Count > 0)
        {
            var missing = Labels.Where(l => l != "DOCUMENT" && l != "TITLE" && !mapped.ContainsKey(l)).ToList();
            if (docLine == 0)
            {
                missing.Insert(0, "DOCUMENT");
            }

            if (missing.Count > 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.FormHeader, fields[0].Line,
                    "header lines missing: " + string.Join(", ", missing)));
            }
        }

        if (id is not null)
        {
            body.Add(FormLines.Synthetic(docLine, "Article: " + id));
        }

        foreach (var (label, name) in MarkdownNames)
        {
            if (mapped.TryGetValue(label, out var f))
            {
                body.Add(FormLines.Synthetic(f.Line, name + ": " + f.Value));
            }
        }

        if (date is not null)
        {
            body.Add(FormLines.Synthetic(docLine, "Last Modified: " + date));
        }

        if (body.Count > 0)
        {
            body.Add(FormLines.Synthetic(body[^1].Number, ""));
        }

        body.AddRange(lines.Skip(k));
        return FormReader.Finish(new FormArticle(SourceForms.FtpText, title, body, sourcePath) { ProductCode = code }, diagnostics);
    }

    private static readonly string[] Labels = ["DOCUMENT", "TITLE", "PRODUCT", "PROD/VER", "OPER/SYS", "KEYWORDS"];

    private static readonly (string Label, string Name)[] MarkdownNames =
        [("PRODUCT", "Product(s)"), ("PROD/VER", "Version(s)"), ("OPER/SYS", "Operating System(s)"), ("KEYWORDS", "Keyword(s)")];

    /// <summary>The header fields on one line: one, or all six when the line breaks were flattened.</summary>
    private static List<(string Label, string Value, int Line)> Fields(string line, int number)
    {
        var result = new List<(string, string, int)>();
        var matches = LabelAnywhere().Matches(line);
        if (matches.Count == 0 || matches[0].Index != 0)
        {
            return result;
        }

        for (var m = 0; m < matches.Count; m++)
        {
            var valueStart = matches[m].Index + matches[m].Length;
            var valueEnd = m + 1 < matches.Count ? matches[m + 1].Index : line.Length;
            result.Add((matches[m].Groups["label"].Value, line[valueStart..valueEnd].Trim(), number));
        }

        return result;
    }

    private static bool IsFlattened(SourceLine first)
    {
        var t = first.Content;
        return t.StartsWith("DOCUMENT:", StringComparison.Ordinal) && t.Contains("====================", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^TITLE\s*:")]
    private static partial Regex TitleLabel();

    [GeneratedRegex(@"(?:^|(?<=\s))(?<label>DOCUMENT|TITLE|PRODUCT|PROD/VER|OPER/SYS|KEYWORDS)\s*:")]
    private static partial Regex LabelAnywhere();

    [GeneratedRegex(@"^(?<id>[Qq]\d{1,7})\b\s*(?<date>\d{1,2}-[A-Za-z]{3}-\d{4})?\s*(?:\[(?<code>[^\]]*)\])?")]
    private static partial Regex DocumentValue();
}
