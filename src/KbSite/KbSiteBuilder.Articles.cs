using Kb.Index.Indexing;
using Kb.Parser.Corpus;
using Kb.Site.Build;
using Kb.Site.Catalog;
using Kb.Site.Output;
using Kb.Site.Rendering;
using Kb.Site.Theme;
using Kb.Site.Views;

namespace Kb.Site;

public sealed partial class KbSiteBuilder
{
    private long _parseTicks;
    private long _loadTicks;
    private long _renderTicks;
    private long _writeTicks;
    private int _parsed;

    /// <summary>The keys of the files parsed by this build (their records are new in the store).</summary>
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    /// <summary>The key of a file's record: the source's position and the file's path in it (unique per file).</summary>
    private static string Key(int source, ArticleFile file) =>
        source.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + file.SourcePath;

    /// <summary>True when a source is one file holding many articles: it is stamped as a whole.</summary>
    private static bool IsArchive(string source) =>
        File.Exists(source) && ArchiveEndings.Any(e => source.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] ArchiveEndings = [".tar.gz", ".tgz", ".tar", ".zip"];

    /// <summary>
    /// Every article's catalog entry, in source order: files whose stamps are those of the previous build
    /// keep its entry unopened; the others are read, and parsed when their bytes changed, their records
    /// put in <paramref name="store"/>. Records of articles that are gone or not rendered are removed.
    /// </summary>
    private List<ArticleEntry> Read(BuildState previous, BuildState state, RecordStore store, CancellationToken ct)
    {
        var old = new Dictionary<string, ArticleEntry>(StringComparer.Ordinal);
        foreach (var a in previous.Articles)
        {
            old.TryAdd(a.Key, a);
        }

        var results = new List<(ReadResult Result, string Key)>();
        var sources = Sources.ToList();
        for (var s = 0; s < sources.Count; s++)
        {
            var source = sources[s];
            var sourceKey = s.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + source;
            if (IsArchive(source))
            {
                var stamp = ArticleReader.Stamp(new FileInfo(source));
                state.Sources[sourceKey] = stamp;
                if (previous.Sources.TryGetValue(sourceKey, out var before) && before == stamp)
                {
                    // The archive is as the previous build read it: its entries stand, it is not opened.
                    var prefix = s.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";
                    results.AddRange(previous.Articles.Where(a => a.Key.StartsWith(prefix, StringComparison.Ordinal))
                        .Select(a => (new ReadResult(a.WithStamp(a.Stamp), a.Problem, false), a.Key)));
                    continue;
                }
            }

            var number = s;
            results.AddRange(CorpusReader.EnumerateFiles(source)
                .AsParallel()
                .AsOrdered()
                .WithDegreeOfParallelism(_options.MaxParallelism)
                .WithCancellation(ct)
                .Select(f =>
                {
                    var key = Key(number, f);
                    var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                    var r = ArticleReader.Read(f, key, old.GetValueOrDefault(key), store);
                    Interlocked.Add(ref _parseTicks, System.Diagnostics.Stopwatch.GetTimestamp() - t0);
                    if (r.Parsed)
                    {
                        Interlocked.Increment(ref _parsed);
                    }

                    return (r, key);
                }));
        }

        var entries = new List<ArticleEntry>();
        var ids = new Dictionary<string, ArticleEntry>(StringComparer.Ordinal);
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (r, key) in results)
        {
            seen.Add(key);
            if (r.Parsed)
            {
                _changed.Add(key);
            }

            if (r.Problem is not null)
            {
                _diagnostics.Add(r.Problem);
            }

            if (r.Entry is not { } e)
            {
                continue;
            }

            e.Index = entries.Count;
            if (e.Rendered && ids.TryGetValue(e.Id, out var kept))
            {
                // Several sources: one page per article, the newest copy (then the first). An identical copy
                // (the same article in two sources) is dropped silently.
                e.Rendered = false;
                if (kept.SourceHash != e.SourceHash)
                {
                    KeepOneCopy(e, kept, ids, files, store, missing);
                }
            }
            else if (e.Rendered)
            {
                ids.Add(e.Id, e);
                if (!files.TryAdd(e.File, e.SourcePath))
                {
                    // The first in source order keeps the page: the same input always gives the same site.
                    e.Rendered = false;
                    _diagnostics.Add(new SiteDiagnostic(SiteDiagnosticCodes.DuplicatePermalink, e.SourcePath,
                        $"/{e.Url} is also the permalink of {files[e.File]}; that article keeps the page and this one is not rendered"));
                }
            }

            if (!e.Rendered)
            {
                // The store holds the records of rendered articles only: ids and permalinks are unique there.
                store.Delete(key);
            }
            else if (!r.Parsed && old.TryGetValue(key, out var before) && !before.Rendered)
            {
                // Unchanged, but rendered only now (the copy that hid it is gone): its record was never kept.
                missing.Add(key);
            }

            entries.Add(e);
        }

        foreach (var a in previous.Articles)
        {
            if (!seen.Contains(a.Key))
            {
                store.Delete(a.Key);
            }
        }

        if (missing.Count > 0)
        {
            ParseAgain(missing, store);
        }

