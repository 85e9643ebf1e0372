using Kb.Parser.Corpus;
using Kb.Parser.Forms;

namespace Kb.Parser.Tests;

/// <summary>A 1993-style file of several articles (text written for this test) gives one record per article.</summary>
public sealed class MultiArticleTests
{
    private const string File1993 = """
        -=-=-=-=-=-
        ARTICLE-ID:Q900101
        TITLE     :FORMAT: Test Article One About Formatting Disks

        --------------------------------------------------------------------
        The information in this article applies to:

         - Microsoft MS-DOS operating system version 6.0
        --------------------------------------------------------------------

        Summary:

        The first made-up article of this test file says one thing.

        More Information:

        It says a second thing in its second section.

        Additional reference words: 6.00 format
        -=-=-=-=-=-
        ARTICLE-ID:Q900102
        TITLE     :COPY: Test Article Two About Copying Files

        Summary:

        The second made-up article has a summary only.

        Additional reference words: 6.00
        -=-=-=-=-=-
        ARTICLE-ID:Q900103
        TITLE     :MOVE: Test Article Three About Moving Files

        Summary:

        The third made-up article.

        Additional reference words: 6.20
        -=-=-=-=-=-

        """;

    [Fact]
    public void ParseAll_GivesOneRecordPerArticle()
    {
        var records = KbArticleParser.ParseAll(System.Text.Encoding.UTF8.GetBytes(File1993), "dos6/KB0001.TXT");

        Assert.Equal(["Q900101", "Q900102", "Q900103"], records.Select(r => r.Id));
        Assert.Equal(["dos6/KB0001.TXT#1", "dos6/KB0001.TXT#2", "dos6/KB0001.TXT#3"], records.Select(r => r.SourcePath));
        Assert.All(records, r => Assert.Equal(SourceForms.Text1993, r.SourceForm));
        Assert.Equal("COPY: Test Article Two About Copying Files", records[1].Title);
        Assert.Equal(["SUMMARY", "MORE INFORMATION"], records[0].Sections.Select(s => s.Heading));
        Assert.Equal(["6.00", "format"], records[0].AdditionalQueryWords);
        Assert.Equal("Microsoft MS-DOS operating system", Assert.Single(records[0].Products));
        Assert.All(records, r => Assert.DoesNotContain(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.EndsEarly));
    }

    [Fact]
    public void CorpusReader_ListsEachArticleOfTheFile()
    {
        var dir = Directory.CreateTempSubdirectory("kb-multi-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "KB0001.TXT"), File1993);
            var results = CorpusReader.Parse(dir.FullName).ToList();

            Assert.Equal(3, results.Count);
            Assert.All(results, r => Assert.Null(r.Error));
            Assert.Equal(["Q900101", "Q900102", "Q900103"], results.Select(r => r.Record!.Id));
            Assert.EndsWith("KB0001.TXT#3", results[2].SourcePath, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
