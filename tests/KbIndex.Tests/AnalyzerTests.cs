using Kb.Index.Analysis;
using Kb.Index.Indexing;

namespace Kb.Index.Tests;

public sealed class AnalyzerTests
{
    private static List<string> Text(string text)
    {
        using var analyzer = KbAnalyzers.Create();
        return KbAnalyzers.Terms(analyzer, KbFields.Body, text);
    }

    [Fact]
    public void Text_DropsQuestionWordsAndStems()
    {
        Assert.Equal(["upgrad", "secondari", "site", "sm", "1.2"], Text("How do I upgrade a secondary site from SMS 1.2?"));
    }

    [Fact]
    public void Text_KeepsVersionsFileNamesAndCodesWhole()
    {
        Assert.Equal(["win.ini", "nt4", "4.0", "q199250", "0x80004005", "sms_def.mof"], Text("WIN.INI, NT4 4.0. Q199250 (0x80004005) sms_def.mof"));
    }

    [Fact]
    public void Text_SplitsPossessivesAndContractionsAndDropsTheLeftovers()
    {
        Assert.Equal(["microsoft", "server", "won", "start"], Text("Microsoft's server won't start"));
    }

    [Fact]
    public void Text_StemsOnlyPlainWords()
    {
        Assert.Equal(["connect", "connect", "servers2"], Text("connections connecting SERVERS2"));
    }

    [Fact]
    public void Text_DropsOverlongTokens()
    {
        Assert.Equal(["befor", "after"], Text("before " + new string('x', 300) + " after"));
    }

    [Fact]
    public void Codes_AreOneLowerCasedToken()
    {
        using var analyzer = KbAnalyzers.Create();
        Assert.Equal(["mac wkst"], KbAnalyzers.Terms(analyzer, KbFields.Prefix, "Mac Wkst"));
        Assert.Equal(["kbsms200"], KbAnalyzers.Terms(analyzer, KbFields.Keyword, "kbSMS200"));
    }

    [Fact]
    public void IdForms_CoverTheWaysPeopleWriteArticleNumbers()
    {
        Assert.Equal(["q199250", "199250", "kb199250"], ArticleDocumentBuilder.IdForms("Q199250"));
        Assert.Contains("12345", ArticleDocumentBuilder.IdForms("Q012345"));
    }

    [Fact]
    public void Tags_AreThePrefixAndUpperCaseTitleWords()
    {
        Assert.Equal(["sms", "iis"], Abbreviations.TagsOf("SMS: Using IIS with the Client", "SMS").ToList());
        Assert.Empty(Abbreviations.TagsOf("Err Msg: Cannot Find File", "Err Msg"));
    }
}

public sealed class DefinitionTests
{
    [Theory]
    [InlineData("Convert your screens to Visual FoxPro (VFP) forms.", "vfp", "Visual FoxPro")]
    [InlineData("users of Windows for Workgroups (WFW) postoffices", "wfw", "Windows for Workgroups")]
    [InlineData("the Systems Management Server (SMS) site", "sms", "Systems Management Server")]
    [InlineData("Microsoft Foundation Classes (MFC) 4.0", "mfc", "Microsoft Foundation Classes")]
    public void Find_ReadsAbbreviationsDefinedInPassing(string text, string abbreviation, string expansion)
    {
        Assert.Equal((abbreviation, expansion), Assert.Single(Kb.Index.Analysis.Definitions.Find(text)));
    }

    [Theory]
    [InlineData("the setup program (SETUP.EXE) fails")]
    [InlineData("see the documentation (MSDN) for details")]
    [InlineData("error (0x80004005)")]
    public void Find_IgnoresParenthesesThatDefineNothing(string text)
    {
        Assert.Empty(Kb.Index.Analysis.Definitions.Find(text));
    }
}
