using System.Text.RegularExpressions;
using Kb.Parser.Body;
using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser.Forms;

/// <summary>What a form's reader hands on: the title, the body lines (opening with the header block
/// under the Markdown field names) and what the form adds.</summary>
internal sealed record FormArticle(string Form, string? Title, List<SourceLine> Body, string? SourcePath)
{
    public string? ProductCode { get; init; }
    /// <summary>Header lines the Markdown form has no field for (<c>previously published under</c>).</summary>
    public List<HeaderField> ExtraHeader { get; init; } = [];
}

/// <summary>
/// Chooses an article's form by its content (not its file name) and reads it. Each form's reader maps
/// its header onto the Markdown form's header fields and feeds the fixed-width body to the body parser
/// through <see cref="KbArticleParser.Build"/>, so every form yields the record the Markdown form does.
/// </summary>
internal static partial class FormReader
{
    /// <summary>Lines looked at to tell the form.</summary>
    private const int HeadLines = 40;

    public static string Detect(string text)
    {
        var head = new List<string>(8);
        var all = new List<string>(HeadLines);
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        foreach (var line in text.AsSpan(start).EnumerateLines())
        {
            if (all.Count >= HeadLines)
            {
                break;
            }

            var t = line.TrimEnd().ToString();
            all.Add(t);
            if (t.Length > 0 && head.Count < 8)
            {
                head.Add(t);
            }
        }

        if (head.Count == 0)
        {
            return SourceForms.Markdown;
        }

        var first = head[0];
        if (first == "---" || first.StartsWith('#') || first.StartsWith('\t'))
        {
            return SourceForms.Markdown;
        }

        if (HtmlText.LooksLikeHtml(text))
        {
            return HtmlText.Form;
        }

        if (Text1993Reader.Matches(head))
        {
            return SourceForms.Text1993;
        }

        if (FtpTextReader.Matches(head))
        {
            return SourceForms.FtpText;
        }

        return KbCdReader.Detect(all) ?? SourceForms.Markdown;
    }

    /// <summary>Reads an article (or, for the 1993 form, every article of the file) of a known non-Markdown form.</summary>
    public static IReadOnlyList<ArticleRecord> Read(string text, string form, string? sourcePath, List<Diagnostic> diagnostics) => form switch
    {
        SourceForms.FtpText => [FtpTextReader.Read(text, sourcePath, diagnostics)],
        SourceForms.Text1993 => Text1993Reader.Read(text, sourcePath, diagnostics),
        HtmlText.Form => [HtmlText.Read(text, sourcePath, diagnostics)],
        _ => [KbCdReader.Read(text, form, null, sourcePath, diagnostics)],
    };

