using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Kb.Parser.Model;

namespace Kb.Parser.Forms;

/// <summary>
/// KB CD pages and FTP <c>.HTM</c> files that are real HTML: AngleSharp reads the page, its text is laid
/// out as lines (a line per block element, <c>- </c> before list items, <c>pre</c> kept), and the KB CD
/// reader reads that text. Line numbers of such a record are lines of that text, not of the HTML.
/// </summary>
internal static class HtmlText
{
    /// <summary>The detector's name for "HTML, form still to tell"; never a record's form.</summary>
    public const string Form = "html";

    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr", "pre", "blockquote",
        "dl", "dt", "dd", "hr", "section", "article", "header", "footer", "center", "form", "body",
    };

    public static bool LooksLikeHtml(string text)
    {
        var t = text.AsSpan().TrimStart();
        if (t.Length == 0 || t[0] != '<')
        {
            return false;
        }

        var head = t[..Math.Min(t.Length, 1024)];
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<head", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<p>", StringComparison.OrdinalIgnoreCase) || head.Contains("<title", StringComparison.OrdinalIgnoreCase);
    }

    public static ArticleRecord Read(string html, string? sourcePath, List<Diagnostic> diagnostics)
    {
        var document = Parser.ParseDocument(html);
        var title = document.Title?.Trim();
        var sb = new StringBuilder(html.Length / 2);
        if (document.Body is { } body)
        {
            Walk(body, sb, pre: false);
        }

        var text = sb.ToString();
        var head = new List<string>(40);
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (head.Count == 40)
            {
                break;
            }

            head.Add(line.TrimEnd().ToString());
        }

        var form = KbCdReader.Detect(head) ?? SourceForms.KbCdHtm;
        return KbCdReader.Read(text, form, title, sourcePath, diagnostics);
    }

    private static void Walk(INode node, StringBuilder sb, bool pre)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                AppendText(sb, t.Data, pre);
                continue;
            }

            if (child is not IElement e)
            {
                continue;
            }

            var name = e.LocalName;
            if (name is "script" or "style" or "head" or "title" or "noscript")
            {
                continue;
            }

            if (name == "br")
            {
                sb.Append('\n');
                continue;
            }

            var block = Blocks.Contains(name);
            if (block)
            {
                LineBreak(sb, blank: name is "p" or "pre" or "table" or "ul" or "ol" or "blockquote" || name[0] == 'h' && name.Length == 2);
            }

            if (name == "li")
            {
                sb.Append(e.ParentElement?.LocalName == "ol" ? Ordinal(e) + ". " : "- ");
            }
            else if (name is "td" or "th" && e.PreviousElementSibling is not null)
            {
                sb.Append("   ");
            }

            Walk(e, sb, pre || name == "pre");
            if (block)
            {
                LineBreak(sb, blank: name is "p" or "pre" or "table" or "ul" or "ol" or "blockquote" || name[0] == 'h' && name.Length == 2);
            }
        }
    }

    private static string Ordinal(IElement li)
    {
        var n = 1;
        for (var s = li.PreviousElementSibling; s is not null; s = s.PreviousElementSibling)
        {
            n += s.LocalName == "li" ? 1 : 0;
        }

        return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AppendText(StringBuilder sb, string data, bool pre)
    {
        if (pre)
        {
            sb.Append(data.Replace("\r", "", StringComparison.Ordinal));
            return;
        }

        var atLineStart = sb.Length == 0 || sb[^1] == '\n';
        foreach (var ch in data)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (!atLineStart && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }

                continue;
            }

            sb.Append(ch == '\u00A0' ? ' ' : ch);
            atLineStart = false;
        }
    }

    private static void LineBreak(StringBuilder sb, bool blank)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }

        if (sb.Length == 0)
        {
            return;
        }

        if (sb[^1] != '\n')
        {
            sb.Append('\n');
        }

        if (blank && (sb.Length < 2 || sb[^2] != '\n'))
        {
            sb.Append('\n');
        }
    }
}
