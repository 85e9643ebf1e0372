using Kb.Parser.Model;
using static Kb.Parser.Tests.Body.BodyLines;

namespace Kb.Parser.Tests.Body;

public sealed class HeaderParserTests
{
    [Fact]
    public void Header_ReadsFieldsUpToABlankLine_AndReportsUnknownOnes()
    {
        var diagnostics = new List<Diagnostic>();
        var body = ReadBody(diagnostics, "Article: Q123456", "Colour: blue", "Last Modified: 01-FEB-2000", "", "Text: not a field");
        Assert.Equal(["Article", "Colour", "Last Modified"], body.Header.Select(h => h.Name));
        Assert.Equal([2], diagnostics.Where(d => d.Code == DiagnosticCodes.Parser.UnknownHeaderField).Select(d => d.Line));
        Assert.Equal("Text: not a field", Assert.IsType<ParagraphBlock>(Assert.Single(Blocks(body))).Text);
    }

    [Fact]
    public void Header_MustOpenWithAKnownField()
    {
        var diagnostics = new List<Diagnostic>();
        var body = ReadBody(diagnostics, "", "Colour: blue", "Article: Q123456");
        Assert.Empty(body.Header);
        Assert.Equal(2, Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.Parser.NoHeaderBlock).Line);
    }

    [Fact]
    public void Header_IsReportedMissingFromAnEmptyBody()
    {
        var diagnostics = new List<Diagnostic>();
        ReadBody(diagnostics, "", "");
        Assert.Equal(0, Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.Parser.NoHeaderBlock).Line);
    }

    [Fact]
    public void Header_SetsTheProseMarginFromTheLinesAfterIt()
    {
        // After the header the text starts at column 4: a line at column 6 is preformatted, one at column 5 prose.
        Assert.IsType<PreformattedBlock>(Blocks(ReadBody([.. Header, "    Prose.", "", "      command"]))[1]);
        Assert.IsType<ParagraphBlock>(Blocks(ReadBody([.. Header, "    Prose.", "", "     more prose"]))[1]);
    }
}

public sealed class AppliesToParserTests
{
    private static readonly string Rule = new('-', 40);

    [Fact]
    public void AppliesTo_FramedByRules_ReadsEachEntry()
    {
        var body = ReadBody([.. Header, Rule, "The information in this article applies to:", "",
            "- Microsoft Word version 6.0", "- Microsoft Excel versions 5.0,", "  7.0", Rule, "", "SUMMARY", "======="]);
        Assert.Equal(["Microsoft Word version 6.0", "Microsoft Excel versions 5.0, 7.0"], body.AppliesTo.Select(a => a.Text));
        Assert.Equal(new LineSpan(8, 9), body.AppliesTo[1].Lines);
        Assert.Equal([4, 5, 10], body.Frame.Select(f => f.Line));
        Assert.Equal("SUMMARY", Assert.Single(body.Sections).Heading);
    }

    [Fact]
    public void AppliesTo_WithoutRules_EndsAtABlankLineAfterItsEntries()
    {
        var body = ReadBody([.. Header, "This article applies to:", "- Microsoft Word 6.0", "", "Other text."]);
        Assert.Equal("Microsoft Word 6.0", Assert.Single(body.AppliesTo).Text);
        Assert.Equal("Other text.", Assert.IsType<ParagraphBlock>(Assert.Single(Blocks(body))).Text);
    }

    [Fact]
    public void AppliesTo_NeverRunsIntoAHeading()
    {
        var body = ReadBody([.. Header, Rule, "The information in this article applies to:", "- Word", "SUMMARY", "=======", "Text."]);
        Assert.Equal("Word", Assert.Single(body.AppliesTo).Text);
        Assert.Equal("SUMMARY", Assert.Single(body.Sections).Heading);
    }

    [Fact]
    public void AppliesTo_NeedsItsIntroLine()
    {
        var body = ReadBody([.. Header, "These notes apply to nothing in particular."]);
        Assert.Empty(body.AppliesTo);
    }
}

