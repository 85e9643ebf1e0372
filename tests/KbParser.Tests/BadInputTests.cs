using System.Text;
using Kb.Parser.Model;

namespace Kb.Parser.Tests;

public sealed class BadInputTests
{
    private const string Article = """
        ---
        layout: page
        title: "Q123456: Sample Title &amp; More"
        permalink: /kb/123/Q123456/
        ---

        ## Q123456: Sample Title &amp; More

        {% raw %}

        	Article: Q123456
        	Product(s): Microsoft Sample Product
        	Version(s): winnt:4.0,5.0
        	Operating System(s): 
        	Keyword(s): kbsample
        	Last Modified: 01-FEB-2000

        	SUMMARY
        	=======

        	The sample text says “hello” here.

        {% endraw %}
        """;

    private static ArticleRecord ParseWithin(byte[] bytes, string path = "kb/123/Q123456/README.md")
    {
        ArticleRecord? record = null;
        var task = Task.Run(() => record = KbArticleParser.Parse(bytes, path));
        // A guard against hangs, not a speed measurement: speed is in docs/benchmarks.md.
        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), "the parser did not finish");
        return record!;
    }

    private static string Codes(ArticleRecord r) => string.Join(",", r.Diagnostics.Select(d => d.Code));

    [Fact]
    public void Parse_WellFormedArticleHasNoDiagnostics()
    {
        var r = ParseWithin(Encoding.UTF8.GetBytes(Article));
        Assert.Empty(r.Diagnostics);
        Assert.Equal("Sample Title & More", r.Title);
        Assert.Equal([new ProductVersion("winnt", "4.0"), new ProductVersion("winnt", "5.0")], r.Versions);
    }

    [Fact]
    public void Parse_EmptyFile_GivesRecordWithDiagnostic()
    {
        var r = ParseWithin([]);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.EmptyFile);
        Assert.Equal("Q123456", r.Id); // from the path
        Assert.Empty(r.Sections);
    }

    [Fact]
    public void Parse_NoFrontMatter_StillReadsTheBody()
    {
        var text = Article[Article.IndexOf("## Q123456", StringComparison.Ordinal)..];
        var r = ParseWithin(Encoding.UTF8.GetBytes(text));
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.NoFrontMatter);
        Assert.Equal("Sample Title & More", r.Title);
        Assert.Equal("SUMMARY", Assert.Single(r.Sections).Heading);
    }

    [Fact]
    public void Parse_BrokenYaml_ReportsLineAndGoesOn()
    {
        var text = Article.Replace("layout: page", "layout: [unclosed", StringComparison.Ordinal);
        var r = ParseWithin(Encoding.UTF8.GetBytes(text));
        var d = Assert.Single(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.InvalidFrontMatter);
        Assert.True(d.Line >= 2);
        Assert.Equal("Q123456", r.Id);
        Assert.Equal("SUMMARY", Assert.Single(r.Sections).Heading);
    }

    [Fact]
    public void Parse_FrontMatterOnly_GivesRecordWithoutBody()
    {
        var text = "---\ntitle: \"Q123456: Only Front Matter\"\npermalink: /kb/123/Q123456/\n---\n";
        var r = ParseWithin(Encoding.UTF8.GetBytes(text));
        Assert.Equal("Only Front Matter", r.Title);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.NoHeaderBlock);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.NoBody);
    }

    [Fact]
    public void Parse_NoHeaderBlock_KeepsTextAsSections()
    {
        var text = Article.Replace("\tArticle: Q123456\n\tProduct(s): Microsoft Sample Product\n\tVersion(s): winnt:4.0,5.0\n\tOperating System(s): \n\tKeyword(s): kbsample\n\tLast Modified: 01-FEB-2000\n", "", StringComparison.Ordinal);
        var r = ParseWithin(Encoding.UTF8.GetBytes(text));
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.NoHeaderBlock);
        Assert.Null(r.LastModified);
        Assert.Equal("SUMMARY", Assert.Single(r.Sections).Heading);
    }

    [Fact]
    public void Parse_CrlfLineEndings_GiveTheSameRecord()
    {
        var lf = ParseWithin(Encoding.UTF8.GetBytes(Article));
        var crlf = ParseWithin(Encoding.UTF8.GetBytes(Article.Replace("\n", "\r\n", StringComparison.Ordinal)));
        Assert.Equal(KbJson.Serialize(lf), KbJson.Serialize(crlf));
    }

    [Fact]
    public void Parse_Windows1252Quotes_AreDecodedAndReported()
    {
        var utf8 = Encoding.UTF8.GetBytes(Article.Replace("“hello”", "QUOTEhelloUNQUOTE", StringComparison.Ordinal));
        var bytes = Replace(Replace(utf8, "QUOTE"u8.ToArray(), [0x93]), "UNQUOTE"u8.ToArray(), [0x94]);
        var r = ParseWithin(bytes);
        var d = Assert.Single(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.InvalidUtf8);
        Assert.True(d.Line > 0);
        var p = Assert.IsType<ParagraphBlock>(Assert.Single(r.Sections[0].Blocks));
        Assert.Contains("“hello”", p.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NulBytes_AreRemovedAndReported()
    {
        var bytes = Encoding.UTF8.GetBytes(Article.Replace("sample text", "sam\0ple text", StringComparison.Ordinal));
        var r = ParseWithin(bytes);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.NulBytes && d.Line > 0);
        var p = Assert.IsType<ParagraphBlock>(Assert.Single(r.Sections[0].Blocks));
        Assert.Contains("sample text", p.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwentyMegabyteArticle_Completes()
    {
        var body = new StringBuilder();
        var n = 0;
        while (body.Length < 20_000_000)
        {
            body.Append("\tSECTION ").Append(n).Append("\n\t==========\n\n");
            body.Append("\tSome prose that wraps across lines and goes on for a while to fill\n\tthe article up.\n\n");
            body.Append("\t1. A step with a number.\n\t2. Another step.\n\n\t   code   column   layout\n\n");
            n++;
        }

        var text = Article.Replace("{% endraw %}", body + "\n{% endraw %}", StringComparison.Ordinal);
        var r = ParseWithin(Encoding.UTF8.GetBytes(text));
        Assert.Equal(n + 1, r.Sections.Count);
        Assert.Empty(RecordAudit.Check(text, r));
    }

    [Fact]
    public void Parse_OneMegabyteLine_IsKeptAndReported()
    {
        var line = new string('x', 1_048_576);
        var text = Article.Replace("The sample text says", line + " The sample text says", StringComparison.Ordinal);
        var r = ParseWithin(Encoding.UTF8.GetBytes(text));
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.LongLine);
        var p = Assert.IsType<ParagraphBlock>(Assert.Single(r.Sections[0].Blocks));
        Assert.StartsWith(line, p.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedRawGuard_IsReported()
    {
        var r = ParseWithin(Encoding.UTF8.GetBytes(Article.Replace("{% endraw %}", "", StringComparison.Ordinal)));
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.UnclosedRawGuard);
        Assert.Equal("SUMMARY", Assert.Single(r.Sections).Heading);
    }

    private static byte[] Replace(byte[] source, byte[] find, byte[] with)
    {
        var i = source.AsSpan().IndexOf(find);
        return i < 0 ? source : [.. source[..i], .. with, .. source[(i + find.Length)..]];
    }
}
