using Kb.Index.Export;
using Kb.Parser;
using Kb.Site.Build;
using Kb.Site.Catalog;
using Kb.Site.Output;
using Kb.Site.Rendering;
using Kb.Site.Theme;
using Kb.Site.Views;

namespace Kb.Site;

public sealed partial class KbSiteBuilder
{
    private long _scanTicks;
    private long _parseTicks;
    private long _renderTicks;
    private long _writeTicks;
    private long _indexTicks;

    /// <summary>First pass: every article's catalog entry, in source order.</summary>
    private List<ArticleEntry> Scan(CancellationToken ct)
    {
        var entries = new List<ArticleEntry>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var results = Files()
            .Select((f, i) => (File: f, Number: i))
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(_options.MaxParallelism)
            .WithCancellation(ct)
            .Select(x =>
            {
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                var r = ArticleScanner.Scan(x.File, x.Number);
                Interlocked.Add(ref _scanTicks, System.Diagnostics.Stopwatch.GetTimestamp() - t0);
                return r;
            });
        long mergeTicks = 0;
        foreach (var r in results)
        {
            var m0 = System.Diagnostics.Stopwatch.GetTimestamp();
            if (r.Problem is not null)
            {
                _diagnostics.Add(r.Problem);
            }

            if (r.Entry is not { } e)
            {
                continue;
            }

            e.Index = entries.Count;
            if (e.Rendered && !ids.TryAdd(e.Id, e.SourceHash))
            {
                // An identical copy (the same article in two sources) is dropped silently.
                e.Rendered = false;
                if (ids[e.Id] != e.SourceHash)
                {
                    _diagnostics.Add(new SiteDiagnostic(SiteDiagnosticCodes.DuplicateId, e.SourcePath, $"{e.Id} appears more than once; the first copy is kept"));
                }
            }
            else if (e.Rendered && !files.TryAdd(e.File, e.SourcePath))
            {
                // The first in source order keeps the page: the same input always gives the same site.
                e.Rendered = false;
                _diagnostics.Add(new SiteDiagnostic(SiteDiagnosticCodes.DuplicatePermalink, e.SourcePath,
                    $"/{e.Url} is also the permalink of {files[e.File]}; that article keeps the page and this one is not rendered"));
            }

            entries.Add(e);

            if (entries.Count % 1000 == 0)
            {
                Report("read", entries.Count, 0);
            }

            mergeTicks += System.Diagnostics.Stopwatch.GetTimestamp() - m0;
        }

        if (Trace)
        {
            var f = (double)System.Diagnostics.Stopwatch.Frequency;
            Console.Error.WriteLine($"  thread time: scan {_scanTicks / f:F1} s, merge {mergeTicks / f:F1} s");
        }

        Products.SiteFamilies.FillFromListings(entries, Sources);
        return entries;
    }

