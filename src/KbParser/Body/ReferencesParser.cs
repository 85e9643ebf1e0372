using System.Text;
using Kb.Parser.Model;
using static Kb.Parser.Body.LineClassifier;

namespace Kb.Parser.Body;

/// <summary>
/// A list of article references: <c>Q123456 Title</c> lines (the title may run on, indented) or
/// <c>ARTICLE-ID: Q123456</c> with a <c>TITLE:</c> line, up to a blank line or a line that is none of these.
/// </summary>
internal sealed class ReferencesParser : BlockParser<TextRun, ReferencesParser.References>
{
    /// <summary>An open list of references: those read and the one whose title is still being read.</summary>
    internal sealed class References : OpenBlock
    {
        public List<Reference> Items { get; } = [];
        public string? PendingId { get; set; }
        public StringBuilder Title { get; } = new();
        public int RefIndent { get; set; }

        public void Flush()
        {
            if (PendingId is not null)
            {
                Items.Add(new Reference(PendingId, Title.Length == 0 ? null : Title.ToString()));
            }

            PendingId = null;
            Title.Clear();
        }
    }

    protected override References? Open(TextRun context, int k)
    {
        var l = context.Lines[k];
        if (!IsReferenceStart(l))
        {
            return null;
        }

        var block = new References();
        Start(block, l);
        return block;
    }

    protected override bool Continue(TextRun context, References block, int k, int blanks)
    {
        if (blanks > 0)
        {
            return false;
        }

        var l = context.Lines[k];
        if (IsReferenceStart(l))
        {
            Start(block, l);
        }
        else if (block.PendingId is not null && IsTitleLine(l))
        {
            var c = l.Content;
            block.Title.Clear();
            block.Title.Append(c[(c.IndexOf(':') + 1)..].Trim());
        }
        else if (block.PendingId is not null && (l.Indent > block.RefIndent || block.Title.Length > 0))
        {
            BlockText.AppendWords(block.Title, l.Content);
        }
        else
        {
            return false;
        }

        return true;
    }

    protected override void CloseBlock(TextRun context, References block)
    {
        block.Flush();
        var raw = new StringBuilder();
        for (var r = block.First; r < block.End; r++)
        {
            raw.Append(r > block.First ? "\n" : "").Append(context.Lines[r].Content);
        }

        context.Blocks.Add(new ReferencesBlock { Lines = context.Span(block.First, block.End), Items = block.Items, Text = raw.ToString() });
    }

    /// <summary>A reference line: the previous reference is complete, this one's title starts after its number.</summary>
    private static void Start(References block, in Text.SourceLine l)
    {
        block.Flush();
        var c = l.Content;
        if (c.StartsWith("ARTICLE-ID", StringComparison.OrdinalIgnoreCase))
        {
            block.PendingId = ArticleIds.FirstIn(c.ToString()) ?? c.ToString();
        }
        else
        {
            var sp = c.IndexOfAny(' ', '\t');
            block.PendingId = sp < 0 ? c.ToString() : c[..sp].ToString();
            if (sp >= 0)
            {
                block.Title.Append(c[sp..].Trim());
            }
        }

        block.RefIndent = l.Indent;
    }
}
