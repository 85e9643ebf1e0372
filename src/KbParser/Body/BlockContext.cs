using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser.Body;

/// <summary>What every parser list shares: the body's lines and the article's diagnostics.</summary>
internal abstract class BlockContext
{
    protected BlockContext(List<SourceLine> lines, List<Diagnostic> diagnostics)
    {
        Lines = lines;
        Diagnostics = diagnostics;
    }

    /// <summary>Every line of the body (parsers may look before and after the line they are given).</summary>
    public List<SourceLine> Lines { get; }

    public List<Diagnostic> Diagnostics { get; }

    /// <summary>The first non-blank line at or after <paramref name="i"/>, or <paramref name="to"/>.</summary>
    public int NextNonBlank(int i, int to)
    {
        while (i < to && Lines[i].IsBlank)
        {
            i++;
        }

        return i;
    }

    /// <summary>The smallest indentation of the non-blank lines in [from, to), 0 when there are none.</summary>
    public int MinIndent(int from, int to)
    {
        var min = int.MaxValue;
        for (var k = from; k < to && min > 0; k++)
        {
            if (!Lines[k].IsBlank)
            {
                min = Math.Min(min, Lines[k].Indent);
            }
        }

        return min == int.MaxValue ? 0 : min;
    }

    /// <summary>The span of body lines [start, end), trailing blank lines left out.</summary>
    public LineSpan Span(int start, int endExclusive)
    {
        var last = endExclusive - 1;
        while (last > start && Lines[last].IsBlank)
        {
            last--;
        }

        return new LineSpan(Lines[start].Number, Lines[last].Number);
    }
}
