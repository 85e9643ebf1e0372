using System.Text;
using Kb.Parser.Model;

namespace Kb.Index.Indexing;

/// <summary>The searchable text of a record, split the way the index weighs it.</summary>
public sealed record ArticleText(string Summary, string Headings, string Body)
{
    // Stock headings say nothing about the article, so they are not indexed as headings.
    private static readonly HashSet<string> StockHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "SUMMARY", "SYMPTOMS", "SYMPTOM", "CAUSE", "RESOLUTION", "STATUS", "WORKAROUND", "MORE INFORMATION",
        "REFERENCES", "REFERENCE", "STEPS TO REPRODUCE BEHAVIOR", "STEPS TO REPRODUCE PROBLEM", "Steps to Reproduce Behavior",
        "APPLIES TO", "INTRODUCTION", "DISCUSSION", "NOTES", "NOTE",
    };

    /// <summary>
    /// Splits a record: the first section with text (SUMMARY, SYMPTOMS or the lead text) is the
    /// summary, non-stock headings are headings, everything else is body. Reference lists stay
    /// out: they name other articles' titles, which would make this article match their words.
    /// </summary>
    public static ArticleText From(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var summary = new StringBuilder();
        var headings = new StringBuilder();
        var body = new StringBuilder();
        foreach (var section in record.Sections)
        {
            var target = summary.Length == 0 && HasText(section) ? summary : body;
            AppendSection(section, target, headings);
        }

        return new ArticleText(summary.ToString(), headings.ToString(), body.ToString());
    }

    /// <summary>All text of a record in reading order (title, then sections), for snippets.</summary>
    public static string Full(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var sb = new StringBuilder();
        var ignored = new StringBuilder();
        foreach (var section in record.Sections)
        {
            AppendSection(section, sb, ignored);
        }

        return sb.ToString();
    }

    private static bool HasText(Section section) => section.Blocks.Any(b => b is not ReferencesBlock) || section.Subsections.Any(HasText);

    private static void AppendSection(Section section, StringBuilder text, StringBuilder headings)
    {
        if (section.Heading is { Length: > 0 } h && !StockHeadings.Contains(h))
        {
            Line(headings, h);
        }

        foreach (var block in section.Blocks)
        {
            AppendBlock(block, text);
        }

        foreach (var sub in section.Subsections)
        {
            AppendSection(sub, text, headings);
        }
    }

    private static void AppendBlock(Block block, StringBuilder text)
    {
        switch (block)
        {
            case ParagraphBlock p:
                Line(text, p.Text);
                break;
            case NoteBlock n:
                Line(text, n.Text);
                break;
            case PreformattedBlock pre:
                Line(text, pre.Text);
                break;
            case ListBlock list:
                foreach (var item in list.Items)
                {
                    Line(text, item.Text);
                    foreach (var nested in item.Blocks)
                    {
                        AppendBlock(nested, text);
                    }
                }

                break;
        }
    }

    private static void Line(StringBuilder sb, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        // A blank line between blocks keeps phrase matches from running across them in snippets.
        if (sb.Length > 0)
        {
            sb.Append('\n');
        }

        sb.Append(text).Append('\n');
    }
}
