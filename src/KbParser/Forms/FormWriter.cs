using System.Globalization;
using System.Net;
using System.Text;
using Kb.Parser.Body;
using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser.Forms;

/// <summary>
/// Writes an archive Markdown article in one of Microsoft's original forms: the header fields mapped back
/// (docs/formats.md), the same fixed-width body. For tests (each form must give the Markdown's record)
/// and for the benchmark that builds a large mixed-form archive; never used on the reading path.
/// </summary>
public static class FormWriter
{
    private static readonly string[] HeaderNames = ["Article", "Product(s)", "Version(s)", "Operating System(s)", "Keyword(s)", "Last Modified"];

    /// <summary>The FTP/KB text form of a Markdown article; <paramref name="id"/> replaces its number when given.</summary>
    public static string ToFtpText(string markdown, string productCode, string? id = null)
    {
        var a = Read(markdown, id);
        var sb = new StringBuilder(markdown.Length);
        sb.Append("DOCUMENT:").Append(a.Id).Append(' ').Append(a.Header.GetValueOrDefault("Last Modified", "")).Append(" [").Append(productCode).Append("]\n");
        sb.Append("TITLE   :").Append(a.Title).Append('\n');
        sb.Append("PRODUCT :").Append(a.Header.GetValueOrDefault("Product(s)", "")).Append('\n');
        sb.Append("PROD/VER:").Append(a.Header.GetValueOrDefault("Version(s)", "")).Append('\n');
        sb.Append("OPER/SYS:").Append(a.Header.GetValueOrDefault("Operating System(s)", "")).Append('\n');
        sb.Append("KEYWORDS:").Append(a.Header.GetValueOrDefault("Keyword(s)", "")).Append('\n');
        sb.Append('=', 70).Append('\n');
        foreach (var line in a.Body)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The KB CD form: title, <c>PSS ID Number</c>, <c>Article Last Modified on</c>, the "previously published" line, heads without underlines.</summary>
    public static string ToKbCd(string markdown, string? id = null)
    {
        var a = Read(markdown, id);
        var sb = new StringBuilder(markdown.Length);
        sb.Append(a.Title).Append('\n');
        sb.Append("PSS ID Number: ").Append(a.Id.TrimStart('Q')).Append('\n');
        if (HeaderValues.ParseDate(a.Header.GetValueOrDefault("Last Modified", "")) is { } iso)
        {
            var d = DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            sb.Append("Article Last Modified on ").Append(d.ToString("M/d/yyyy", CultureInfo.InvariantCulture)).Append('\n');
        }

        sb.Append("This article was previously published under ").Append(a.Id).Append('\n');
        AppendPlainHeads(sb, a.Body, line => line);
        return sb.ToString();
    }

    /// <summary>The 1993 form of several articles in one file, each opened by a <c>-=-=-=-</c> line.</summary>
    public static string To1993(IEnumerable<(string Markdown, string? Id)> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var sb = new StringBuilder();
        foreach (var (markdown, id) in articles)
        {
            var a = Read(markdown, id);
            sb.Append("-=-=-=-=-=-\n");
            sb.Append("ARTICLE-ID:").Append(a.Id).Append('\n');
            sb.Append("TITLE     :").Append(a.Title).Append("\n\n");
            AppendPlainHeads(sb, a.Body, head => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(head.ToLowerInvariant()) + ":");
        }

        sb.Append("-=-=-=-=-=-\n");
        return sb.ToString();
    }

    /// <summary>Body lines with each '='-underlined head written as <paramref name="head"/> makes it and its underline dropped.</summary>
    private static void AppendPlainHeads(StringBuilder sb, List<string> body, Func<string, string> head)
    {
        for (var i = 0; i < body.Count; i++)
        {
            var t = body[i].Trim();
            if (i + 1 < body.Count && t.Length > 0 && body[i + 1].Trim() is var u && u.Length == t.Length && u.All(c => c == '='))
            {
                sb.Append(head(t)).Append('\n');
                i++;
                continue;
            }

            sb.Append(body[i]).Append('\n');
        }
    }

    private sealed record Parts(string Id, string Title, Dictionary<string, string> Header, List<string> Body);

    private static Parts Read(string markdown, string? id)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var doc = DocumentSplitter.Split(markdown, []);
        doc.FrontMatter.TryGetValue("title", out var fmTitle);
        var title = WebUtility.HtmlDecode(fmTitle ?? doc.Heading ?? "").Trim();
        var colon = title.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 1 && ArticleIds.TryNormalize(title[..colon], out _))
        {
            title = title[(colon + 2)..].Trim();
        }

        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < doc.Body.Count && doc.Body[i].IsBlank)
        {
            i++;
        }

        while (i < doc.Body.Count && !doc.Body[i].IsBlank)
        {
            var t = doc.Body[i].Trimmed;
            var c = t.IndexOf(':', StringComparison.Ordinal);
            var name = c > 0 ? t[..c] : "";
            if (!HeaderNames.Contains(name))
            {
                break;
            }

            header.TryAdd(name, t[(c + 1)..].Trim());
            i++;
        }

        var number = id ?? (header.TryGetValue("Article", out var a) ? a : "");
        return new Parts(number, title, header, doc.Body.Skip(i).Select(l => l.Text).ToList());
    }
}
