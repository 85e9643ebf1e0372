using Kb.Parser.Body;
using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser.Tests.Body;

/// <summary>Body lines written inline (numbered from 1), and the parser lists run over them.</summary>
internal static class BodyLines
{
    public static List<SourceLine> Of(params string[] lines) => lines.Select((l, i) => new SourceLine(i + 1, l)).ToList();

    /// <summary>The text-block parsers over the lines, prose at <paramref name="baseIndent"/>.</summary>
    public static List<Block> ReadText(int baseIndent, params string[] lines) => ReadText(baseIndent, [], lines);

    public static List<Block> ReadText(int baseIndent, List<Diagnostic> diagnostics, params string[] lines) =>
        TextBlocks.Parse(Of(lines), diagnostics, 0, lines.Length, baseIndent);

    /// <summary>One text-block parser alone, with prose as the catch-all for the lines it does not take.</summary>
    public static List<Block> Alone(BlockParser<TextRun> parser, params string[] lines)
    {
        var run = new TextRun(Of(lines), [], baseIndent: 0, depth: 0);
        BlockDriver.Run([parser, new ProseParser()], run, 0, lines.Length);
        return run.Blocks;
    }

    /// <summary>The body parsers over the lines.</summary>
    public static BodyStructure ReadBody(List<Diagnostic> diagnostics, params string[] lines) => BodyParser.Parse(Of(lines), diagnostics);

    public static BodyStructure ReadBody(params string[] lines) => ReadBody([], lines);

    /// <summary>The blocks of every section and subsection, in order.</summary>
    public static List<Block> Blocks(BodyStructure body) => BlockWalker.All(body.Sections).ToList();

    /// <summary>A header block to put in front of a body, so the lines after it are read as the article's text.</summary>
    public static readonly string[] Header = ["Article: Q123456", "Product(s): Sample", ""];
}
