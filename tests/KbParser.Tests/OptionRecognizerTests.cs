using System.Text.RegularExpressions;
using Kb.Parser.Options;
using Kb.Parser.Options.Recognizers;
using Kb.Tests.Support;

namespace Kb.Parser.Tests;

/// <summary>
/// The recogniser list: its order follows the walk, every recogniser has a spec file
/// (<c>Specs/options-{Name}.md</c>), and that spec needs it: without the recogniser its article gives other options.
/// </summary>
public sealed partial class OptionRecognizerTests
{
    private static readonly string SpecFolder = Path.Combine(TestCorpus.RepoRoot, "tests", "KbParser.Tests", "Specs");

    public static TheoryData<string> Names() => new(OptionRecognizers.Default.Ordered.Select(r => r.Name));

    [Fact]
    public void Recognizers_HaveDistinctNames()
    {
        var names = OptionRecognizers.Default.Ordered.Select(r => r.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Recognizers_ListedOutOfWalkOrder_AreRejected()
    {
        var blocks = OptionRecognizers.Default.Ordered.First(r => r.Target == RecognizerTarget.Blocks);
        var subsections = OptionRecognizers.Default.Ordered.First(r => r.Target == RecognizerTarget.Subsections);
        Assert.Throws<ArgumentException>(() => new OptionRecognizers([blocks, subsections]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Recognizer_HasASpecThatNeedsIt(string name)
    {
        var file = Path.Combine(SpecFolder, $"options-{name}.md");
        Assert.True(File.Exists(file), $"no spec file {file}");
        var article = ArticleFence().Match(File.ReadAllText(file)).Groups["body"].Value;
        var record = KbArticleParser.Parse(article, "kb/spec/" + Path.GetFileName(file));
        Assert.NotEmpty(record.Options);

        var (without, _) = OptionExtractor.Extract(record, OptionRecognizers.Default.Without(name));
        Assert.NotEqual(Summary(record.Options), Summary(without));
    }

    private static List<string> Summary(IEnumerable<Model.ArticleOption> options) =>
        options.Select(o => $"{o.Kind}|{o.Form}|{o.Title}|{o.Conditions.Count}").ToList();

    [GeneratedRegex("```article\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ArticleFence();
}
