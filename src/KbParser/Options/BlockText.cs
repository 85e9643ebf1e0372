using System.Text;
using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>Plain text of blocks and sections, for option titles, texts and condition search.</summary>
internal static class BlockText
{
    public static string Of(Block block)
    {
        var sb = Rent();
        Append(sb, block);
        return Finish(sb);
    }

    public static string Of(IEnumerable<Block> blocks)
    {
        var sb = Rent();
        foreach (var b in blocks)
        {
            Append(sb, b);
        }

        return Finish(sb);
    }

    public static string Of(Section section)
    {
        var sb = Rent();
        foreach (var b in section.Blocks)
        {
            Append(sb, b);
        }

        foreach (var sub in section.Subsections)
        {
            sb.Append(sub.Heading).Append('\n');
            sb.Append(Of(sub)).Append('\n');
        }

        return Finish(sb);
    }

    public static string Of(ListItem item)
    {
        var sb = Rent().Append(item.Text).Append('\n');
        foreach (var b in item.Blocks)
        {
            Append(sb, b);
        }

        return Finish(sb);
    }

    // Builders are reused per thread (a stack, since texts nest): option extraction builds the text of
    // most sections and list items of every article, and fresh builders were a tenth of its allocations.
    [ThreadStatic]
    private static Stack<StringBuilder>? t_builders;

    private static StringBuilder Rent()
    {
        var pool = t_builders ??= new Stack<StringBuilder>();
        return pool.Count > 0 ? pool.Pop() : new StringBuilder(1024);
    }

    /// <summary>The builder's text without surrounding white space (as <see cref="string.Trim()"/>); the builder goes back to the pool.</summary>
    private static string Finish(StringBuilder sb)
    {
        int start = 0, end = sb.Length;
        while (end > start && char.IsWhiteSpace(sb[end - 1]))
        {
            end--;
        }

        while (start < end && char.IsWhiteSpace(sb[start]))
        {
            start++;
        }

        var text = sb.ToString(start, end - start);
        sb.Clear();
        if (sb.Capacity <= 1 << 20)
        {
            t_builders!.Push(sb);
        }

        return text;
    }

    public static Block? FirstBlock(Section section) =>
        section.Blocks.Count > 0 ? section.Blocks[0] : section.Subsections.Select(FirstBlock).FirstOrDefault(b => b is not null);

    /// <summary>The text an alternative leads with: a list's first item, or the block's text.</summary>
    public static string Lead(Block b) => b switch
    {
        ListBlock l when l.Items.Count > 0 => l.Items[0].Text,
        _ => Of(b),
    };

    /// <summary>A list item's own line as a paragraph, so its text can be read with the blocks under it.</summary>
    public static ParagraphBlock AsParagraph(ListItem item) => new() { Lines = item.Lines, Text = item.Text };

    /// <summary>A short title for an alternative: its first sentence, or the first step of a list.</summary>
    public static string TitleOf(Block block) => block switch
    {
        ListBlock l when l.Items.Count > 0 => TitleOf(l.Items[0].Text),
        _ => TitleOf(Of(block)),
    };

    public static string TitleOf(string text)
    {
        var first = TextUtil.FirstSentence(text);
        return first.Length <= 400 ? first : first[..400].TrimEnd() + "...";
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
