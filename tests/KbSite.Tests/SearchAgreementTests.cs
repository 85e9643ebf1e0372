using Kb.Index;
using Kb.Index.Analysis;
using Kb.Index.Indexing;
using Kb.Index.Search;
using Kb.Parser.Corpus;
using Kb.Parser.Model;
using Kb.Tests.Support;
using Xunit.Abstractions;

namespace Kb.Site.Tests;

/// <summary>The site's search (kb.js over the exported files) agrees with KbIndex: the same query analysis, and the same top results as <c>kb search</c>.</summary>
public sealed class SearchAgreementTests : IClassFixture<SearchAgreementTests.Sites>
{
    private readonly Sites _sites;
    private readonly ITestOutputHelper _output;

    public SearchAgreementTests(Sites sites, ITestOutputHelper output)
    {
        _sites = sites;
        _output = output;
    }

    /// <summary>Words where Porter's rules meet: every step, the y rule, short words, and what StemGuardFilter keeps whole.</summary>
    private static readonly string[] Edges =
    [
        "caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping tanned falling hissing fizzed failing filing",
        "happy sky relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization",
        "predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti archaeology triplicate formative formalize",
        "electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment",
        "dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease controll roll generalizations oscillators",
        "by is as yes ye y yyy sly says sayings abeyance eying dying lying tying boyish",
        "NT4 4.0 Win.ini SMS_DEF.MOF q199250 0x80004005 3.51. Café résumé NAÏVE Straße ΟΔΟΣ Ünïcödé İstanbul x²",
        "How do I upgrade a secondary site from SMS 1.2? Microsoft's server won't start; connections connecting SERVERS2",
        "Windows windows WINDOWS window windowed MS-DOS dos do does doing NOT not cannot couldn't",
        "a " + new string('x', 255) + " b " + new string('y', 256) + " c",
    ];

