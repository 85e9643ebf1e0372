using System.Text;
using Kb.Parser.Model;
using static Kb.Parser.Body.LineClassifier;

namespace Kb.Parser.Body;

/// <summary>The "Additional query words:" line and the lines that run on from it, up to a blank line or a rule.</summary>
internal sealed class QueryWordsParser : BlockParser<BodyRun, QueryWordsParser.QueryWords>
{
    /// <summary>The open line's words so far.</summary>
    internal sealed class QueryWords(StringBuilder words) : OpenBlock
    {
        public StringBuilder Words { get; } = words;
    }

    protected override QueryWords? Open(BodyRun context, int k)
    {
        var line = context.Lines[k];
        if (!line.Content.StartsWith("Additional query words", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var colon = line.Source.IndexOf(':', line.Start, line.End - line.Start);
        return colon < 0 ? null : new QueryWords(new StringBuilder(line.Source[(colon + 1)..line.End]));
    }

    protected override bool Continue(BodyRun context, QueryWords block, int k, int blanks)
    {
        if (blanks > 0 || IsRule(context.Lines[k], out _))
        {
            return false;
        }

        block.Words.Append(' ').Append(context.Lines[k].Content);
        return true;
    }

    protected override void CloseBlock(BodyRun context, QueryWords block)
    {
        context.Result.QueryWords.AddRange(block.Words.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        context.Result.QueryWordsLines.Add(new LineSpan(context.Lines[block.First].Number, context.Lines[block.Last].Number));
    }
}
