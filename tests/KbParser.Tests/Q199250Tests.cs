using Kb.Parser.Model;
using Kb.Tests.Support;

namespace Kb.Parser.Tests;

public sealed class Q199250Tests
{
    private static readonly string SourcePath = Path.Combine(TestCorpus.ContentKb, "199", "Q199250", "README.md");
    private readonly ArticleRecord _record = KbArticleParser.Parse(File.ReadAllBytes(SourcePath), "kb/199/Q199250/README.md");

    [Fact]
    public void Parse_ReadsIdentity()
    {
        Assert.Equal("Q199250", _record.Id);
        Assert.Equal("SMS: Version 1.2 to 2.0 Secondary Site Upgrade Options", _record.Title);
        Assert.Equal("SMS", _record.TitlePrefix);
        Assert.Equal("/kb/199/Q199250/", _record.Permalink);
        Assert.Equal("kb/199/Q199250/README.md", _record.SourcePath);
    }

    [Fact]
    public void Parse_ReadsHeaderFields()
    {
        Assert.Equal(["Microsoft Systems Management Server"], _record.Products);
        Assert.Equal([new ProductVersion("winnt", "2.0")], _record.Versions);
        Assert.Empty(_record.OperatingSystems);
        Assert.Equal(["kbsms200"], _record.Keywords);
        Assert.Equal("1999-05-08", _record.LastModified);
        Assert.Equal(ArticleKinds.Info, _record.Kind);
    }

    [Fact]
    public void Parse_ReadsAppliesTo()
    {
        var entry = Assert.Single(_record.AppliesTo);
        Assert.Equal("Microsoft Systems Management Server", entry.Product);
        Assert.Equal("2.0", entry.Version);
    }

    [Fact]
    public void Parse_ReadsSectionsAndTheOptionsSubsection()
    {
        Assert.Equal(["SUMMARY", "MORE INFORMATION"], _record.Sections.Select(s => s.Heading));
        var summary = _record.Sections[0];
        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(summary.Blocks));
        Assert.StartsWith("This articles describes the three methods", paragraph.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", paragraph.Text, StringComparison.Ordinal);

        var more = _record.Sections[1];
        var sub = Assert.Single(more.Subsections);
        Assert.Equal("Options for Upgrading a Systems Management Server Secondary Site", sub.Heading);
        Assert.Equal(3, sub.Level);
        Assert.Equal(3, sub.Blocks.Count);

        var list = Assert.IsType<ListBlock>(sub.Blocks[0]);
        Assert.False(list.Ordered);
        Assert.Equal(
            [
                "Download the upgrade from the parent site.",
                "Initiate the upgrade from the parent site using source files located at the secondary site.",
                "Upgrade locally at the secondary site server using the Systems Management Server installation CD-ROM.",
            ],
            list.Items.Select(i => i.Text));
        foreach (var item in list.Items)
        {
            var condition = Assert.IsType<ParagraphBlock>(Assert.Single(item.Blocks));
            Assert.StartsWith("Select this option when", condition.Text, StringComparison.Ordinal);
        }

        Assert.StartsWith("If you plan to initiate the upgrade", Assert.IsType<ParagraphBlock>(sub.Blocks[1]).Text, StringComparison.Ordinal);
        var note = Assert.IsType<NoteBlock>(sub.Blocks[2]);
        Assert.Equal("NOTE", note.Label);
        Assert.StartsWith("As soon as you have run the Secondary Site Upgrade Wizard", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsMetadataAndQueryWords()
    {
        Assert.Equal("kbsms200", _record.Metadata["Keywords"]);
        Assert.Equal("kbSMSSearch kbSMS200", _record.Metadata["Technology"]);
        Assert.Equal("winnt:2.0", _record.Metadata["Version"]);
        Assert.Equal("kbinfo", _record.Metadata["Issue type"]);
        Assert.Equal(["prodsms"], _record.AdditionalQueryWords);
    }

    [Fact]
    public void Parse_LosesNoLineAndReportsNothing()
    {
        Assert.Empty(RecordAudit.Check(File.ReadAllText(SourcePath), _record));
        Assert.Empty(_record.Diagnostics);
    }

    [Fact]
    public void Parse_GivesTheSameRecordWithTheRawGuard()
    {
        var text = File.ReadAllText(SourcePath);
        var heading = text.IndexOf("## Q199250", StringComparison.Ordinal);
        var afterHeading = text.IndexOf('\n', heading) + 1;
        var guarded = text[..afterHeading] + "\n{% raw %}\n" + text[afterHeading..] + "\n{% endraw %}\n";
        var record = KbArticleParser.Parse(guarded, "kb/199/Q199250/README.md");
        Assert.Equal(StripLines(_record), StripLines(record));
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var json = KbJson.Serialize(_record);
        var back = KbJson.Deserialize(json);
        Assert.NotNull(back);
        Assert.Equal(json, KbJson.Serialize(back));
        Assert.Contains("\"type\":\"list\"", json, StringComparison.Ordinal);
    }

    /// <summary>Line numbers move when a guard is added; compare the content only.</summary>
    private static string StripLines(ArticleRecord r) =>
        System.Text.RegularExpressions.Regex.Replace(KbJson.Serialize(r), @"""(lines|line|headingLines|metadataLines|queryWordsLines)"":(\[\d+,\d+\]|\d+|\[(\[\d+,\d+\],?)*\])", "");
}