public sealed class MetadataParserTests
{
    private static readonly string Rule = new('=', 40);

    [Fact]
    public void Metadata_ReadsKeysAndRunOnValues_BetweenRules()
    {
        var diagnostics = new List<Diagnostic>();
        var body = ReadBody(diagnostics, [.. Header, "Text.", "", Rule, "", "Keywords          : kbsms200", "                    kbsetup",
            "Issue type        : kbinfo", "", Rule]);
        Assert.Equal(["Keywords", "Issue type"], body.Metadata.Keys);
        Assert.Equal("kbsms200 kbsetup", body.Metadata["Keywords"]);
        Assert.Equal(new LineSpan(8, 10), Assert.Single(body.MetadataLines));
        Assert.Equal([6, 12], body.Frame.Select(f => f.Line));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Metadata_WithoutAClosingRule_IsKeptAndReported()
    {
        var diagnostics = new List<Diagnostic>();
        var body = ReadBody(diagnostics, [.. Header, Rule, "Keywords : kbx", "", "Trailing text."]);
        Assert.Equal("kbx", body.Metadata["Keywords"]);
        Assert.Equal(5, Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.Parser.UnclosedMetadata).Line);
        Assert.Equal("Trailing text.", Assert.IsType<ParagraphBlock>(Assert.Single(Blocks(body))).Text);
    }

    [Fact]
    public void Metadata_NeedsAKeyAfterItsRule()
    {
        var body = ReadBody([.. Header, Rule, "Some words here."]);
        Assert.Empty(body.Metadata);
        Assert.Equal([4], body.Frame.Select(f => f.Line));
    }
}

public sealed class QueryWordsParserTests
{
    [Fact]
    public void QueryWords_ReadTheLineAndItsRunOn()
    {
        var body = ReadBody([.. Header, "Additional query words: setup", "  install  upgrade", "", "Text."]);
        Assert.Equal(["setup", "install", "upgrade"], body.QueryWords);
        Assert.Equal(new LineSpan(4, 5), Assert.Single(body.QueryWordsLines));
        Assert.Single(Blocks(body));
    }
}

public sealed class HeadingParserTests
{
    [Fact]
    public void SectionHeading_UnderlinedWithEquals_OpensASection()
    {
        var body = ReadBody([.. Header, "Before.", "", "MORE INFORMATION", "================", "After."]);
        Assert.Equal([null, "MORE INFORMATION"], body.Sections.Select(s => s.Heading));
        Assert.Equal(new LineSpan(6, 7), body.Sections[1].HeadingLines);
    }

    [Fact]
    public void SubsectionHeading_UnderlinedWithDashes_OrAMethodLeadAlone()
    {
        var body = ReadBody([.. Header, "STEPS", "=====", "", "Installing", "----------", "Text.", "", "Method 2: Use Setup", "", "More."]);
        var section = Assert.Single(body.Sections);
        Assert.Equal(["Installing", "Method 2: Use Setup"], section.Subsections.Select(s => s.Heading));
        Assert.All(section.Subsections, s => Assert.Equal(3, s.Level));
        Assert.Equal("More.", Assert.IsType<ParagraphBlock>(Assert.Single(section.Subsections[1].Blocks)).Text);
    }

    [Fact]
    public void SubsectionHeading_LeadNotAlone_IsText()
    {
        var body = ReadBody([.. Header, "Method 2: Use Setup", "to install it."]);
        Assert.Empty(Assert.Single(body.Sections).Subsections);
    }

    [Fact]
    public void FrameRule_AtTheMargin_IsFrame_ButIndentedOrUnderColumnsIsText()
    {
        Assert.Equal([6], ReadBody([.. Header, "Text.", "", "-----", "More."]).Frame.Select(f => f.Line));
        Assert.Empty(ReadBody([.. Header, "Text.", "", "      -----"]).Frame);
        Assert.Empty(ReadBody([.. Header, "Name      Size", "----      ----", "a.exe     10"]).Frame);
    }
}
