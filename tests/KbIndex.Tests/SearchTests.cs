using Kb.Index.Search;
using Kb.Parser.Model;
using Kb.Tests.Support;

namespace Kb.Index.Tests;

[Collection(SampleIndexGroup.Name)]
public sealed class SearchTests
{
    private readonly SampleIndexFixture _index;

    public SearchTests(SampleIndexFixture index) => _index = index;

    private SearchResults Search(string query, SearchOptions? options = null) => _index.Searcher.Search(query, options);

    [SkippableTheory]
    [InlineData("secondary site upgrade")]
    [InlineData("how do I upgrade a secondary site from sms 1.2")]
    [InlineData("upgrade secondary site from SMS 1.2 to 2.0")]
    [InlineData("Q199250")]
    [InlineData("199250")]
    [InlineData("KB199250")]
    [InlineData("kb 199250")]
    [InlineData("id:199250")]
    public void Search_FindsQ199250First(string query)
    {
        SkipWithoutSample();
        Assert.Equal("Q199250", Search(query).Hits[0].Id);
    }

    [SkippableFact]
    public void Search_ArticleNumberRanksFirstEvenAmongOtherWords()
    {
        SkipWithoutSample();
        var results = Search("199250 exchange server");
        Assert.Equal("Q199250", results.Hits[0].Id);
        Assert.True(results.TotalHits > 1);
    }

    [SkippableFact]
    public void Search_ProductFieldFilters()
    {
        SkipWithoutSample();
        var all = Search("upgrade");
        var sms = Search("upgrade product:\"Systems Management Server\"");
        Assert.NotEmpty(sms.Hits);
        Assert.True(sms.TotalHits < all.TotalHits);
        Assert.All(sms.Hits, h => Assert.Contains("Microsoft Systems Management Server", h.Products));
        Assert.Equal(sms.TotalHits, sms.Facets.Products.Single(p => p.Value == "Microsoft Systems Management Server").Count);
    }

    [SkippableFact]
    public void Search_ProductOptionAcceptsAnAbbreviation()
    {
        SkipWithoutSample();
        Assert.Contains("sms", _index.Searcher.Abbreviations.Map.Keys);
        var byName = Search("site", new SearchOptions { Product = "Systems Management Server", Limit = 100 });
        var byTag = Search("site", new SearchOptions { Product = "SMS", Limit = 100 });
        Assert.Equal(byName.TotalHits, byTag.TotalHits);
        Assert.All(byTag.Hits, h => Assert.Contains("Microsoft Systems Management Server", h.Products));
    }

