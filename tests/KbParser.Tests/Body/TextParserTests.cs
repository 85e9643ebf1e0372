using Kb.Parser.Body;
using Kb.Parser.Model;
using static Kb.Parser.Tests.Body.BodyLines;

namespace Kb.Parser.Tests.Body;

public sealed class ProseParserTests
{
    [Fact]
    public void Prose_ReflowsLinesUpToABlankLine()
    {
        var blocks = ReadText(0, "The first", "  line runs on.", "", "A second one.");
        Assert.Equal(["The first line runs on.", "A second one."], blocks.Cast<ParagraphBlock>().Select(p => p.Text));
        Assert.Equal(new LineSpan(1, 2), blocks[0].Lines);
    }

    [Fact]
    public void Prose_EndsBeforeAMarker_OnlyAfterALineThatEndsAClause()
    {
        Assert.Collection(ReadText(0, "Do the following:", "- remove the file"),
            b => Assert.IsType<ParagraphBlock>(b), b => Assert.IsType<ListBlock>(b));
        Assert.Equal("costs 5 - and more", Assert.IsType<ParagraphBlock>(Assert.Single(ReadText(0, "costs 5", "- and more"))).Text);
    }

    [Fact]
    public void Prose_EndsBeforeAnIndentedLineAfterAColon()
    {
        Assert.Collection(ReadText(0, "Type the command:", "   setup /q"),
            b => Assert.IsType<ParagraphBlock>(b), b => Assert.Equal("setup /q", Assert.IsType<PreformattedBlock>(b).Text));
    }

    [Fact]
    public void Prose_ClosesAsPreformatted_WhenItsLinesHaveColumns()
    {
        var block = Assert.IsType<PreformattedBlock>(Assert.Single(ReadText(0, "File        Size", "setup.exe   1024")));
        Assert.Equal("File        Size\nsetup.exe   1024", block.Text);
    }
}

public sealed class PreformattedParserTests
{
    [Fact]
    public void Preformatted_OpensTwoColumnsPastTheProseMargin()
    {
        Assert.IsType<PreformattedBlock>(Assert.Single(ReadText(4, "      dir c:\\")));
        Assert.IsType<ParagraphBlock>(Assert.Single(ReadText(4, "     dir c:\\")));
    }

    [Fact]
    public void Preformatted_KeepsColumnsRelativeToItsLeastIndentedLine()
    {
        var block = Assert.IsType<PreformattedBlock>(Assert.Single(ReadText(0, "    if (x)", "      y();")));
        Assert.Equal("if (x)\n  y();", block.Text);
    }

    [Fact]
    public void Preformatted_RunsOverUpToTwoBlankLines()
    {
        var block = Assert.IsType<PreformattedBlock>(Assert.Single(ReadText(0, "  a", "", "", "  b")));
        Assert.Equal("a\n\n\nb", block.Text);
        Assert.Equal(new LineSpan(1, 4), block.Lines);
        Assert.Equal(2, ReadText(0, "  a", "", "", "", "  b").Count);
    }

    [Fact]
    public void Preformatted_StopsAtBlankLinesBeforeAListOrANote()
    {
        Assert.Collection(ReadText(0, "  a", "", "  - item"), b => Assert.IsType<PreformattedBlock>(b), b => Assert.IsType<ListBlock>(b));
        Assert.Collection(ReadText(0, "  a", "", "  NOTE: n"), b => Assert.IsType<PreformattedBlock>(b), b => Assert.IsType<NoteBlock>(b));
    }
}

public sealed class DepthLimitParserTests
{
    [Fact]
    public void DepthLimit_AtTheLimit_KeepsEverythingPreformattedAndReportsIt()
    {
        var diagnostics = new List<Diagnostic>();
        var run = new TextRun(Of("- a bullet", "", "plain words"), diagnostics, 0, TextBlocks.MaxDepth);
        BlockDriver.Run(TextBlocks.Parsers, run, 0, 3);
        var block = Assert.IsType<PreformattedBlock>(Assert.Single(run.Blocks));
        Assert.Equal("- a bullet\n\nplain words", block.Text);
        Assert.Equal(1, Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.Parser.DepthLimit).Line);
    }

    [Fact]
    public void DepthLimit_BelowTheLimit_DoesNotOpen()
    {
        var run = new TextRun(Of("- a bullet"), [], 0, TextBlocks.MaxDepth - 1);
        Assert.Null(new DepthLimitParser().TryOpen(run, 0));
    }

    [Fact]
    public void DepthLimit_StopsListsNestedWithoutEnd()
    {
        var lines = Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + "- level " + i).ToArray();
        var diagnostics = new List<Diagnostic>();
        var list = Assert.IsType<ListBlock>(Assert.Single(ReadText(0, diagnostics, lines)));
        var depth = 0;
        for (IReadOnlyList<Block> blocks = [list]; blocks.Count > 0 && blocks[0] is ListBlock l; blocks = l.Items[0].Blocks)
        {
            depth++;
        }

        Assert.Equal(TextBlocks.MaxDepth, depth);
        Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.Parser.DepthLimit);
    }
}

