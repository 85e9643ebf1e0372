using Kb.Parser.Model;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kb.Parser.Text;

/// <summary>The parts of an article file: front matter, title heading and fixed-width body lines.</summary>
internal sealed class ArticleDocument
{
    public Dictionary<string, string> FrontMatter { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Heading { get; set; }
    public List<SourceLine> Body { get; } = [];
    /// <summary>Lines outside the body (front matter, heading, Liquid guards).</summary>
    public int PreambleLines { get; set; }
}

/// <summary>
/// Splits an article. Markdig (with its YAML front-matter extension) reads the preamble,
/// YamlDotNet the front matter; the body after the H2 title is handed on as lines.
/// </summary>
internal static class DocumentSplitter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    /// <summary>Preamble lines examined for the title heading; an article body starts well before this.</summary>
    private const int MaxPreambleLines = 200;

    public static ArticleDocument Split(string text, List<Diagnostic> diagnostics)
    {
        var doc = new ArticleDocument();
        var lines = new LineList(text);

        // The preamble ends at the H2 title line, or before the first tab-indented line.
        var headingIndex = -1;
        var limit = Math.Min(lines.Count, MaxPreambleLines);
        var inFrontMatter = lines.Count > 0 && lines[0].TrimEnd() == "---";
        for (var i = inFrontMatter ? 1 : 0; i < limit; i++)
        {
            var l = lines[i];
            if (inFrontMatter)
            {
                if (l.TrimEnd() == "---")
                {
                    inFrontMatter = false;
                }

                continue;
            }

            if (l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("# ", StringComparison.Ordinal))
            {
                headingIndex = i;
                break;
            }

            if (l.StartsWith('\t'))
            {
                break;
            }
        }

        var preambleEnd = headingIndex >= 0 ? headingIndex + 1 : FirstBodyLine(lines, limit);
        ReadPreamble(lines, preambleEnd, doc, diagnostics);

        var bodyStart = preambleEnd;
        var bodyEnd = lines.Count;
        var openGuard = NextNonBlank(lines, bodyStart);
        if (openGuard >= 0 && IsGuard(lines[openGuard], "raw"))
        {
            bodyStart = openGuard + 1;
            var close = LastNonBlank(lines);
            if (close > openGuard && IsGuard(lines[close], "endraw"))
            {
                bodyEnd = close;
            }
            else
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.UnclosedRawGuard, openGuard + 1,
                    "'{% raw %}' has no closing '{% endraw %}'"));
            }
        }

        doc.PreambleLines = bodyStart;
        doc.Body.Capacity = Math.Max(0, bodyEnd - bodyStart);
        for (var i = bodyStart; i < bodyEnd; i++)
        {
            doc.Body.Add(lines.BodyLine(i));
        }

        return doc;
    }

    private static int FirstBodyLine(LineList lines, int limit)
    {
        var inFrontMatter = lines.Count > 0 && lines[0].TrimEnd() == "---";
        for (var i = inFrontMatter ? 1 : 0; i < limit; i++)
        {
            if (inFrontMatter)
            {
                if (lines[i].TrimEnd() == "---")
                {
                    return i + 1;
                }

                continue;
            }

            return i;
        }

        return inFrontMatter ? lines.Count : 0;
    }

    private static void ReadPreamble(LineList lines, int end, ArticleDocument doc, List<Diagnostic> diagnostics)
    {
        var preamble = lines.Join(end);
        var md = Markdown.Parse(preamble, Pipeline);
        var frontMatter = md.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (frontMatter is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.NoFrontMatter, 1, "no YAML front matter"));
        }
        else
        {
            ReadYaml(frontMatter.Lines.ToString(), doc, diagnostics);
        }

        var heading = md.Descendants<HeadingBlock>().FirstOrDefault();
        if (heading?.Inline is not null)
        {
            doc.Heading = lines[heading.Line].TrimStart('#').Trim();
        }
        else
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.NoTitleHeading, 0, "no title heading"));
        }
    }

    /// <summary>Front matter larger than this is not read: real articles carry a few hundred bytes.</summary>
    internal const int MaxFrontMatterChars = 64 * 1024;

    /// <summary>Flow collections nested deeper than this are not read: the YAML parser's cost grows with the square of the depth.</summary>
    internal const int MaxFrontMatterDepth = 32;

    private static void ReadYaml(string yaml, ArticleDocument doc, List<Diagnostic> diagnostics)
    {
        if (FlatFrontMatter.TryRead(yaml, doc.FrontMatter))
        {
            return;
        }

        if (yaml.Length > MaxFrontMatterChars)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.InvalidFrontMatter, 2,
                $"front matter is longer than {MaxFrontMatterChars / 1024} KB; not read"));
            return;
        }

        if (FlowDepth(yaml) > MaxFrontMatterDepth)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.InvalidFrontMatter, 2,
                $"front matter nests brackets deeper than {MaxFrontMatterDepth} levels; not read"));
            return;
        }

        ReadYamlWithParser(yaml, doc, diagnostics);
    }

    /// <summary>The deepest nesting of <c>[</c> and <c>{</c>, counted in one pass (quotes are not special: an over-count only refuses a pathological header).</summary>
    internal static int FlowDepth(string yaml)
    {
        int depth = 0, max = 0;
        foreach (var c in yaml)
        {
            if (c is '[' or '{')
            {
                max = Math.Max(max, ++depth);
            }
            else if (c is ']' or '}' && depth > 0)
            {
                depth--;
            }
        }

        return max;
    }

    /// <summary>Reads front matter with YamlDotNet's event parser (a flat mapping of scalars; anything nested is skipped).</summary>
    internal static void ReadYamlWithParser(string yaml, ArticleDocument doc, List<Diagnostic> diagnostics)
    {
        try
        {
            // The event parser is enough for a flat mapping and far cheaper than building a node tree.
            var parser = new YamlDotNet.Core.Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return;
            }

            parser.Consume<DocumentStart>();
            if (!parser.TryConsume<MappingStart>(out _))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.InvalidFrontMatter, 2, "front matter is not a mapping"));
                return;
            }

            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>();
                if (parser.TryConsume<Scalar>(out var value))
                {
                    doc.FrontMatter[key.Value] = value.Value;
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.InvalidFrontMatter, (int)ex.Start.Line + 1,
                "front matter is not valid YAML: " + ex.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's event reader reports a truncated document this way.
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.InvalidFrontMatter, 2, "front matter is not valid YAML: it ends early"));
        }
    }

    private static bool IsGuard(string line, string word)
    {
        var t = line.AsSpan().Trim();
        if (!t.StartsWith("{%") || !t.EndsWith("%}"))
        {
            return false;
        }

        return t[2..^2].Trim().Equals(word, StringComparison.Ordinal);
    }

    private static int NextNonBlank(LineList lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastNonBlank(LineList lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Line offsets into the text; strings are made only for the lines that need them.</summary>
    private sealed class LineList
    {
        private readonly string _text;
        private readonly List<(int Start, int End)> _spans;

        public LineList(string text)
        {
            _text = text;
            // Archive lines average about 45 characters.
            _spans = new List<(int, int)>(text.Length / 32 + 1);
            var start = 0;
            var span = text.AsSpan();
            while (start < text.Length)
            {
                var rel = span[start..].IndexOfAny('\n', '\r');
                if (rel < 0)
                {
                    break;
                }

                var i = start + rel;
                _spans.Add((start, i));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }

            if (start < text.Length)
            {
                _spans.Add((start, text.Length));
            }
        }

        public int Count => _spans.Count;

        public string this[int index] => _text[_spans[index].Start.._spans[index].End];

        /// <summary>The line as a slice, without the archive's leading tab.</summary>
        public SourceLine BodyLine(int index)
        {
            var (start, end) = _spans[index];
            if (start < end && _text[start] == '\t')
            {
                start++;
            }

            return new SourceLine(index + 1, _text, start, end);
        }

        public string Join(int count)
        {
            if (count == 0)
            {
                return "";
            }

            return _text[.._spans[count - 1].End];
        }
    }
}