    [SkippableFact]
    public void Analysis_AgreesWithKbAnalyzer_OnTheSampleCorpusText()
    {
        Skip.If(SearchScript.Node is null, SearchScript.NoNode);
        var texts = new List<string>(Edges);
        foreach (var record in _sites.Records)
        {
            var text = ArticleText.From(record);
            texts.Add(record.Title);
            texts.AddRange(record.Products);
            foreach (var part in new[] { text.Summary, text.Headings, text.Body })
            {
                texts.AddRange(part.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        using var analyzer = KbAnalyzers.Create(forIndex: false);
        var expected = texts.Select(t => KbAnalyzers.Terms(analyzer, KbFields.Body, t)).ToList();
        var actual = SearchScript.Analyze(texts);
        var words = expected.Sum(e => e.Count);
        var wrong = Enumerable.Range(0, texts.Count).Where(i => !expected[i].SequenceEqual(actual[i])).ToList();
        _output.WriteLine($"{texts.Count} texts, {words} words, {expected.SelectMany(e => e).Distinct().Count()} distinct terms");
        Assert.True(texts.Count > 1000 || !TestCorpus.HasSample, "too little text to compare");
        Assert.True(wrong.Count == 0, $"{wrong.Count} texts differ, e.g.\n" + string.Join("\n", wrong.Take(5).Select(i =>
            $"{texts[i]}\n  KbAnalyzer: {SearchScript.Show(expected[i])}\n  kb.js:      {SearchScript.Show(actual[i])}")));
    }

    public static TheoryData<string> Queries => new()
    {
        "secondary site upgrade", "upgrade exchange 5.5", "windows nt 4.0 service pack", "dhcp", "Q199250",
        "outlook calendar", "sql server odbc driver", "printer driver", "iis 4 ftp",
    };

    /// <summary>
    /// kb.js ranks by the sum of the query terms' exported BM25F weights, as read from an index that
    /// <c>kb index</c> wrote of the same articles: its order may differ only where two sums are closer than
    /// the rounding of the byte impacts (weight × 8) can tell apart.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Queries))]
    public void Search_RanksByTheIndexsBm25fWeights(string query)
    {
        Skip.If(SearchScript.Node is null, SearchScript.NoNode);
        Skip.IfNot(TestCorpus.HasSample, "no ../shared/corpus/sample beside the checkout");
        var wanted = Wanted(query);
        var scores = ExportScores(query);

        // A trailing space: every word is complete (no matching of word starts).
        var site = SearchScript.Search(_sites.Site, [query + " "], 10)[0];
        var expected = scores.OrderByDescending(p => p.Value).Take(10).Select(p => p.Key).ToList();
        _output.WriteLine($"site:   {SearchScript.Show(site)}\nweights: {SearchScript.Show(expected)}");
        // Each impact is the weight rounded to an eighth: two sums of k impacts may swap within 2 × k × 0.0625.
        var slack = (0.125 * wanted.Count) + 1e-6;
        Assert.Equal(Math.Min(10, scores.Count), site.Count);
        for (var i = 1; i < site.Count; i++)
        {
            Assert.True(scores[site[i - 1]] >= scores[site[i]] - slack, $"{site[i - 1]} ({scores[site[i - 1]]}) before {site[i]} ({scores[site[i]]})");
        }

        var lowest = scores[site[^1]];
        Assert.All(scores.Where(p => !site.Contains(p.Key)), p => Assert.True(p.Value <= lowest + slack, $"{p.Key} ({p.Value}) missing"));
    }

    /// <summary>
    /// kb search's text score is the export's: with what the site cannot express switched off (word pairs
    /// near each other, a pasted message's phrases, learned abbreviations, definitions and shorthand, the
    /// upgrade words standing in for each other, upgrade paths, the article-number boost), its scores are
    /// the sums of the exported BM25F weights of the query's terms, to within their rounding.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Queries))]
    public void KbSearch_TextScore_IsTheExportsSummedWeights(string query)
    {
        Skip.IfNot(TestCorpus.HasSample, "no ../shared/corpus/sample beside the checkout");
        var lexical = KbRanking.Default with
        {
            ProximityBoost = 0, MessagePhraseBoost = 0, UpgradeWordBoost = 0, DefinitionBoost = 0, AbbreviationBoost = 0,
            GluedBoost = 0, UpgradePathBoost = 0, IdBoost = 0,
        };
        using var searcher = KbSearcher.Open(_sites.Index, lexical);
        var hits = searcher.Search(query, new SearchOptions { Limit = 10, Snippets = false, Facets = false }).Hits;
        var scores = ExportScores(query);
        Assert.NotEmpty(hits);
        var terms = Wanted(query).Count;
        foreach (var hit in hits)
        {
            // Each exported weight is rounded to 3 decimals.
            Assert.True(Math.Abs(hit.Score - scores.GetValueOrDefault(hit.Id)) <= (0.0005 * terms) + 1e-3,
                $"{hit.Id}: kb search {hit.Score}, exported weights {scores.GetValueOrDefault(hit.Id)}");
        }
    }

    /// <summary>
    /// What the site cannot express (see the test above) reorders kb search's results: for these queries kb
    /// search's first result is among the site's first five, and the two top tens share at least three
    /// articles. One query of <see cref="Queries"/> misses that bar and is not listed: "windows nt 4.0 service
    /// pack", where kb search puts Q272755 first for having the query as a phrase; see docs/site.md.
    /// </summary>
    [SkippableTheory]
    [InlineData("secondary site upgrade")]
    [InlineData("dhcp")]
    [InlineData("Q199250")]
    [InlineData("outlook calendar")]
    [InlineData("sql server odbc driver")]
    [InlineData("upgrade exchange 5.5")]
    [InlineData("printer driver")]
    [InlineData("iis 4 ftp")]
    public void Search_TopResultsMatchKbSearch(string query)
    {
        Skip.If(SearchScript.Node is null, SearchScript.NoNode);
        Skip.IfNot(TestCorpus.HasSample, "no ../shared/corpus/sample beside the checkout");
        var site = SearchScript.Search(_sites.Site, [query + " "], 10)[0];
        var kb = _sites.Searcher.Search(query, new SearchOptions { Limit = 10, Snippets = false, Facets = false }).Hits.Select(h => h.Id).ToList();
        _output.WriteLine($"site:      {SearchScript.Show(site)}\nkb search: {SearchScript.Show(kb)}");
        Assert.Contains(kb[0], site.Take(5));
        Assert.True(site.Intersect(kb).Count() >= Math.Min(3, kb.Count), "the top tens share fewer than three articles");
    }

    /// <summary>The query's terms as the site looks them up: a lone digit also as its <c>.0</c> form.</summary>
    private static List<string> Wanted(string query)
    {
        using var analyzer = KbAnalyzers.Create(forIndex: false);
        var terms = KbAnalyzers.Terms(analyzer, KbFields.Body, query);
        return [.. terms, .. terms.Where(t => t.Length == 1 && char.IsAsciiDigit(t[0])).Select(t => t + ".0")];
    }

    /// <summary>Each article's sum of the exported weights of the query's terms.</summary>
    private Dictionary<string, double> ExportScores(string query)
    {
        var wanted = Wanted(query);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in _sites.Export.Terms().Where(t => wanted.Contains(t.Term)))
        {
            foreach (var p in term.Postings)
            {
                var id = _sites.Export.Ids[p.Doc];
                scores[id] = scores.GetValueOrDefault(id) + (p.Weight * wanted.Count(w => w == term.Term));
            }
        }

        return scores;
    }

    /// <summary>content/kb and the shared sample built as a site and as a <c>kb index</c> index.</summary>
    public sealed class Sites : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("kb-agreement-").FullName;

        public Sites()
        {
            List<string> extra = TestCorpus.HasSample ? [TestCorpus.SampleFolder] : [];
            Site = Path.Combine(_root, "_site");
            KbSiteBuilder.BuildAsync(new SiteOptions { Source = TestCorpus.ContentKb, ExtraSources = extra, OutputDir = Site, MaxParallelism = 2 }).GetAwaiter().GetResult();
            // The site keeps the copy of an article the merge keeps (newest, then largest, then first): so does this index.
            var parsed = new[] { TestCorpus.ContentKb }.Concat(extra)
                .SelectMany(s => CorpusReader.Parse(s))
                .Where(r => r.Record is not null)
                .ToList();
            var merge = new ArticleMerge();
            parsed.ForEach(merge.Add);
            Records = parsed.Select(r => merge.Apply(r.Record!, r.SourcePath)).OfType<ArticleRecord>().ToList();
            Index = Path.Combine(_root, "index");
            using (var dir = Lucene.Net.Store.FSDirectory.Open(Index))
            {
                new KbIndexBuilder { DegreeOfParallelism = 1 }.Build(Records, dir);
            }

            Searcher = KbSearcher.Open(Index);
            Export = Kb.Index.Export.SearchExport.Open(Index);
        }

        public string Site { get; }
        public string Index { get; }
        public IReadOnlyList<ArticleRecord> Records { get; }
        public KbSearcher Searcher { get; }
        public Kb.Index.Export.SearchExport Export { get; }

        public void Dispose()
        {
            Export.Dispose();
            Searcher.Dispose();
            Directory.Delete(_root, recursive: true);
        }
    }
}