public sealed class ListParserTests
{
    [Fact]
    public void List_ItemLeadRunsOnUntilTheNextMarker()
    {
        var list = Assert.IsType<ListBlock>(Assert.Single(Alone(new ListParser(ordered: false), "- one", "  more", "- two")));
        Assert.False(list.Ordered);
        Assert.Equal(["one more", "two"], list.Items.Select(i => i.Text));
        Assert.Equal(["-", "-"], list.Items.Select(i => i.Marker));
        Assert.Equal(new LineSpan(1, 3), list.Lines);
    }

    [Fact]
    public void List_OfOneKind_EndsAtAMarkerOfTheOther()
    {
        Assert.Collection(ReadText(0, "1. step", "- bullet"),
            b => Assert.True(Assert.IsType<ListBlock>(b).Ordered), b => Assert.False(Assert.IsType<ListBlock>(b).Ordered));
    }

    [Fact]
    public void List_ReadsIndentedLinesUnderAnItemOneLevelDeeper()
    {
        var list = Assert.IsType<ListBlock>(Assert.Single(ReadText(0, "1. Type:", "", "      setup /q", "", "   Then restart.", "", "2. Next")));
        Assert.Equal(2, list.Items.Count);
        Assert.Collection(list.Items[0].Blocks,
            b => Assert.Equal("setup /q", Assert.IsType<PreformattedBlock>(b).Text),
            b => Assert.Equal("Then restart.", Assert.IsType<ParagraphBlock>(b).Text));
        Assert.Equal(new LineSpan(1, 1), list.Items[0].Lines);
    }

    [Fact]
    public void List_EndsAfterMoreThanThreeBlankLines()
    {
        Assert.Single(ReadText(0, "- a", "", "", "", "- b"));
        Assert.Equal(2, ReadText(0, "- a", "", "", "", "", "- b").Count);
    }

    [Fact]
    public void List_EndsAtALineOutsideTheItem()
    {
        Assert.Collection(ReadText(0, "- a", "", "after the list"), b => Assert.IsType<ListBlock>(b), b => Assert.IsType<ParagraphBlock>(b));
    }
}

public sealed class ReferencesParserTests
{
    [Fact]
    public void References_ReadNumbersAndTitles()
    {
        var block = Assert.IsType<ReferencesBlock>(Assert.Single(Alone(new ReferencesParser(),
            "Q123456 How to Do One Thing", "Q234567  Another", "   Title Runs On")));
        Assert.Equal([new Reference("Q123456", "How to Do One Thing"), new Reference("Q234567", "Another Title Runs On")], block.Items);
        Assert.Equal("Q123456 How to Do One Thing\nQ234567  Another\nTitle Runs On", block.Text);
    }

    [Fact]
    public void References_ReadArticleIdAndTitleLines()
    {
        var block = Assert.IsType<ReferencesBlock>(Assert.Single(Alone(new ReferencesParser(),
            "ARTICLE-ID: Q123456", "TITLE     : The Title")));
        Assert.Equal([new Reference("Q123456", "The Title")], block.Items);
    }

    [Fact]
    public void References_EndAtABlankLineOrAnUnindentedLine()
    {
        Assert.Collection(Alone(new ReferencesParser(), "Q123456", "", "Q234567"),
            b => Assert.IsType<ReferencesBlock>(b), b => Assert.IsType<ReferencesBlock>(b));
        Assert.Collection(Alone(new ReferencesParser(), "Q123456", "plain words"),
            b => Assert.Equal([new Reference("Q123456", null)], Assert.IsType<ReferencesBlock>(b).Items),
            b => Assert.IsType<ParagraphBlock>(b));
    }
}

public sealed class NoteParserTests
{
    [Fact]
    public void Note_ReadsItsLabelAndTextUpToABlankLine()
    {
        Assert.Collection(Alone(new NoteParser(), "Warning : this deletes", "  the file.", "", "Next."),
            b =>
            {
                var note = Assert.IsType<NoteBlock>(b);
                Assert.Equal("WARNING", note.Label);
                Assert.Equal("this deletes the file.", note.Text);
            },
            b => Assert.IsType<ParagraphBlock>(b));
    }

    [Fact]
    public void Note_NeedsItsLabelAtTheStart()
    {
        Assert.IsType<ParagraphBlock>(Assert.Single(Alone(new NoteParser(), "See the NOTE: below")));
    }
}
