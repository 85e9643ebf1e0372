// Uses the three kb libraries from code. Usage: dotnet run --project samples/KbSamples -- ARTICLES WORKDIR
// ARTICLES is a folder (or .tar.gz/.zip) of KB articles; WORKDIR receives the index and the site.
using System.Globalization;
using Kb.Index.Indexing;
using Kb.Index.Search;
using Kb.Parser;
using Kb.Parser.Corpus;
using Kb.Parser.Model;
using Kb.Site;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: KbSamples ARTICLES WORKDIR");
    return 2;
}

var (articles, work) = (args[0], args[1]);
var c = CultureInfo.InvariantCulture;

// 1. Parse one article and print its options with their conditions' questions.
var first = Directory.Exists(articles)
    ? Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First()
    : null;
var record = first is null
    ? CorpusReader.Parse(articles).First(r => r.Record is not null).Record!
    : KbArticleParser.Parse(File.ReadAllText(first), first);
Console.WriteLine($"article: {record.Id} {record.Title} ({record.Kind})");
foreach (var option in record.Options)
{
    Console.WriteLine($"  {option.TypedKind} {option.Id}: {option.Title} [{option.TypedLogic}]");
    foreach (var condition in record.ConditionsOf(option))
    {
        Console.WriteLine($"    {(condition.Expect ? "yes" : "no")} to: {condition.Question} ({condition.Factor.TypedRole})");
    }
}

// 2. Index the articles and search them.
var indexDir = Path.Combine(work, "index");
var report = new KbIndexBuilder().Build(articles, indexDir);
Console.WriteLine(string.Create(c, $"index: {report.Total} articles ({report.Added} added)"));
using (var searcher = KbSearcher.Open(indexDir))
{
    var results = searcher.Search(record.Title, new SearchOptions { Limit = 3 });
    Console.WriteLine(string.Create(c, $"search \"{record.Title}\": {results.TotalHits} hits"));
    foreach (var hit in results.Hits)
    {
        Console.WriteLine(string.Create(c, $"  {hit.Id} {hit.Title} ({hit.Score:F2})"));
    }
}

// 3. Build a static site.
var site = await KbSiteBuilder.BuildAsync(new SiteOptions { Source = articles, OutputDir = Path.Combine(work, "site"), Title = "Sample KB" });
Console.WriteLine(string.Create(c, $"site: {site.Articles} articles, {site.Pages} pages in {Path.Combine(work, "site")}"));
return 0;
