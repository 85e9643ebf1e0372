using Kb.Parser.Corpus;
using Kb.Parser.Products;
using Kb.Tests.Support;
using Xunit.Abstractions;

namespace Kb.Parser.Tests;

/// <summary>The product model: names read into family, edition and versions; over the archive, clean names for every article.</summary>
public sealed class ProductFamilyTests
{
    private readonly ITestOutputHelper _output;

    public ProductFamilyTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("Microsoft Windows NT Server 4.0", null, "Windows NT", "Server", "4.0")]
    [InlineData("Microsoft Windows NT Workstation", "3.51", "Windows NT", "Workstation", "3.51")]
    [InlineData("Microsoft Windows 98 Second Edition", null, "Windows", null, "98 SE")]
    [InlineData("the operating system: Microsoft Windows Millennium Edition", null, "Windows", null, "Me")]
    [InlineData("Microsoft Windows 95.x Retail Product", null, "Windows", null, "95.x")]
    [InlineData("Microsoft Word 97 for Windows", null, "Word", "for Windows", "97")]
    [InlineData("Microsoft Exchange 2000 Server", null, "Exchange", "Server", "2000")]
    [InlineData("1. Microsoft QuickBASIC Compiler Versions 1.00, 1.01, 4.00b", null, "QuickBASIC", null, "1.0,1.01,4.0b")]
    [InlineData("Microsoft Visual Basic Professional Edition, 32-bit, for Windows", "6.0", "Visual Basic", null, "6.0")]
    [InlineData("Microsoft Golf for Windows", null, "Golf", null, "")]
    [InlineData("Microsoft Systems Management Server", "2.0", "Systems Management Server", null, "2.0")]
    public void Read_SplitsFamilyEditionAndVersions(string raw, string? version, string family, string? edition, string versions)
    {
        var n = ProductNames.Read(raw, version);
        Assert.NotNull(n);
        Assert.Equal(family, n.Family);
        if (edition is not null)
        {
            Assert.Equal(edition, n.Edition);
        }

        Assert.Equal(versions, string.Join(",", n.Versions));
    }

    [Theory]
    [InlineData("and 4.50 for MS-DOS, to Microsoft BASIC Compiler Versions 6.00 and")]
    [InlineData("(due to incompatibilities).")]
    [InlineData("OS/2, and to near variable-length strings in Microsoft BASIC")]
    [InlineData("the hardware: MIPS")]
    [InlineData("where StringLiteral is any constant string (for example, \"Hello\"). For")]
    [InlineData("4. Right click on msn.cms, click Rename, type msn.cms.old, and then hit ENTER.")]
    public void Read_RefusesFragments(string raw) => Assert.Null(ProductNames.Read(raw));

    [Fact]
    public void Versions_SortInReleaseOrder()
    {
        string[] v = ["2000", "Me", "98 SE", "3.11", "95", "98", "3.1"];
        Assert.Equal(["3.1", "3.11", "95", "98", "98 SE", "Me", "2000"], v.Order(ProductNames.VersionComparer));
    }

    [Fact]
    public void Record_MergesVariantsIntoOneFamily()
    {
        var text = """
            ---
            title: "Q100001: Upgrading from Windows NT 3.51"
            ---
            ## Q100001: Upgrading from Windows NT 3.51

            	Article: Q100001
            	Product(s): Microsoft Windows NT
            	Version(s): 3.51
            	Last Modified: 01-JAN-1999

            	-------------------------------------------------------------------------
            	The information in this article applies to:

            	- Microsoft Windows NT Server version 4.0
            	- Microsoft Windows NT Workstation version 3.51
            	-------------------------------------------------------------------------

            	SUMMARY
            	=======

            	Text.
            """;
        var record = KbArticleParser.Parse(text, "kb/100/Q100001/README.md");
        var f = Assert.Single(record.ProductFamilies);
        Assert.Equal("Windows NT", f.Name);
        Assert.Equal(["3.51", "4.0"], f.Versions);
        Assert.Equal(["Server", "Workstation"], f.Editions);
    }

    [Fact]
    public void Listings_GiveFamiliesByArticle()
    {
        var listings = new ProductListings();
        listings.Add("iis", "---\ntitle: \"Internet Information Server\"\n---\n- [Q143145: IIS FTP](../../kb/143/Q143145/)\n");
        listings.Add("mspl13_basic", "---\ntitle: \"Microsoft Programmer's Library 1.3: BASIC\"\n---\n- [Q33364: Small](../../kb/33/Q33364/)\n");
        Assert.Equal(["Internet Information Server"], listings.FamiliesOf("Q143145"));
        Assert.Equal(["QuickBASIC"], listings.FamiliesOf("Q33364"));
        Assert.Empty(listings.FamiliesOf("Q1"));
    }

    /// <summary>Acceptance: every article has a family, and no family name is a fragment.</summary>
    [SkippableFact]
    public void FullCorpus_EveryArticleHasCleanFamilies()
    {
        var tarball = TestCorpus.Tarball;
        Skip.If(tarball is null, TestCorpus.SkipMessage);
        var listings = ProductListings.Load(tarball!);
        Assert.True(listings.Titles.Count >= 40, $"only {listings.Titles.Count} listings read");
        var without = new List<string>();
        var bad = new SortedSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var articles = 0;
        foreach (var r in CorpusReader.Parse(tarball!))
        {
            if (r.Record is not { } record)
            {
                continue;
            }

            articles++;
            var families = record.ProductFamilies.Select(f => f.Name).ToList();
            if (families.Count == 0)
            {
                families.AddRange(listings.FamiliesOf(record.Id));
            }

            if (families.Count == 0)
            {
                without.Add(record.Id + " " + record.Title);
            }

            foreach (var f in families)
            {
                counts[f] = counts.GetValueOrDefault(f) + 1;
                if (!ProductNames.IsGoodName(f) || char.IsLower(f[0]) || f.EndsWith(',') || f.Length > 80)
                {
                    bad.Add(f);
                }
            }
        }

        _output.WriteLine($"{articles} articles, {counts.Count} families, {without.Count} without a family");
        foreach (var (name, n) in counts.OrderByDescending(c => c.Value).Take(80))
        {
            _output.WriteLine($"{n,6} {name}");
        }

        Assert.Equal(60_335, articles);
        Assert.True(without.Count == 0, $"{without.Count} articles without a family: " + string.Join("; ", without.Take(20)));
        Assert.True(bad.Count == 0, "bad family names: " + string.Join(" | ", bad.Take(30)));
    }
}
