using Kb.Parser.Body;
using Kb.Parser.Model;

namespace Kb.Parser.Tests.Body;

public sealed class BlockDriverTests
{
    /// <summary>Opens on every line and records, for each line it is offered, the blank lines before it.</summary>
    private sealed class RecordingParser : BlockParser<TextRun, OpenBlock>
    {
        public List<(int Line, int Blanks)> Offered { get; } = [];
        public List<(int First, int Last)> Closed { get; } = [];

        protected override OpenBlock Open(TextRun context, int k) => new();

        protected override bool Continue(TextRun context, OpenBlock block, int k, int blanks)
        {
            Offered.Add((k, blanks));
            return blanks < 2;
        }

        protected override void CloseBlock(TextRun context, OpenBlock block) => Closed.Add((block.First, block.Last));
    }

    [Fact]
    public void Run_FirstParserThatOpensOwnsTheLine()
    {
        Assert.IsType<NoteBlock>(Assert.Single(Run([new NoteParser(), new ProseParser()], "NOTE: read this")));
        Assert.IsType<ParagraphBlock>(Assert.Single(Run([new ProseParser(), new NoteParser()], "NOTE: read this")));
    }

    [Fact]
    public void Run_OffersOnlyNonBlankLines_WithTheBlankLinesBeforeThem()
    {
        var parser = new RecordingParser();
        Run([parser], "a", "b", "", "c", "", "", "d");
        Assert.Equal([(1, 0), (3, 1), (6, 2)], parser.Offered);
        // "d" followed two blank lines: the first block closed, and "d" opened a second one.
        Assert.Equal([(0, 3), (6, 6)], parser.Closed);
    }

    [Fact]
    public void Run_ReadsOnlyTheRangeItIsGiven()
    {
        var parser = new RecordingParser();
        var run = new TextRun(BodyLines.Of("a", "b", "c", "d"), [], 0, 0);
        BlockDriver.Run([parser], run, 1, 3);
        Assert.Equal([(1, 2)], parser.Closed);
    }

    [Fact]
    public void Run_InterruptibleBlock_ClosesWhenAParserBeforeItOpens()
    {
        // The text run has no blank line before the heading: the heading parser, listed first, still closes it.
        var body = BodyLines.ReadBody([.. BodyLines.Header, "Some text", "SUMMARY", "=======", "More text"]);
        Assert.Equal([null, "SUMMARY"], body.Sections.Select(s => s.Heading));
        Assert.Equal("Some text", Assert.IsType<ParagraphBlock>(Assert.Single(body.Sections[0].Blocks)).Text);
        Assert.Equal("More text", Assert.IsType<ParagraphBlock>(Assert.Single(body.Sections[1].Blocks)).Text);
    }

    [Theory]
    [InlineData("plain words")]
    [InlineData("- a bullet")]
    [InlineData("        deeply indented")]
    [InlineData("=====")]
    [InlineData("Q123456")]
    public void ParserLists_EndWithAParserThatOpensOnAnyLine(string text)
    {
        var lines = BodyLines.Of(text);
        Assert.NotNull(TextBlocks.Parsers[^1].TryOpen(new TextRun(lines, [], 0, 0), 0));
        Assert.NotNull(BodyParser.Parsers[^1].TryOpen(new BodyRun(lines, []), 0));
    }

    private static List<Block> Run(BlockParser<TextRun>[] parsers, params string[] lines)
    {
        var run = new TextRun(BodyLines.Of(lines), [], 0, 0);
        BlockDriver.Run(parsers, run, 0, lines.Length);
        return run.Blocks;
    }
}