    /// <summary>The record of a form's article: the shared build, then the number from the path when the text has none,
    /// the archive's permalink, and a diagnostic when the text stops before the article's closing lines.</summary>
    public static ArticleRecord Finish(FormArticle article, List<Diagnostic> diagnostics)
    {
        var doc = new ArticleDocument();
        if (article.Title is { Length: > 0 } title)
        {
            doc.FrontMatter["title"] = title;
        }
        else
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.NoTitle, 0, "the text has no title"));
        }

        doc.Body.AddRange(article.Body);
        var record = KbArticleParser.Build(doc, article.SourcePath, diagnostics, hasText: true);
        if (record.Id.Length == 0 && IdFromPath(article.SourcePath) is { } pathId)
        {
            diagnostics.RemoveAll(d => d.Code == DiagnosticCodes.Parser.NoId);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.IdFromPath, 0, $"no article number in the text; {pathId} taken from the path"));
            record = record with { Id = pathId, References = References.Collect(pathId, record.Sections) };
        }

        if (record.MetadataLines.Count == 0 && record.QueryWordsLines.Count == 0 && !EndsWithKeywords(article.Body)
            && (article.Form is SourceForms.KbCd or SourceForms.KbCdHtm || EndsMidSentence(article.Body)))
        {
            var last = article.Body.LastOrDefault(l => !l.IsBlank);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.EndsEarly, last.Source is null ? 0 : last.Number,
                "the text ends early: no closing keywords or query-words lines (a partial copy?)"));
        }

        return record with
        {
            SourceForm = article.Form,
            ProductCode = article.ProductCode,
            Permalink = record.Id.Length > 0 ? Permalinks.Default(record.Id) : null,
            Header = article.ExtraHeader.Count == 0 ? record.Header : [.. record.Header, .. article.ExtraHeader],
        };
    }

    /// <summary>
    /// Whether the last line is cut: it ends with a colon, or its last words (four to eight, of the last
    /// sentence) are prose (most of them words of letters, none with code punctuation) without a closing stop. The fixed-width forms of old articles end
    /// with no keywords block (5.5% of the archive) and often with code; over the archive's 3,350 such
    /// articles this rule fires on none that end in a colon and on few that end in prose.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> CodeCharacters = System.Buffers.SearchValues.Create("=$&(){}<>;\\");

    private static bool EndsMidSentence(List<SourceLine> body)
    {
        var last = body.LastOrDefault(l => !l.IsBlank);
        if (last.Source is null)
        {
            return false;
        }

        var t = last.Trimmed;
        if (t.EndsWith(':'))
        {
            return true;
        }

        if (".!?\"')]}>;".Contains(t[^1], StringComparison.Ordinal))
        {
            return false;
        }

        // Only the last words of the last sentence count: a flattened text's last line is a whole paragraph.
        var stop = t.LastIndexOfAny(['.', '!', '?', ':']);
        var words = t[(stop + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(8).ToList();
        if (words.Count < 4 || words.Any(w => w.AsSpan().IndexOfAny(CodeCharacters) >= 0))
        {
            return false;
        }

        var prose = words.Count(w => w.Any(char.IsLower) && w.All(c => char.IsLetter(c) || c is ',' or '-' or '\''));
        return prose * 2 > words.Count;
    }

    /// <summary>The KB CD pages close with a <c>Keywords:</c> line rather than the fixed-width metadata block.</summary>
    private static bool EndsWithKeywords(List<SourceLine> body)
    {
        for (var i = body.Count - 1; i >= 0 && i >= body.Count - 12; i--)
        {
            if (!body[i].IsBlank && body[i].Content.StartsWith("Keywords:", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The article number a path gives: <c>Q222161-bodyonly.TXT</c>, <c>q115389.htm</c>, the FTP tree's
    /// <c>en-us/79/254.HTM</c> (Q79254) and <c>Q141/4/46.TXT</c> (Q141446), or the Markdown <c>Q199250/README.md</c>.
    /// </summary>
    public static string? IdFromPath(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        var stem = parts[^1];
        var hash = stem.IndexOf('#', StringComparison.Ordinal);
        stem = hash >= 0 ? stem[..hash] : stem;
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        stem = dot >= 0 ? stem[..dot] : stem;
        var m = LeadingNumber().Match(stem);
        if (m.Success && (m.Groups["q"].Success || m.Groups["n"].Length >= 4))
        {
            return "Q" + m.Groups["n"].Value.TrimStart('0');
        }

        // The FTP trees split the number into folders: en-us/79/254.HTM, Q141/4/46.TXT.
        if (m.Success && parts.Length >= 2)
        {
            var digits = m.Groups["n"].Value;
            for (var p = parts.Length - 2; p >= 0 && digits.Length < 7; p--)
            {
                var dm = LeadingNumber().Match(parts[p]);
                if (!dm.Success || dm.Length != parts[p].Length)
                {
                    break;
                }

                digits = dm.Groups["n"].Value + digits;
                if (dm.Groups["q"].Success)
                {
                    break;
                }
            }

            if (digits.Length >= 4)
            {
                return "Q" + digits.TrimStart('0');
            }
        }

        if (parts.Length >= 2 && ArticleIds.TryNormalize(parts[^2], out var folderId))
        {
            return folderId;
        }

        return null;
    }

    [GeneratedRegex(@"^(?<q>[Qq])?(?<n>\d{1,7})(?![0-9])")]
    private static partial Regex LeadingNumber();
}
