using Kb.Parser.Forms;
using Kb.Parser.Model;
using Kb.Tests.Support;

namespace Kb.Parser.Tests;

/// <summary>
/// Every real sample of Microsoft's original forms in ../shared/corpus/formats (README there says where each
/// came from) is read by content into the right article: number, title, products, date, first section.
/// </summary>
public sealed class FormSampleTests
{
    private static string FormatsFolder => Path.Combine(TestCorpus.RepoRoot, "..", "shared", "corpus", "formats");

    [SkippableTheory]
    // file, form, id, title, first product (or ""), date (or ""), product code (or ""), first section heading
    [InlineData("txt/Q141446.TXT", SourceForms.FtpText, "Q141446", "HOWTO: Download \"Mastering\" KB Articles from the Internet", "Microsoft Mastering Series", "2001-06-07", "mastering", "SUMMARY")]
    [InlineData("txt/Q141446-ftpzx.TXT", SourceForms.FtpText, "Q141446", "HOWTO: Download \"Mastering\" KB Articles from the Internet", "", "", "", "SUMMARY")]
    [InlineData("txt/Q316021.TXT", SourceForms.FtpText, "Q316021", "SMS: SMSAPM32 Does Not Remove Software or Create Status Messages", "Microsoft Systems Management Server", "2002-08-06", "sms", "SYMPTOMS")]
    [InlineData("txt/Q76297.TXT", SourceForms.FtpText, "Q76297", "LAN Manager/MS-DOS 5.0 Supplemental Disks README File", "Microsoft Disk Operating System", "1999-11-26", "msdos", "SUMMARY")]
    [InlineData("txt/Q162596.TXT", SourceForms.FtpText, "Q162596", "WD97: Products That Qualify for the Word Upgrade", "Word 97 for Windows", "2002-05-20", "word97", "SUMMARY")]
    [InlineData("txt/Q222161-bodyonly.TXT", SourceForms.FtpText, "Q222161", "", "", "", "", "SYMPTOMS")]
    [InlineData("htm/Q115389.txt", SourceForms.KbCd, "Q115389", "", "", "2002-06-25", "", "SUMMARY")]
    [InlineData("htm/Q322692.txt", SourceForms.KbCd, "Q322692", "How to raise domain and forest functional levels in Windows Server 2003", "Microsoft Windows Server 2003", "2004-10-13", "", "IN THIS TASK")]
    [InlineData("htm/Q79254.txt", SourceForms.KbCdHtm, "Q79254", "Creating a Bootable LM 2.1 Enhanced RAS Workstation Disk", "", "", "", "SUMMARY")]
    [InlineData("htm/Q323551.txt", SourceForms.KbCdHtm, "Q323551", "Stop 0xA Occurs on a Windows NT 4.0 WINS Server", "Microsoft Windows NT Server", "", "", "SYMPTOMS")]
    [InlineData("htm/Q176802.txt", SourceForms.KbCdHtm, "Q176802", "XL98: Values Incorrect When Natural Language Formulas Are Saved in WK3 or WK4 File Format", "Microsoft Excel 98 Macintosh Edition", "", "", "SYMPTOMS")]
    [InlineData("other/Q95997.TXT", SourceForms.Text1993, "Q95997", "DELTREE: No Error Message If Directory Does Not Exist", "Microsoft MS-DOS operating system", "", "", "SUMMARY")]
    public void Sample_ParsesToItsArticle(string file, string form, string id, string title, string product, string date, string code, string firstSection)
    {
        var path = Path.Combine(FormatsFolder, file);
        Skip.IfNot(File.Exists(path), "no ../shared/corpus/formats beside the checkout");
        var records = KbArticleParser.ParseAll(File.ReadAllBytes(path), file);

        var r = Assert.Single(records);
        Assert.Equal(form, r.SourceForm);
        Assert.Equal(id, r.Id);
        Assert.Equal(title, r.Title);
        if (product.Length == 0)
        {
            Assert.Empty(r.Products);
        }
        else
        {
            Assert.StartsWith(product, r.Products[0], StringComparison.Ordinal);
        }

        Assert.Equal(date.Length == 0 ? null : date, r.LastModified);
        Assert.Equal(code.Length == 0 ? null : code, r.ProductCode);
        Assert.Equal(firstSection, r.Sections.First(s => s.Heading is not null).Heading);
        Assert.Equal(Permalinks.Default(id), r.Permalink);
        if (title.Length == 0)
        {
            Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.NoTitle);
        }

        // All but one sample are the first 2,000 characters of their article: each says so.
        // The headerless ftpzx copy ends in a cut code line ("get i") that no rule tells from an article ending in code.
        var complete = file is "other/Q95997.TXT" or "txt/Q141446-ftpzx.TXT";
        Assert.Equal(!complete, r.Diagnostics.Any(d => d.Code == DiagnosticCodes.Parser.EndsEarly));
    }

    [SkippableFact]
    public void FlattenedSample_IsRebuiltIntoLines()
    {
        var path = Path.Combine(FormatsFolder, "txt", "Q141446.TXT");
        Skip.IfNot(File.Exists(path), "no ../shared/corpus/formats beside the checkout");
        var r = KbArticleParser.Parse(File.ReadAllBytes(path), "txt/Q141446.TXT");

        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.Parser.Flattened);
        Assert.Equal(["kbmm"], r.Keywords);
        Assert.Contains(new ProductVersion("WINDOWS", "3.0"), r.Versions);
        Assert.Equal("MSPRESS Microsoft Mastering Products", Assert.Single(r.AppliesTo).Product);
        Assert.Contains(r.Sections, s => s.Heading == "MORE INFORMATION"
            && s.Subsections.Any(sub => sub.Heading == "How to Open a Connection to the Microsoft FTP Site"));
    }

    [SkippableFact]
    public void Text1993Sample_KeepsItsReferenceWordsAndAppliesTo()
    {
        var path = Path.Combine(FormatsFolder, "other", "Q95997.TXT");
        Skip.IfNot(File.Exists(path), "no ../shared/corpus/formats beside the checkout");
        var r = KbArticleParser.Parse(File.ReadAllBytes(path), "other/Q95997.TXT");

        Assert.Equal(["6.00"], r.AdditionalQueryWords);
        Assert.Equal("6.0", Assert.Single(r.AppliesTo).Version);
        Assert.Equal(["SUMMARY", "MORE INFORMATION"], r.Sections.Select(s => s.Heading));
    }
}