        Products.SiteFamilies.FillFromListings(entries, Sources);
        return entries;
    }

    /// <summary>Parses the given files again and puts their records in the store (rare: see <see cref="Read"/>).</summary>
    private void ParseAgain(HashSet<string> keys, RecordStore store)
    {
        var sources = Sources.ToList();
        for (var s = 0; s < sources.Count; s++)
        {
            foreach (var f in CorpusReader.EnumerateFiles(sources[s]))
            {
                var key = Key(s, f);
                if (keys.Contains(key) && ArticleReader.Read(f, key, null, store).Parsed)
                {
                    _changed.Add(key);
                    Interlocked.Increment(ref _parsed);
                }
            }
        }
    }

    /// <summary>
    /// Renders the page of every article whose inputs changed (the others are linked from the previous
    /// build), from its record in the store.
    /// </summary>
    private List<string> RenderArticles(SiteCatalog catalog, KbTemplates templates, SiteView site,
        Dictionary<string, ProductLink> products, PageSet pages, RecordReader records, bool countOnPages, CancellationToken ct)
    {
        var articles = catalog.Articles;
        var render = new bool[articles.Count];
        var fingerprints = new string[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = ct }, i =>
        {
            var a = articles[i];
            if (!a.Rendered)
            {
                return;
            }

            fingerprints[i] = pages.Fingerprint(ArticleInputs(a, catalog, products).Append(countOnPages ? site.ArticleCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));
            render[i] = !pages.TryReuse(a.File, fingerprints[i]);
        });

        var todo = articles.Where(a => a.Rendered && render[a.Index]).ToList();
        var factory = new ArticleViewFactory(catalog, _baseUrl, products);
        var done = 0;
        todo.AsParallel()
            .WithDegreeOfParallelism(_options.MaxParallelism)
            .WithCancellation(ct)
            .ForAll(entry =>
            {
                try
                {
                    var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                    if (!records.TryGet(entry.Key, out var record))
                    {
                        throw new InvalidOperationException("its record is missing from the record store");
                    }

                    var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                    var view = factory.Create(record, entry);
                    var page = new PageView { Title = record.Id + ": " + entry.Title, Url = entry.Url, Kind = "article", Description = entry.Excerpt };
                    var html = templates.Render("article.liquid", site, page, "article", view);
                    var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
                    pages.Write(entry.File, fingerprints[entry.Index], html);
                    Interlocked.Add(ref _loadTicks, t1 - t0);
                    Interlocked.Add(ref _renderTicks, t2 - t1);
                    Interlocked.Add(ref _writeTicks, System.Diagnostics.Stopwatch.GetTimestamp() - t2);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException and not UnsafePathException)
                {
                    // One article, one failure: its page shows its title and says the text could not be shown,
                    // so links to it still resolve; the diagnostic names the file.
                    lock (_diagnostics)
                    {
                        _diagnostics.Add(new SiteDiagnostic(SiteDiagnosticCodes.RenderError, entry.SourcePath, "not rendered in full: " + ex.Message));
                    }

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

                var n = Interlocked.Increment(ref done);
                if (n % 500 == 0)
                {
                    Report("render", n, todo.Count);
                }
            });

        if (Trace)
        {
            var f = (double)System.Diagnostics.Stopwatch.Frequency;
            Console.Error.WriteLine($"  thread time: read and parse {_parseTicks / f:F1} s, load records {_loadTicks / f:F1} s, render {_renderTicks / f:F1} s, write {_writeTicks / f:F1} s");
        }

        return todo.Select(a => a.Id).ToList();
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

    /// <summary>
    /// A second copy of an article (<paramref name="e"/>, not rendered yet) met after <paramref name="kept"/>:
    /// the merge's order (newest by last-modified date, then the first) decides which keeps the page; a copy
    /// under another title is reported. The loser's record leaves the store.
    /// </summary>
    private void KeepOneCopy(ArticleEntry e, ArticleEntry kept, Dictionary<string, ArticleEntry> ids, Dictionary<string, string> files,
        RecordStore store, HashSet<string> missing)
    {
        if (!ArticleMerge.SameTitle(kept.Title, e.Title))
        {
            _diagnostics.Add(new SiteDiagnostic(SiteDiagnosticCodes.DuplicateId, e.SourcePath,
                $"{e.Id} is also in {kept.SourcePath} under another title: '{kept.Title}'"));
        }

        var wins = ArticleMerge.Prefers(Candidate(e), Candidate(kept));
        var (keep, drop) = wins ? (e, kept) : (kept, e);
        _diagnostics.Add(new SiteDiagnostic(SiteDiagnosticCodes.DuplicateId, drop.SourcePath,
            $"{e.Id} appears more than once; the copy in {keep.SourcePath} is kept (newest, then first)"));
        if (!wins || !(files.TryGetValue(kept.File, out var holder) && holder == kept.SourcePath))
        {
            return;
        }

        files.Remove(kept.File);
        if (!files.TryAdd(e.File, e.SourcePath))
        {
            files[kept.File] = kept.SourcePath;
            return;
        }

        kept.Rendered = false;
        store.Delete(kept.Key);
        missing.Remove(kept.Key);
        e.Rendered = true;
        ids[e.Id] = e;
    }

    private static MergeCandidate Candidate(ArticleEntry e) => new(e.Id, e.SourcePath, null, e.LastModified, e.Title, 0, e.Index);
}