    /// <summary>
    /// Second pass: parse every article in full, index it for search, and render its page unless the
    /// previous build's page is linked instead (its inputs did not change). Without an index to fill
    /// (the search files are reused), only the articles whose pages are rendered are parsed.
    /// </summary>
    private List<string> RenderArticles(SiteCatalog catalog, KbTemplates templates, SiteView site,
        Dictionary<string, ProductLink> products, PageSet pages, RankingIndex? ranking, CancellationToken ct)
    {
        var articles = catalog.Articles;
        var render = new bool[articles.Count];
        var fingerprints = new string[articles.Count];
        var byFile = new Dictionary<int, ArticleEntry>();
        foreach (var a in articles)
        {
            if (a.Rendered)
            {
                byFile[a.FileNumber] = a;
            }
        }

        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = ct }, i =>
        {
            var a = articles[i];
            if (!a.Rendered)
            {
                return;
            }

            fingerprints[i] = pages.Fingerprint(ArticleInputs(a, catalog, products));
            render[i] = !pages.TryReuse(a.File, fingerprints[i]);
        });

        if (ranking is null)
        {
            // Upgrade-guide articles are parsed too: the guides show their options.
            byFile = byFile.Where(p => render[p.Value.Index] || p.Value.Upgrade is not null).ToDictionary();
        }

        var factory = new ArticleViewFactory(catalog, _baseUrl, products);
        var done = 0;
        Files()
            .Select((f, i) => (File: f, Number: i))
            .Where(x => byFile.ContainsKey(x.Number))
            .AsParallel()
            .WithDegreeOfParallelism(_options.MaxParallelism)
            .WithCancellation(ct)
            .ForAll(x =>
            {
                var entry = byFile[x.Number];
                try
                {
                    var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                    var record = KbArticleParser.Parse(x.File.ReadBytes(), x.File.SourcePath);
                    var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                    // The catalog's id is the one search results map back to.
                    ranking?.Add(record.Id == entry.Id ? record : record with { Id = entry.Id });
                    _siteGuides?.Capture(entry, record);
                    var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
                    if (render[entry.Index])
                    {
                        var view = factory.Create(record, entry);
                        var page = new PageView { Title = record.Id + ": " + entry.Title, Url = entry.Url, Kind = "article", Description = entry.Excerpt };
                        var html = templates.Render("article.liquid", site, page, "article", view);
                        var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
                        pages.Write(entry.File, fingerprints[entry.Index], html);
                        Interlocked.Add(ref _renderTicks, t3 - t2);
                        Interlocked.Add(ref _writeTicks, System.Diagnostics.Stopwatch.GetTimestamp() - t3);
                    }

                    Interlocked.Add(ref _parseTicks, t1 - t0);
                    Interlocked.Add(ref _indexTicks, t2 - t1);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException and not UnsafePathException)
                {
                    // One article, one failure: its page shows its title and says the text could not be shown,
                    // so links to it still resolve; the diagnostic names the file.
                    lock (_diagnostics)
                    {
                        _diagnostics.Add(new SiteDiagnostic(SiteDiagnosticCodes.RenderError, entry.SourcePath, "not rendered in full: " + ex.Message));
                    }

                    if (render[entry.Index])
                    {
                        try
                        {
                            var stub = new Kb.Parser.Model.ArticleRecord { Id = entry.Id, Title = entry.Title, SourcePath = entry.SourcePath, Products = entry.Products };
                            var page = new PageView { Title = entry.Id + ": " + entry.Title, Url = entry.Url, Kind = "article", Description = "" };
                            pages.Write(entry.File, "failed " + fingerprints[entry.Index], templates.Render("article.liquid", site, page, "article", factory.Create(stub, entry)));
                        }
                        catch (Exception again) when (again is not OperationCanceledException and not OutOfMemoryException)
                        {
                            pages.Fail($"{entry.Id} ({entry.SourcePath})", again);
                        }
                    }
                }

                var n = Interlocked.Increment(ref done);
                if (n % 500 == 0)
                {
                    Report("render", n, byFile.Count);
                }
            });

        if (Trace)
        {
            var f = (double)System.Diagnostics.Stopwatch.Frequency;
            Console.Error.WriteLine($"  thread time: parse {_parseTicks / f:F1} s, index {_indexTicks / f:F1} s, render {_renderTicks / f:F1} s, write {_writeTicks / f:F1} s");
        }

        return articles.Where(a => a.Rendered && render[a.Index]).Select(a => a.Id).ToList();
    }

    /// <summary>Everything an article page shows besides its own file: link targets, backlinks, product listings.</summary>
    private static IEnumerable<string?> ArticleInputs(ArticleEntry a, SiteCatalog catalog, Dictionary<string, ProductLink> products)
    {
        yield return a.SourceHash;
        yield return a.Url;
        foreach (var p in a.Products)
        {
            yield return products[p].Url;
        }

        foreach (var g in a.Guides)
        {
            yield return g.Url + " " + g.Title;
        }

        foreach (var r in a.References)
        {
            yield return catalog.TryGet(r, out var t) ? r + " " + t.Url + " " + t.Title : r;
        }

        yield return "\u0002";
        foreach (var b in catalog.ReferencedBy(a.Id))
        {
            yield return b.Id + " " + b.Url + " " + b.Title;
        }
    }
}
