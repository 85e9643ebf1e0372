using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Kb.Parser.Tests;

/// <summary>Generated input: the parser never throws, and its work grows linearly with the input.</summary>
public sealed class PropertyTests
{
    /// <summary>Lines drawn from the constructs the parser distinguishes, so generated text exercises every reader.</summary>
    private static readonly string[] Fragments =
    [
        "---", "title: \"Q1: x\"", "## Q1: x", "{% raw %}", "{% endraw %}", "\tArticle: Q1", "\tProduct(s): See article",
        "\tVersion(s): WINDOWS:3.1; winnt:4.0 | 5.0", "\tLast Modified: 31-FEB-1999", "\t", "", "\tSUMMARY", "\t=======",
        "\tSub heading", "\t-----------", "\t- bullet", "\t  continued", "\t1. step", "\t(2) step", "\ta. step", "\tNOTE: note",
        "\t  Q123456 Title of a reference", "\tARTICLE-ID: Q1", "\tTITLE : t", "\t     code    column", "\tMethod 1",
        "\t====================================", "\tKeywords          : kbx", "\tAdditional query words: a b",
        "\t-------------------------------------------", "\tThe information in this article applies to:", "\to item",
        "\t\t\tdeep", "\t\u0000", "\t\u201Cquoted\u201D", "\t&amp;", "\t:", "\t- ", "\t1.", "\tx:",
    ];

    private static Arbitrary<string> ArticleText() =>
        Gen.Frequency(
                (3, Gen.Elements(Fragments)),
                (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")))
            .ListOf()
            .Select(lines => string.Join('\n', lines))
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Parse_NeverThrows_OnArticleLikeText() =>
        Prop.ForAll(ArticleText(), text =>
        {
            var record = KbArticleParser.Parse(text, "kb/1/Q1/README.md");
            return record is not null && RecordAudit.Check(text, record).Count == 0;
        });

    [Property(MaxTest = 300)]
    public bool Parse_NeverThrows_OnArbitraryText(string? text)
    {
        var record = KbArticleParser.Parse(text ?? "", null);
        return record.Diagnostics is not null;
    }

    [Property(MaxTest = 200)]
    public bool Parse_NeverThrows_OnArbitraryBytes(byte[]? bytes)
    {
        var record = KbArticleParser.Parse((bytes ?? []).AsSpan(), "x.md");
        return record is not null;
    }

    /// <summary>
    /// Work is measured as bytes allocated (deterministic, unlike time): parsing the text repeated
    /// 16 times must not cost more than 16 times the single text, with slack for fixed costs.
    /// Quadratic behaviour (re-scanning, string concatenation in loops) would blow through this.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property Parse_WorkGrowsLinearly() =>
        Prop.ForAll(ArticleText(), text =>
        {
            var unit = text + "\n\n";
            var big = new StringBuilder(unit.Length * 16).Insert(0, unit, 16).ToString();
            var small = Allocated(unit);
            var large = Allocated(big);
            return large <= (small * 16 * 2) + (512 * 1024);
        });

    private static long Allocated(string text)
    {
        KbArticleParser.Parse(text, "kb/1/Q1/README.md"); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        KbArticleParser.Parse(text, "kb/1/Q1/README.md");
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
