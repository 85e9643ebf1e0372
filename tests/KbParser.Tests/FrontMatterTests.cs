using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kb.Parser.Model;
using Kb.Parser.Text;
using Kb.Tests.Support;

namespace Kb.Parser.Tests;

/// <summary>The direct reader of flat front matter gives exactly what YamlDotNet gives, or declines.</summary>
public sealed class FrontMatterTests
{
    /// <summary>The front matter text of an article file: the lines between the opening and closing <c>---</c>.</summary>
    internal static string? FrontMatterOf(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return null;
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        return end < 0 ? null : string.Join('\n', lines[1..end]) + "\n";
    }

    /// <summary>Null when the direct reader declines; otherwise a message when it disagrees with YamlDotNet.</summary>
    internal static string? Disagreement(string yaml)
    {
        var direct = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!FlatFrontMatter.TryRead(yaml, direct))
        {
            return null;
        }

        var doc = new ArticleDocument();
        var diagnostics = new List<Diagnostic>();
        DocumentSplitter.ReadYamlWithParser(yaml, doc, diagnostics);
        if (diagnostics.Count > 0)
        {
            return $"direct reader accepted front matter YamlDotNet rejects: {diagnostics[0].Message}";
        }

        var same = direct.Count == doc.FrontMatter.Count
            && direct.All(kv => doc.FrontMatter.TryGetValue(kv.Key, out var v) && v == kv.Value);
        return same ? null
            : $"front matter read as {{{string.Join(", ", direct)}}} but YamlDotNet gives {{{string.Join(", ", doc.FrontMatter)}}}";
    }

    [Fact]
    public void TryRead_ReadsTheArchiveShape()
    {
        var into = new Dictionary<string, string>();
        const string yaml = "layout: page\ntitle: \"Q199250: SMS: Version 1.2 to 2.0 Secondary Site Upgrade Options\"\npermalink: /kb/199/Q199250/\n";

        Assert.True(FlatFrontMatter.TryRead(yaml, into));
        Assert.Equal("page", into["layout"]);
        Assert.Equal("Q199250: SMS: Version 1.2 to 2.0 Secondary Site Upgrade Options", into["title"]);
        Assert.Equal("/kb/199/Q199250/", into["permalink"]);
        Assert.Null(Disagreement(yaml));
    }

    [Theory]
    [InlineData("title: \"a \\\"quoted\\\" word\"\n")]
    [InlineData("title: 'it''s'\n")]
    [InlineData("# a comment\ntitle: x\n")]
    [InlineData("title: x\n\nlayout: page\n")]
    [InlineData("title: x # trailing comment\n")]
    [InlineData("title: >\n  folded\n")]
    [InlineData("tags:\n  - a\n")]
    [InlineData("title: [a, b]\n")]
    [InlineData("title: *anchor\n")]
    [InlineData("title : spaced key\n")]
    [InlineData("title: a: b\n")]
    [InlineData("")]
    public void TryRead_LeavesAnythingElseToYamlDotNet(string yaml)
    {
        var into = new Dictionary<string, string>();

        Assert.False(FlatFrontMatter.TryRead(yaml, into));
        Assert.Empty(into);
    }

    [SkippableFact]
    public void TryRead_AgreesWithYamlDotNet_OnEverySampleArticle()
    {
        var folder = TestCorpus.RequireSample();
        int articles = 0, direct = 0;
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(TestCorpus.ContentKb, "*.md", SearchOption.AllDirectories)))
        {
            articles++;
            var yaml = FrontMatterOf(File.ReadAllText(file));
            if (yaml is null)
            {
                continue;
            }

            direct += FlatFrontMatter.TryRead(yaml, new Dictionary<string, string>()) ? 1 : 0;
            if (Disagreement(yaml) is { } problem)
            {
                problems.Add(file + ": " + problem);
            }
        }

        Assert.Empty(problems);
        // The point of the direct reader: the archive's front matter nearly always has this shape.
        Assert.True(direct >= articles * 0.95, $"only {direct} of {articles} front matters read directly");
    }

    private static readonly string[] Values =
    [
        "page", "/kb/199/Q199250/", "\"Q1: a title\"", "'single'", "\"with \\\"escape\\\"\"", "\"it's\"", "'it''s'",
        "\"&amp; entity\"", "\"caf\u00E9\"", "null", "~", "123", "1.5", "true", "a #b", "a: b", "\"a: b\"", "- x", "[x]",
        "{a: b}", "&x y", "*x", "!tag y", "|", ">", "@x", "`x`", "%x", "\"\"", "''", "\"tab\there\"", "x  ", "  x", "\"\u0001\"",
    ];

    private static Arbitrary<string> FrontMatterText() =>
        Gen.Zip(Gen.Elements("title", "layout", "permalink", "Title", "a-b", "a_b", "1x", "x y", "x:"), Gen.Elements(Values))
            .Select(kv => kv.Item1 + ": " + kv.Item2)
            .ListOf()
            .Select(lines => string.Join('\n', lines) + "\n")
            .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property TryRead_NeverDisagreesWithYamlDotNet() =>
        Prop.ForAll(FrontMatterText(), yaml => Disagreement(yaml) is null);
}
