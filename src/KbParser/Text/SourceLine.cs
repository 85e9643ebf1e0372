namespace Kb.Parser.Text;

/// <summary>
/// One body line as a slice of the article text (no string of its own): its 1-based number
/// in the file, where it starts and ends once the archive's leading tab is dropped, and its
/// indentation in columns. <see cref="Start"/> and <see cref="End"/> are offsets into
/// <see cref="Source"/> of the first and past the last non-blank character.
/// </summary>
internal readonly struct SourceLine
{
    public SourceLine(int number, string source, int lineStart, int lineEnd)
    {
        Number = number;
        Source = source;
        LineStart = lineStart;
        LineEnd = lineEnd;
        var indent = 0;
        var i = lineStart;
        while (i < lineEnd && (source[i] == ' ' || source[i] == '\t'))
        {
            indent += source[i] == '\t' ? 4 : 1;
            i++;
        }

        Indent = indent;
        Start = i;
        var end = lineEnd;
        while (end > i && char.IsWhiteSpace(source[end - 1]))
        {
            end--;
        }

        End = end;
    }

    /// <summary>A line that is its own string (tests and synthetic input).</summary>
    public SourceLine(int number, string text)
        : this(number, text, 0, text.Length)
    {
    }

    public int Number { get; }
    /// <summary>The whole article text this line is a slice of.</summary>
    public string Source { get; }
    public int LineStart { get; }
    public int LineEnd { get; }
    public int Indent { get; }
    public int Start { get; }
    public int End { get; }
    public int Length => LineEnd - LineStart;
    /// <summary>Columns from the line start to the first non-blank character.</summary>
    public int Column => Start - LineStart;
    public bool IsBlank => Start >= End;
    public ReadOnlySpan<char> Content => Source.AsSpan(Start, End - Start);
    public string Trimmed => Source[Start..End];
    /// <summary>The line as a new string; for reports, not for hot paths.</summary>
    public string Text => Source[LineStart..LineEnd];
}
