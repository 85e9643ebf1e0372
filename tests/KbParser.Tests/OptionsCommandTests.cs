using Kb.Tests.Support;

namespace Kb.Parser.Tests;

/// <summary><c>kb options --answer</c> runs the decision model the site's aid mirrors.</summary>
public sealed class OptionsCommandTests
{
    private static readonly string ProblemArticle = Path.Combine(TestCorpus.ContentKb, "900", "Q900001", "README.md");

    [Fact]
    public void Answers_GiveTheVerdictAndTheRanking()
    {
        var r = KbProcess.Run("options", ProblemArticle, "--answer", "f4=no");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("is this your problem? Probably not your problem", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("ranked for your answers:", r.Stdout, StringComparison.Ordinal);

        var json = KbProcess.Run("options", ProblemArticle, "--json", "-a", "f5=no", "-a", "f4=yes");
        Assert.Equal(0, json.ExitCode);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json.Stdout)!;
        Assert.Equal("maybe", (string?)node["recommendation"]!["verdict"]!["level"]);
        Assert.Equal("o2", (string?)node["recommendation"]!["options"]![0]!["optionId"]);
    }

    [Fact]
    public void AnAnswerThatIsNotYesNoOrUnknown_IsAUsageError()
    {
        var r = KbProcess.Run("options", ProblemArticle, "--answer", "f4=maybe");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--answer expects FACTOR=yes|no|unknown", r.Stderr, StringComparison.Ordinal);
    }
}
