using System.Text.RegularExpressions;
using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser.Forms;

/// <summary>
/// The 1993 text form (the MS-DOS 6 KB files): <c>ARTICLE-ID:Qnnnnn</c> and <c>TITLE     :</c> lines,
/// the applies-to frame, <c>Summary:</c> / <c>More Information:</c> heads and <c>Additional reference
/// words:</c>; a file may hold many articles, each opened by a line of <c>-=-=-=-</c>. The heads become
/// the fixed-width text's upper-case underlined heads, the reference words its query words.
/// </summary>
internal static partial class Text1993Reader
{
    public static bool Matches(IReadOnlyList<string> head)
    {
        var i = head.Count > 0 && IsSeparator(head[0]) ? 1 : 0;
        return i < head.Count && head[i].StartsWith("ARTICLE-ID:", StringComparison.Ordinal);
    }

    /// <summary>A line of <c>-=-=-=-</c> (at least five characters, alternating).</summary>
    public static bool IsSeparator(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length < 5 || line[0] != '-')
        {
            return false;
        }

        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != (i % 2 == 0 ? '-' : '='))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every article of the file, in order; a file with no separators is one article.</summary>
    public static IReadOnlyList<ArticleRecord> Read(string text, string? sourcePath, List<Diagnostic> diagnostics)
    {
        var lines = FormLines.Split(text);
        var blocks = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i <= lines.Count; i++)
        {
            if (i == lines.Count || IsSeparator(lines[i].Content))
            {
                if (lines.Skip(start).Take(i - start).Any(l => !l.IsBlank))
                {
                    blocks.Add((start, i));
                }

                start = i + 1;
            }
        }

        if (blocks.Count <= 1)
        {
            var (s, e) = blocks.Count == 1 ? blocks[0] : (0, lines.Count);
            return [ReadOne(lines, s, e, sourcePath, diagnostics)];
        }

        // One record per article; each names its place in the file (path#1, path#2 ...) and has its own diagnostics.
        var records = new List<ArticleRecord>(blocks.Count);
        for (var b = 0; b < blocks.Count; b++)
        {
            var own = b == 0 ? diagnostics : [];
            var path = sourcePath is null ? null : sourcePath + "#" + (b + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            records.Add(ReadOne(lines, blocks[b].Start, blocks[b].End, path, own));
        }

        return records;
    }

    private static ArticleRecord ReadOne(List<SourceLine> lines, int start, int end, string? sourcePath, List<Diagnostic> diagnostics)
    {
        var body = new List<SourceLine>(end - start + 16);
        string? title = null;
        var k = FormLines.NextNonBlank(lines, start);
        var sawId = false;
        while (k < end && !lines[k].IsBlank && Label().Match(lines[k].Trimmed) is { Success: true } m)
        {
            var value = lines[k].Trimmed[m.Length..].Trim();
            var label = m.Groups["label"].Value;
            if (label == "ARTICLE-ID")
            {
                body.Add(FormLines.Synthetic(lines[k].Number, "Article: " + value));
                sawId = true;
            }
            else if (label == "TITLE")
            {
                title = value;
            }
            else
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.FormHeader, lines[k].Number,
                    $"header line '{label}' is not one of the form's (ARTICLE-ID, TITLE); kept in the body"));
                break;
            }

            k++;
        }

        if (!sawId)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.FormHeader, k < end ? lines[k].Number : 0, "no ARTICLE-ID line"));
        }

        if (body.Count > 0)
        {
            body.Add(FormLines.Synthetic(body[^1].Number, ""));
        }

        for (var i = k; i < end; i++)
        {
            var line = lines[i];
            if (line.Indent == 0 && Head().Match(line.Trimmed) is { Success: true } h)
            {
                var head = h.Groups["head"].Value.ToUpperInvariant();
                body.Add(FormLines.Synthetic(line.Number, head));
                body.Add(FormLines.Synthetic(line.Number, new string('=', head.Length)));
            }
            else if (line.Content.StartsWith("Additional reference words:", StringComparison.OrdinalIgnoreCase))
            {
                body.Add(FormLines.Synthetic(line.Number, "Additional query words:" + line.Trimmed["Additional reference words:".Length..]));
            }
            else
            {
                body.Add(line);
            }
        }

        return FormReader.Finish(new FormArticle(SourceForms.Text1993, title, body, sourcePath), diagnostics);
    }

    [GeneratedRegex(@"^(?<label>[A-Z][A-Z/-]{1,15})\s*:")]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?<head>Summary|Symptoms?|Cause|Resolution|Status|Workaround|More Information|References?):$")]
    private static partial Regex Head();
}
