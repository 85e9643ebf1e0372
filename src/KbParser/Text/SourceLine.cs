namespace Kb.Parser.Text;

/// <summary>
/// One body line: its 1-based number in the file, its text with the archive's leading tab
/// removed, and its indentation in columns.
/// </summary>
internal readonly struct SourceLine
{
    public SourceLine(int number, string text)
    {
        Number = number;
        Text = text;
        var indent = 0;
        var i = 0;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
        {
            indent += text[i] == '\t' ? 4 : 1;
            i++;
        }

        Indent = indent;
        Start = i;
        var end = text.Length;
        while (end > i && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        End = end;
    }

    public int Number { get; }
    public string Text { get; }
    public int Indent { get; }
    /// <summary>Index of the first non-blank character.</summary>
    public int Start { get; }
    /// <summary>Index after the last non-blank character.</summary>
    public int End { get; }
    public bool IsBlank => Start >= End;
    public ReadOnlySpan<char> Content => Text.AsSpan(Start, End - Start);
    public string Trimmed => Text[Start..End];
}
