using Kb.Parser.Model;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
        var lines = SplitLines(text);

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
        for (var i = bodyStart; i < bodyEnd; i++)
        {
            var l = lines[i];
            doc.Body.Add(new SourceLine(i + 1, l.StartsWith('\t') ? l[1..] : l));
        }

        return doc;
    }

    private static int FirstBodyLine(List<string> lines, int limit)
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

    private static void ReadPreamble(List<string> lines, int end, ArticleDocument doc, List<Diagnostic> diagnostics)
    {
        var preamble = string.Join('\n', lines.Take(end));
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

    private static void ReadYaml(string yaml, ArticleDocument doc, List<Diagnostic> diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.InvalidFrontMatter, 2, "front matter is not a mapping"));
                return;
            }

            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode k && value is YamlScalarNode v && k.Value is not null)
                {
                    doc.FrontMatter[k.Value] = v.Value ?? "";
                }
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.InvalidFrontMatter, (int)ex.Start.Line + 1,
                "front matter is not valid YAML: " + ex.Message));
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

    private static int NextNonBlank(List<string> lines, int from)
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

    private static int LastNonBlank(List<string> lines)
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

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>(text.Length / 60 + 1);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                lines.Add(text[start..i]);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