    [SkippableFact]
    public void Search_GluedShorthandTakesItsNamesProduct()
    {
        SkipWithoutSample();
        var product = "productexact:microsoft systems management server";
        Assert.Contains(product, Search("sms").Query, StringComparison.Ordinal);
        // "sms2" is no abbreviation of its own: its name part, "sms", is.
        Assert.Empty(_index.Searcher.Abbreviations.Expand("sms2"));
        var glued = Search("sms2 snmp trap");
        Assert.Contains(product, glued.Query, StringComparison.Ordinal);
        Assert.All(glued.Hits.Take(3), h => Assert.Contains("Microsoft Systems Management Server", h.Products));
        Assert.DoesNotContain("productexact:", Search("qzx2 snmp trap").Query, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Search_SinceAndUntilFilterByYear()
    {
        SkipWithoutSample();
        var since = Search("server", new SearchOptions { Since = 1999, Limit = 500 });
        Assert.NotEmpty(since.Hits);
        Assert.All(since.Hits, h => Assert.True(string.CompareOrdinal(h.LastModified, "1999") >= 0, h.LastModified));
        var until = Search("server", new SearchOptions { Until = 1998, Limit = 500 });
        Assert.All(until.Hits, h => Assert.True(string.CompareOrdinal(h.LastModified, "1999") < 0, h.LastModified));
        Assert.Equal(Search("server", new SearchOptions { Limit = 1 }).TotalHits, since.TotalHits + until.TotalHits + Undated("server"));
    }

    [SkippableFact]
    public void Search_KindFilters()
    {
        SkipWithoutSample();
        var fixes = Search("server", new SearchOptions { Kind = "fix", Limit = 500 });
        Assert.NotEmpty(fixes.Hits);
        Assert.All(fixes.Hits, h => Assert.Equal("fix", h.Kind));
        Assert.Equal(fixes.TotalHits, Search("server kind:fix", new SearchOptions { Limit = 1 }).TotalHits);
    }

    [SkippableFact]
    public void Facets_CountEveryMatchByProductKindAndYear()
    {
        SkipWithoutSample();
        var results = Search("server", new SearchOptions { Limit = 10_000 });
        Assert.Equal(results.TotalHits, results.Hits.Count);
        Assert.Equal(results.TotalHits, results.Facets.Kinds.Sum(k => k.Count));
        foreach (var kind in results.Facets.Kinds)
        {
            Assert.Equal(kind.Count, results.Hits.Count(h => h.Kind == kind.Value));
        }

        foreach (var product in results.Facets.Products)
        {
            Assert.Equal(product.Count, results.Hits.Count(h => h.Products.Contains(product.Value)));
        }

        foreach (var year in results.Facets.Years)
        {
            Assert.Equal(year.Count, results.Hits.Count(h => h.LastModified?.StartsWith(year.Value, StringComparison.Ordinal) == true));
        }
    }

    [SkippableFact]
    public void Snippets_HighlightTheMatchedWords()
    {
        SkipWithoutSample();
        var hit = Search("secondary site upgrade").Hits[0];
        var snippets = string.Join(" ", hit.Snippets);
        Assert.Contains("<mark>secondary</mark>", snippets, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<mark>site</mark>", snippets, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<mark>upgrade", snippets, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void Hits_CarryTheWholeRecord()
    {
        SkipWithoutSample();
        var hit = Search("Q199250").Hits[0];
        Assert.Equal("SMS: Version 1.2 to 2.0 Secondary Site Upgrade Options", hit.Record.Title);
        Assert.NotEmpty(hit.Record.Sections);
        Assert.Equal(KbJson.Serialize(hit.Record), KbJson.Serialize(_index.Searcher.Get("KB199250")!));
    }

    [SkippableTheory]
    [InlineData("title:(upgrade")]
    [InlineData("\"secondary site")]
    [InlineData("upgrade AND")]
    [InlineData("year:nineteen")]
    [InlineData("how do I")]
    [InlineData("   ")]
    public void Search_RejectsMalformedQueriesWithAMessage(string query)
    {
        SkipWithoutSample();
        var ex = Assert.Throws<KbQueryException>(() => Search(query));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        Assert.DoesNotContain("   at ", ex.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("Error: (0x80004005) [setup] failed!")]
    [InlineData(@"C:\WINNT\system32\config not found")]
    [InlineData("http://example.com/a/b page won't load")]
    public void Search_TakesPastedMessagesAndPathsAsWords(string query)
    {
        SkipWithoutSample();
        var results = Search(query);
        Assert.True(results.TotalHits > 0);
    }

    [SkippableFact]
    public void Search_HasOptionsKeepsArticlesWithOptionsAndReturnsThem()
    {
        SkipWithoutSample();
        var results = Search("secondary site upgrade", new SearchOptions { HasOptions = true, Limit = 50 });
        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, h => Assert.NotEmpty(h.Record.Options));
        Assert.True(results.TotalHits < Search("secondary site upgrade").TotalHits);
        var q = results.Hits.Single(h => h.Id == "Q199250");
        Assert.Contains(q.Record.Options, o => o.Title.Contains("parent site", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public void Search_OptionFieldFindsOptionText()
    {
        SkipWithoutSample();
        Assert.Contains(Search("option:\"download the upgrade from the parent site\"").Hits, h => h.Id == "Q199250");
    }

    private int Undated(string query) =>
        Search(query, new SearchOptions { Limit = 10_000 }).Hits.Count(h => h.LastModified is null);

    /// <summary>These searches are judged on content/kb plus the shared sample corpus.</summary>
    private static void SkipWithoutSample() =>
        Skip.IfNot(TestCorpus.HasSample, "no ../shared/corpus/sample beside the checkout");
}
