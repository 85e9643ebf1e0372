using System.Text;
using System.Text.RegularExpressions;
using Kb.Parser.Model;
using Kb.Parser.Text;
using static Kb.Parser.Body.LineClassifier;

namespace Kb.Parser.Body;

/// <summary>
/// Reads the fixed-width body: the header block, the applies-to frame, section and
/// subsection headings, the trailing metadata block and the query-word line; the text
/// between them goes to <see cref="BlockParser"/>.
/// </summary>
internal sealed partial class BodyParser
{
    private static readonly HashSet<string> KnownHeaderFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "Product(s)", "Version(s)", "Operating System(s)", "Keyword(s)", "Last Modified",
    };

    private readonly List<SourceLine> _lines;
    private readonly List<Diagnostic> _diagnostics;
    private readonly BodyStructure _result = new();

    private BodyParser(List<SourceLine> lines, List<Diagnostic> diagnostics)
    {
        _lines = lines;
        _diagnostics = diagnostics;
    }

    public static BodyStructure Parse(List<SourceLine> lines, List<Diagnostic> diagnostics)
    {
        var parser = new BodyParser(lines, diagnostics);
        parser.Run();
        return parser._result;
    }

    private void Run()
    {
        var i = ReadHeader();
        var blockParser = new BlockParser(_lines, _diagnostics);
        var baseIndent = BaseIndent(i);

        Section? section = null;      // the open level-2 section
        List<Block>? sectionBlocks = null;
        List<Section>? subsections = null;
        Section? sub = null;           // the open level-3 subsection
        List<Block>? subBlocks = null;

        void CloseSub()
        {
            if (sub is not null)
            {
                subsections!.Add(sub with { Blocks = subBlocks! });
                sub = null;
                subBlocks = null;
            }
        }

        void CloseSection()
        {
            CloseSub();
            if (section is not null)
            {
                _result.Sections.Add(section with { Blocks = sectionBlocks!, Subsections = subsections! });
                section = null;
            }
        }

        void OpenSection(string? heading, LineSpan? span)
        {
            CloseSection();
            section = new Section { Heading = heading, Level = 2, HeadingLines = span };
            sectionBlocks = [];
            subsections = [];
        }

        void Flush(int from, int to)
        {
            if (from >= to || AllBlank(from, to))
            {
                return;
            }

            if (section is null)
            {
                OpenSection(null, null);
            }

            var blocks = blockParser.Parse(from, to, baseIndent);
            (subBlocks ?? sectionBlocks)!.AddRange(blocks);
        }

        var runStart = i;
        while (i < _lines.Count)
        {
            var line = _lines[i];
            if (line.IsBlank)
            {
                i++;
                continue;
            }

            int next;
            if ((next = TryAppliesTo(i)) > i
                || (next = TryMetadata(i)) > i
                || (next = TryQueryWords(i)) > i)
            {
                Flush(runStart, i);
                i = runStart = next;
                continue;
            }

            if (i + 1 < _lines.Count && IsUnderline(line, _lines[i + 1], '='))
            {
                Flush(runStart, i);
                OpenSection(line.Trimmed, new LineSpan(line.Number, _lines[i + 1].Number));
                i = runStart = i + 2;
                continue;
            }

            var underlined = i + 1 < _lines.Count && IsUnderline(line, _lines[i + 1], '-');
            if (underlined || (IsLeadHeading(line) && line.Indent <= baseIndent + 2 && IsAlone(i)))
            {
                Flush(runStart, i);
                if (section is null)
                {
                    OpenSection(null, null);
                }

                CloseSub();
                var span = new LineSpan(line.Number, underlined ? _lines[i + 1].Number : line.Number);
                sub = new Section { Heading = line.Trimmed, Level = 3, HeadingLines = span };
                subBlocks = [];
                i = runStart = i + (underlined ? 2 : 1);
                continue;
            }

            // A rule at the prose margin is structure; an indented one, or one under table column
            // headers, belongs to the text around it (a table inside a list item, say).
            if (IsRule(line, out _) && line.Indent <= baseIndent + 2 && (i == 0 || !HasColumnGap(_lines[i - 1])))
            {
                Flush(runStart, i);
                _result.Frame.Add(new FrameLine(line.Number, line.Trimmed));
                i = runStart = i + 1;
                continue;
            }

            i++;
        }

        Flush(runStart, _lines.Count);
        CloseSection();
    }

    /// <summary>True when the line stands alone: blank (or nothing) before and after it.</summary>
    private bool IsAlone(int i) =>
        (i == 0 || _lines[i - 1].IsBlank) && (i + 1 >= _lines.Count || _lines[i + 1].IsBlank);

    private bool AllBlank(int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!_lines[k].IsBlank)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The indentation of ordinary prose: the smallest indentation after the header.</summary>
    private int BaseIndent(int from)
    {
        var min = int.MaxValue;
        for (var k = from; k < _lines.Count && min > 0; k++)
        {
            if (!_lines[k].IsBlank)
            {
                min = Math.Min(min, _lines[k].Indent);
            }
        }

        return min == int.MaxValue ? 0 : min;
    }

    private int ReadHeader()
    {
        var i = 0;
        while (i < _lines.Count && _lines[i].IsBlank)
        {
            i++;
        }

        var first = i;
        while (i < _lines.Count && !_lines[i].IsBlank)
        {
            var m = HeaderLine().Match(_lines[i].Trimmed);
            if (!m.Success || _lines[i].Indent > 0)
            {
                break;
            }

            var name = m.Groups["name"].Value.Trim();
            if (i == first && !KnownHeaderFields.Contains(name))
            {
                break;
            }

            if (!KnownHeaderFields.Contains(name))
            {
                _diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.UnknownHeaderField, _lines[i].Number,
                    $"unknown header field '{name}'"));
            }

            _result.Header.Add(new HeaderField(name, m.Groups["value"].Value.Trim(), _lines[i].Number));
            i++;
        }

        if (_result.Header.Count == 0)
        {
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.NoHeaderBlock,
                first < _lines.Count ? _lines[first].Number : 0, "no header block (Article:, Product(s):, ...)"));
            return first;
        }

        return i;
    }

    /// <summary>The "The information in this article applies to:" frame and its entries.</summary>
    private int TryAppliesTo(int i)
    {
        var line = _lines[i];
        var introAt = i;
        var opensWithRule = IsRule(line, out var rc) && rc == '-' && line.End - line.Start >= 20;
        if (opensWithRule)
        {
            introAt = NextNonBlank(i + 1);
            if (introAt >= _lines.Count || introAt - i > 2)
            {
                return i;
            }
        }

        var intro = _lines[introAt];
        if (!opensWithRule && !intro.Content.StartsWith("The ", StringComparison.Ordinal)
            && !intro.Content.StartsWith("This ", StringComparison.Ordinal))
        {
            return i;
        }

        if (intro.Indent > 2 || !intro.Content.Contains("applies to", StringComparison.OrdinalIgnoreCase)
            || intro.End - intro.Start > 80)
        {
            return i;
        }

        if (opensWithRule)
        {
            _result.Frame.Add(new FrameLine(line.Number, line.Trimmed));
        }

        _result.Frame.Add(new FrameLine(intro.Number, intro.Trimmed));
        var k = introAt + 1;
        var entryText = new StringBuilder();
        int entryStart = -1, entryEnd = -1, entryIndent = 0;

        void FlushEntry()
        {
            if (entryStart >= 0)
            {
                _result.AppliesTo.Add(HeaderValues.ParseAppliesTo(entryText.ToString(), new LineSpan(entryStart, entryEnd)));
            }

            entryStart = -1;
            entryText.Clear();
        }

        var limit = Math.Min(_lines.Count, introAt + 400);
        var sawBlankAfterEntries = false;
        while (k < limit)
        {
            var l = _lines[k];
            if (l.IsBlank)
            {
                sawBlankAfterEntries |= _result.AppliesTo.Count > 0 || entryStart >= 0;
                k++;
                continue;
            }

            if (IsRule(l, out var r) && r == '-')
            {
                FlushEntry();
                _result.Frame.Add(new FrameLine(l.Number, l.Trimmed));
                return k + 1;
            }

            if (sawBlankAfterEntries && !opensWithRule)
            {
                break;
            }

            if (k + 1 < _lines.Count && (IsUnderline(l, _lines[k + 1], '=') || IsUnderline(l, _lines[k + 1], '-')))
            {
                break;
            }

            if (TryBullet(l, out var ml))
            {
                FlushEntry();
                entryStart = entryEnd = l.Number;
                entryIndent = l.Indent;
                entryText.Append(l.Source.AsSpan(l.Start + ml, l.End - l.Start - ml));
            }
            else if (entryStart >= 0 && l.Indent > entryIndent && !sawBlankAfterEntries)
            {
                entryText.Append(' ').Append(l.Content);
                entryEnd = l.Number;
            }
            else
            {
                FlushEntry();
                entryStart = entryEnd = l.Number;
                entryIndent = l.Indent;
                entryText.Append(l.Content);
            }

            k++;
        }

        FlushEntry();
        return k;
    }

    /// <summary>The trailing block: a rule of '=' then <c>Key : value</c> lines, then a closing rule.</summary>
    private int TryMetadata(int i)
    {
        var line = _lines[i];
        if (!IsRule(line, out var rc, 20) || rc != '=')
        {
            return i;
        }

        var k = NextNonBlank(i + 1);
        if (k >= _lines.Count || !IsMetadataStart(_lines[k]))
        {
            return i;
        }

        _result.Frame.Add(new FrameLine(line.Number, line.Trimmed));
        var start = _lines[k].Number;
        var end = start;
        string? lastKey = null;
        while (k < _lines.Count && !_lines[k].IsBlank && !IsRule(_lines[k], out _))
        {
            var l = _lines[k];
            var m = MetadataLine().Match(l.Trimmed);
            if (m.Success)
            {
                lastKey = m.Groups["k"].Value.Trim();
                var value = m.Groups["v"].Value.Trim();
                _result.Metadata[lastKey] = _result.Metadata.TryGetValue(lastKey, out var prev) && prev.Length > 0
                    ? prev + " " + value : value;
            }
            else if (lastKey is not null)
            {
                _result.Metadata[lastKey] = (_result.Metadata[lastKey] + " " + l.Trimmed).Trim();
            }

            end = l.Number;
            k++;
        }

        _result.MetadataLines.Add(new LineSpan(start, end));
        var close = NextNonBlank(k);
        if (close < _lines.Count && IsRule(_lines[close], out var cc) && cc == '=')
        {
            _result.Frame.Add(new FrameLine(_lines[close].Number, _lines[close].Trimmed));
            return close + 1;
        }

        _diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.UnclosedMetadata, end, "metadata block has no closing rule"));
        return k;
    }

    private static readonly HashSet<string> KnownMetadataKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Keywords", "Technology", "Version", "Issue type", "Solution Type", "Hardware", "Component", "Platform",
        "KBCategory", "KBSubcategory",
    };

    /// <summary>A metadata block starts with a known key, or a key padded to a column ("Keywords      :").</summary>
    private static bool IsMetadataStart(in SourceLine line)
    {
        var m = MetadataLine().Match(line.Trimmed);
        if (!m.Success)
        {
            return false;
        }

        var key = m.Groups["k"];
        var padded = key.Index + key.Length < line.Trimmed.Length && line.Trimmed[key.Index + key.Length] == ' ';
        return padded || KnownMetadataKeys.Contains(key.Value);
    }

    private int TryQueryWords(int i)
    {
        var line = _lines[i];
        if (!line.Content.StartsWith("Additional query words", StringComparison.OrdinalIgnoreCase))
        {
            return i;
        }

        var colon = line.Source.IndexOf(':', line.Start, line.End - line.Start);
        if (colon < 0 || colon >= line.End)
        {
            return i;
        }

        var words = new StringBuilder(line.Source[(colon + 1)..line.End]);
        var k = i + 1;
        while (k < _lines.Count && !_lines[k].IsBlank && !IsRule(_lines[k], out _))
        {
            words.Append(' ').Append(_lines[k].Content);
            k++;
        }

        _result.QueryWords.AddRange(words.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        _result.QueryWordsLines.Add(new LineSpan(line.Number, _lines[k - 1].Number));
        return k;
    }

    private int NextNonBlank(int i)
    {
        while (i < _lines.Count && _lines[i].IsBlank)
        {
            i++;
        }

        return i;
    }

    [GeneratedRegex(@"^(?<name>[A-Z][A-Za-z()]{1,20}(?: [A-Za-z()]{1,20}){0,3})\s{0,2}:\s?(?<value>.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^(?<k>[A-Z][A-Za-z]{1,20}(?: [A-Za-z]{1,20}){0,3})\s{0,30}:(?:\s(?<v>.*))?$")]
    private static partial Regex MetadataLine();
}
