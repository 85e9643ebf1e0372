using System.Text.Json;
using Kb.Tests.Support;

namespace Kb.Index.Tests;

[Collection(SampleIndexGroup.Name)]
public sealed class SearchCommandTests
{
    private readonly SampleIndexFixture _index;

    public SearchCommandTests(SampleIndexFixture index) => _index = index;

    [Fact]
    public void Search_PrintsRankedHitsWithFacets()
    {
        var run = KbProcess.Run("search", "secondary site upgrade", "--index", _index.Folder, "--limit", "3");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(" 1. Q199250  SMS: Version 1.2 to 2.0 Secondary Site Upgrade Options", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("«secondary»", run.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Microsoft Systems Management Server (", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("kinds: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("years: ", run.Stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Search_Json_HasHitsOptionsAndFacets()
    {
        // "SMS" is an abbreviation learned from the corpus: it needs the sample beside content/kb.
        Skip.IfNot(TestCorpus.HasSample, "no ../shared/corpus/sample beside the checkout");
        var run = KbProcess.Run("search", "upgrade", "--index", _index.Folder, "--json", "--since", "1999", "--product", "SMS");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("total").GetInt32() > 0);
        foreach (var hit in root.GetProperty("hits").EnumerateArray())
        {
            Assert.Contains("Microsoft Systems Management Server", hit.GetProperty("products").EnumerateArray().Select(p => p.GetString()));
            Assert.True(string.CompareOrdinal(hit.GetProperty("lastModified").GetString(), "1999") >= 0);
            Assert.Equal(JsonValueKind.Array, hit.GetProperty("options").ValueKind);
        }

        Assert.All(root.GetProperty("facets").GetProperty("years").EnumerateArray(), y => Assert.True(int.Parse(y.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 1999));
    }

    [Theory]
    [InlineData("title:(upgrade", 15, "parentheses")]
    [InlineData("\"unbalanced phrase", 19, "quote")]
    [InlineData("product:", 9, "no value")]
    public void Search_BadQueryNamesThePositionAndSuggestsQuoting(string query, int position, string problem)
    {
        var run = KbProcess.Run("search", query, "--index", _index.Folder);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"kb: cannot read the query at character {position}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(problem, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("put them in quotes", run.Stderr, StringComparison.Ordinal);
        CliAssert.NoInternals(run.Stderr);
    }

    [Fact]
    public void Search_UnknownKindListsTheClosestKinds()
    {
        var run = KbProcess.Run("search", "upgrade", "--index", _index.Folder, "--kind", "problm");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown --kind 'problm'; did you mean 'problem'?", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("howto", run.Stderr, StringComparison.Ordinal);
        CliAssert.NoInternals(run.Stderr);
    }

    [Fact]
    public void Search_UnknownProductListsTheClosestProducts()
    {
        var run = KbProcess.Run("search", "upgrade", "--index", _index.Folder, "--product", "Sistems Managment");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--product 'Sistems Managment'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Microsoft Systems Management Server", run.Stderr, StringComparison.Ordinal);
        CliAssert.NoInternals(run.Stderr);

        // A known product with no match for the query is not an error.
        var known = KbProcess.Run("search", "upgrade", "--index", _index.Folder, "--product", "Systems Management Server");
        Assert.Equal(0, known.ExitCode);
    }

    [Theory]
    [InlineData("--since", "abc", "--since expects a year")]
    [InlineData("--until=19x9", null, "--until expects a year")]
    [InlineData("--limit", "ten", "--limit expects a whole number")]
    public void Search_OptionValuesThatDoNotParseNameTheOption(string option, string? value, string expected)
    {
        var run = value is null
            ? KbProcess.Run("search", "upgrade", "--index", _index.Folder, option)
            : KbProcess.Run("search", "upgrade", "--index", _index.Folder, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"got '{value ?? option.Split('=')[1]}'", run.Stderr, StringComparison.Ordinal);
        CliAssert.NoInternals(run.Stderr);
    }

    [Fact]
    public void Search_WithoutAnIndexSaysHowToBuildOne()
    {
        var run = KbProcess.Run("search", "upgrade", "--index", Path.Combine(Path.GetTempPath(), "no-such-kb-index"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("kb index", run.Stderr, StringComparison.Ordinal);
    }
}
