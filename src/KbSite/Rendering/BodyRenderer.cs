using System.Text.RegularExpressions;
using Kb.Parser.Model;
using Kb.Site.Catalog;

namespace Kb.Site.Rendering;

/// <summary>
/// Renders an article's sections as HTML structure: headings with anchors, paragraphs, lists and
/// numbered steps, preformatted blocks kept exactly, notes, and reference lists whose article
/// numbers link to the referenced page when it is in the corpus. All article text is encoded.
/// </summary>
internal sealed partial class BodyRenderer
{
    private readonly SiteCatalog _catalog;
    private readonly string _baseUrl;

    public BodyRenderer(SiteCatalog catalog, string baseUrl)
    {
        _catalog = catalog;
        _baseUrl = baseUrl;
    }

    public string Render(ArticleRecord record)
    {
        var html = new Html(8192);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in record.Sections)
        {
            Section(html, section, anchors);
        }

        return html.ToString();
    }

    private void Section(Html html, Section section, HashSet<string> anchors)
    {
        html.Raw("<section class=\"kb-section\">");
        if (section.Heading is not null)
        {
            var anchor = Anchor(section.Heading, anchors);
            var tag = section.Level <= 2 ? "h2" : "h3";
            html.Raw("<").Raw(tag).Attr("id", anchor).Raw(">").Text(Heading(section.Heading)).Raw("</").Raw(tag).Raw(">\n");
        }

        foreach (var b in section.Blocks)
        {
            Block(html, b);
        }

        foreach (var s in section.Subsections)
        {
            Section(html, s, anchors);
        }

        html.Raw("</section>\n");
    }

    private void Block(Html html, Block block)
    {
        switch (block)
        {
            case ParagraphBlock p:
                html.Raw("<p>");
                Prose(html, p.Text);
                html.Raw("</p>\n");
                break;
            case NoteBlock n:
                html.Raw("<div class=\"kb-note\" role=\"note\"><strong>").Text(n.Label).Raw(":</strong> ");
                Prose(html, n.Text);
                html.Raw("</div>\n");
                break;
            case PreformattedBlock pre:
                html.Raw("<pre class=\"kb-pre\">").Text(pre.Text).Raw("</pre>\n");
                break;
            case ListBlock list:
                html.Raw(list.Ordered ? "<ol class=\"kb-steps\">" : "<ul>");
                foreach (var item in list.Items)
                {
                    html.Raw("<li>");
                    Prose(html, item.Text);
                    foreach (var b in item.Blocks)
                    {
                        Block(html, b);
                    }

                    html.Raw("</li>\n");
                }

                html.Raw(list.Ordered ? "</ol>\n" : "</ul>\n");
                break;
            case ReferencesBlock refs:
                html.Raw("<ul class=\"kb-refs\">");
                foreach (var r in refs.Items)
                {
                    html.Raw("<li>");
                    ArticleRef(html, r.Id);
                    if (r.Title is not null)
                    {
                        html.Raw(" ").Text(r.Title);
                    }

                    html.Raw("</li>\n");
                }

                html.Raw("</ul>\n");
                break;
        }
    }

    /// <summary>Re-flowed text with article numbers linked when the article exists.</summary>
    private void Prose(Html html, string text)
    {
        var last = 0;
        foreach (var m in QNumber().EnumerateMatches(text))
        {
            var id = text.Substring(m.Index, m.Length);
            if (!_catalog.TryGet(id, out _))
            {
                continue;
            }

            html.Text(text[last..m.Index]);
            ArticleRef(html, id);
            last = m.Index + m.Length;
        }

        html.Text(last == 0 ? text : text[last..]);
    }

    private void ArticleRef(Html html, string id)
    {
        if (_catalog.TryGet(id, out var target))
        {
            html.Raw("<a").Attr("href", _baseUrl + target.Url).Attr("title", target.Title).Raw(">").Text(id).Raw("</a>");
        }
        else
        {
            html.Text(id);
        }
    }

    private static string Heading(string heading) =>
        heading.Length > 1 && !heading.Any(char.IsLower) && heading.Any(char.IsLetter)
            ? System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(heading.ToLowerInvariant())
            : heading;

    private static string Anchor(string heading, HashSet<string> used)
    {
        var slug = Output.SitePaths.Slug(heading);
        // An id starting with a digit is no valid CSS selector (#3-updating) and html-validate reports it.
        if (slug.Length == 0 || !char.IsAsciiLetter(slug[0]))
        {
            slug = "s-" + slug;
        }

        var s = slug;
        for (var n = 2; !used.Add(s); n++)
        {
            s = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return s;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])Q\d{4,7}(?![0-9])")]
    private static partial Regex QNumber();
}
