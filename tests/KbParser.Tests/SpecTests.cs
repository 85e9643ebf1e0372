using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kb.Parser.Model;
using Kb.Tests.Support;

namespace Kb.Parser.Tests;

/// <summary>
/// Specs in Specs/*.md: each holds an article (```article block) and the record it must give
/// (```json block). Only the properties the spec names are compared, at every depth; arrays
/// must have the same length.
/// </summary>
public sealed partial class SpecTests
{
    private static readonly string SpecFolder = Path.Combine(TestCorpus.RepoRoot, "tests", "KbParser.Tests", "Specs");

    public static TheoryData<string> Specs() => new(Directory.GetFiles(SpecFolder, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_GivesTheExpectedRecord(string file)
    {
        var text = File.ReadAllText(Path.Combine(SpecFolder, file));
        var article = Fence("article").Match(text).Groups["body"].Value;
        var expected = JsonNode.Parse(Fence("json").Match(text).Groups["body"].Value)!.AsObject();
        Assert.False(string.IsNullOrEmpty(article), "no ```article block in " + file);

        var record = KbArticleParser.Parse(article, "kb/spec/" + file);
        var actual = JsonNode.Parse(KbJson.Serialize(record))!.AsObject();
        foreach (var (name, value) in expected)
        {
            var got = actual[name];
            Assert.True(Matches(value, got), $"{file}: {name}\nexpected {value?.ToJsonString()}\nactual   {got?.ToJsonString()}");
        }

        Assert.Empty(RecordAudit.Check(article, record));
    }

    /// <summary>True when every property named in <paramref name="expected"/> has the same value in <paramref name="actual"/>.</summary>
    private static bool Matches(JsonNode? expected, JsonNode? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (JsonObject e, JsonObject a) => e.All(p => Matches(p.Value, a[p.Key])),
        (JsonArray e, JsonArray a) => e.Count == a.Count && e.Zip(a).All(x => Matches(x.First, x.Second)),
        _ => JsonNode.DeepEquals(expected, actual),
    };

    private static Regex Fence(string kind) => new($"```{kind}\\n(?<body>.*?)```", RegexOptions.Singleline);
}
