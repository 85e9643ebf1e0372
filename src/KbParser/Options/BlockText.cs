using System.Text;
using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>Plain text of blocks and sections, for option titles, texts and condition search.</summary>
internal static class BlockText
{
    public static string Of(Block block)
    {
        var sb = new StringBuilder();
        Append(sb, block);
        return sb.ToString().Trim();
    }

    public static string Of(IEnumerable<Block> blocks)
    {
        var sb = new StringBuilder();
        foreach (var b in blocks)
        {
            Append(sb, b);
        }

        return sb.ToString().Trim();
    }

    public static string Of(Section section)
    {
        var sb = new StringBuilder();
        foreach (var b in section.Blocks)
        {
            Append(sb, b);
        }

        foreach (var sub in section.Subsections)
        {
            sb.Append(sub.Heading).Append('\n');
            sb.Append(Of(sub)).Append('\n');
        }

        return sb.ToString().Trim();
    }

    public static string Of(ListItem item)
    {
        var sb = new StringBuilder(item.Text).Append('\n');
        foreach (var b in item.Blocks)
        {
            Append(sb, b);
        }

        return sb.ToString().Trim();
    }

    public static Block? FirstBlock(Section section) =>
        section.Blocks.Count > 0 ? section.Blocks[0] : section.Subsections.Select(FirstBlock).FirstOrDefault(b => b is not null);

    /// <summary>A short title for an alternative: its first sentence, or the first step of a list.</summary>
    public static string TitleOf(Block block) => block switch
    {
        ListBlock l when l.Items.Count > 0 => TitleOf(l.Items[0].Text),
        _ => TitleOf(Of(block)),
    };

    public static string TitleOf(string text)
    {
        var first = TextUtil.FirstSentence(text);
        return first.Length <= 200 ? first : first[..200].TrimEnd() + "...";
    }

    private static void Append(StringBuilder sb, Block block)
    {
        switch (block)
        {
            // Blocks are separated by newlines so that sentence splitting never runs across them.
            case ParagraphBlock p:
                sb.Append(p.Text).Append('\n');
                break;
            case NoteBlock n:
                sb.Append(n.Label).Append(": ").Append(n.Text).Append('\n');
                break;
            case PreformattedBlock pre:
                sb.Append(pre.Text).Append('\n');
                break;
            case ReferencesBlock r:
                sb.Append(string.Join("; ", r.Items.Select(i => i.Title is null ? i.Id : i.Id + " " + i.Title))).Append('\n');
                break;
            case ListBlock l:
                foreach (var item in l.Items)
                {
                    sb.Append(Of(item)).Append('\n');
                }

                break;
        }
    }
}
