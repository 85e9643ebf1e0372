using System.Globalization;
using System.Text.RegularExpressions;
using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser.Forms;

/// <summary>
/// The KB CD form (<c>PSS ID Number: nnnnnn</c>, <c>Article Last Modified on M/D/YYYY</c>, an optional
/// applies-to list, <c>This article was previously published under Qnnnnnn</c>, section heads as plain
/// words) and its FTP <c>.HTM</c> variant (first line <c>Title (nnnnnn)</c>, no PSS or date lines).
/// The plain-word heads get the underline the body parser knows them by.
/// </summary>
internal static partial class KbCdReader
{
    private const string Published = "This article was previously published under";

    /// <summary>Heads of the article's own sections (underlined with '=' in the fixed-width text).</summary>
    private static readonly HashSet<string> SectionHeads = new(StringComparer.Ordinal)
    {
        "SUMMARY", "SYMPTOMS", "SYMPTOM", "CAUSE", "RESOLUTION", "STATUS", "WORKAROUND", "MORE INFORMATION",
        "REFERENCES", "INTRODUCTION", "IN THIS TASK", "APPLIES TO", "METHODS", "TROUBLESHOOTING", "NOTES",
    };

    public static string? Detect(IReadOnlyList<string> head)
    {
        var firstText = head.FirstOrDefault(l => l.Length > 0);
        foreach (var line in head)
        {
            if (line.StartsWith("PSS ID Number:", StringComparison.Ordinal))
            {
                return SourceForms.KbCd;
            }
        }

        foreach (var line in head)
        {
            if (line.TrimStart().StartsWith(Published, StringComparison.Ordinal))
            {
                return SourceForms.KbCdHtm;
            }
        }

        return firstText is not null && TitleWithNumber().IsMatch(firstText) ? SourceForms.KbCdHtm : null;
    }

    public static ArticleRecord Read(string text, string form, string? pageTitle, string? sourcePath, List<Diagnostic> diagnostics)
    {
        var lines = FormLines.Split(text);
        var header = new List<SourceLine>();
        var extra = new List<HeaderField>();
        string? id = null, title = null;
        var idLine = 0;
        var k = 0;
        var pss = lines.FindIndex(0, Math.Min(lines.Count, 40), l => l.Content.StartsWith("PSS ID Number:", StringComparison.Ordinal));
        if (pss >= 0)
        {
            var m = Digits().Match(lines[pss].Trimmed, "PSS ID Number:".Length);
            id = m.Success ? "Q" + m.Value : null;
            idLine = lines[pss].Number;
            var before = lines.Take(pss).LastOrDefault(l => !l.IsBlank);
            title = before.Source is null ? null : before.Trimmed;
            k = pss + 1;
        }
        else
        {
            var f = FormLines.NextNonBlank(lines, 0);
            if (f < lines.Count && TitleWithNumber().Match(lines[f].Trimmed) is { Success: true } tm)
            {
                title = tm.Groups["title"].Value.Trim();
                id = "Q" + tm.Groups["n"].Value;
                idLine = lines[f].Number;
                k = f + 1;
            }
        }

        if (pageTitle is { Length: > 0 })
        {
            title = TitleWithNumber().Match(pageTitle) is { Success: true } pm ? pm.Groups["title"].Value.Trim() : pageTitle.Trim();
        }

        if (id is not null)
        {
            header.Add(FormLines.Synthetic(idLine, "Article: " + id));
        }

        var next = FormLines.NextNonBlank(lines, k);
        if (next < lines.Count && LastModified().Match(lines[next].Trimmed) is { Success: true } lm)
        {
            header.Add(FormLines.Synthetic(lines[next].Number, "Last Modified: " + ArchiveDate(lm.Groups["date"].Value)));
            k = next + 1;
        }
        else if (form == SourceForms.KbCd)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.FormHeader, next < lines.Count ? lines[next].Number : 0,
                "no 'Article Last Modified on' line after the PSS ID Number"));
        }

        var body = new List<SourceLine>(lines.Count + 16);
        body.AddRange(header);
        if (header.Count > 0)
        {
            body.Add(FormLines.Synthetic(header[^1].Number, ""));
        }

        var sawPublished = false;
        for (var i = k; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!sawPublished && line.Content.StartsWith(Published, StringComparison.Ordinal))
            {
                sawPublished = true;
                var q = QNumber().Match(line.Trimmed, Published.Length);
                if (q.Success)
                {
                    extra.Add(new HeaderField("Previously Published Under", q.Value, line.Number));
                    if (id is null)
                    {
                        id = q.Value;
                        body.InsertRange(0, [FormLines.Synthetic(line.Number, "Article: " + q.Value), FormLines.Synthetic(line.Number, "")]);
                    }
                }

                // The applies-to list ends here; a head run onto this line ("... under Q176802 SYMPTOMS") starts the body.
                body.Add(FormLines.Synthetic(line.Number, ""));
                var start = line.Start + (q.Success ? q.Index + q.Length : line.Trimmed.Length);
                while (start < line.End && char.IsWhiteSpace(line.Source[start]))
                {
                    start++;
                }

                if (start < line.End)
                {
                    AddLine(body, new SourceLine(line.Number, line.Source, start, line.LineEnd));
                }

                continue;
            }

            AddLine(body, line);
        }

        if (!sawPublished)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.FormHeader, 0, $"no '{Published} Q...' line"));
        }

        return FormReader.Finish(new FormArticle(form, title, body, sourcePath) { ExtraHeader = extra }, diagnostics);
    }

    /// <summary>A line; a plain-word head gets a blank line around it and its underline.</summary>
    private static void AddLine(List<SourceLine> body, SourceLine line)
    {
        if (!IsPlainHead(line))
        {
            body.Add(line);
            return;
        }

        var head = line.Trimmed;
        body.Add(FormLines.Synthetic(line.Number, ""));
        body.Add(line);
        body.Add(FormLines.Synthetic(line.Number, new string(SectionHeads.Contains(head) ? '=' : '-', head.Length)));
        body.Add(FormLines.Synthetic(line.Number, ""));
    }

    private static bool IsPlainHead(SourceLine line) =>
        line.Indent == 0 && line.End - line.Start is >= 3 and <= 60 && PlainHead().IsMatch(line.Trimmed);

    /// <summary><c>6/25/2002</c> as the archive writes dates, <c>25-JUN-2002</c>; kept as written when unreadable.</summary>
    private static string ArchiveDate(string value) =>
        DateTime.TryParseExact(value, ["M/d/yyyy", "MM/dd/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("dd-MMM-yyyy", CultureInfo.InvariantCulture).ToUpperInvariant()
            : value;

    [GeneratedRegex(@"^(?<title>.+?)\s*\((?<n>\d{3,7})\)\s*$")]
    private static partial Regex TitleWithNumber();

    [GeneratedRegex(@"\d{1,7}")]
    private static partial Regex Digits();

    [GeneratedRegex(@"Q\d{3,7}")]
    private static partial Regex QNumber();

    [GeneratedRegex(@"^Article Last Modified on\s+(?<date>\S+)")]
    private static partial Regex LastModified();

    /// <summary>Upper-case words, single-spaced, with at least one word of three letters: <c>MORE INFORMATION</c>.</summary>
    [GeneratedRegex(@"^(?=.*[A-Z]{3})[A-Z][A-Z0-9]*(?:[ /&-][A-Z0-9]+)*$")]
    private static partial Regex PlainHead();
}
