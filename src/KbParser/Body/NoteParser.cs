using System.Text;
using Kb.Parser.Model;
using static Kb.Parser.Body.LineClassifier;

namespace Kb.Parser.Body;

/// <summary>A <c>NOTE:</c>, <c>WARNING:</c>, <c>IMPORTANT:</c> ... paragraph, up to a blank line.</summary>
internal sealed class NoteParser : BlockParser<TextRun, NoteParser.Note>
{
    /// <summary>An open note: its label, upper-cased.</summary>
    internal sealed class Note(string label) : OpenBlock
    {
        public string Label { get; } = label;
    }

    protected override Note? Open(TextRun context, int k) =>
        TryNoteLabel(context.Lines[k], out var label) ? new Note(label) : null;

    protected override bool Continue(TextRun context, Note block, int k, int blanks) => blanks == 0;

    protected override void CloseBlock(TextRun context, Note block)
    {
        var first = context.Lines[block.First];
        var colon = first.Source.IndexOf(':', first.Start, first.End - first.Start);
        var text = new StringBuilder(first.Source.AsSpan(colon + 1, first.End - colon - 1).Trim().ToString());
        for (var k = block.First + 1; k < block.End; k++)
        {
            BlockText.AppendWords(text, context.Lines[k].Content);
        }

        context.Blocks.Add(new NoteBlock { Lines = context.Span(block.First, block.End), Label = block.Label, Text = text.ToString() });
    }
}
