using System.Diagnostics;
using Kb.Index.Indexing;
using Kb.Parser.Corpus;
using Kb.Site.Build;
using Kb.Site.Catalog;
using Kb.Site.Output;
using Kb.Site.Search;
using Kb.Site.Theme;
using Kb.Site.Views;

namespace Kb.Site;

/// <summary>
/// Builds the static site from records: parses each article whose file changed since the previous
/// build (once) into the record store, makes the catalog from the articles' entries, renders the pages
/// whose inputs changed from the stored records (linking the others from the previous build), exports
/// the search files from the store, and swaps the finished folder in for the old one. See
/// docs/architecture.md.
/// </summary>
public sealed partial class KbSiteBuilder
{
    private readonly SiteOptions _options;
    private readonly IProgress<SiteProgress>? _progress;
    private readonly List<SiteDiagnostic> _diagnostics = [];
    private readonly string _baseUrl;

    private KbSiteBuilder(SiteOptions options, IProgress<SiteProgress>? progress)
    {
        _options = options;
        _progress = progress;
        _baseUrl = options.NormalizedBaseUrl;
    }

    /// <summary>Builds the site described by <paramref name="options"/>.</summary>
    public static Task<SiteBuildResult> BuildAsync(SiteOptions options, IProgress<SiteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Task.Run(() => new KbSiteBuilder(options, progress).Build(cancellationToken), cancellationToken);
    }

    private SiteBuildResult Build(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        foreach (var s in Sources)
        {
            if (!File.Exists(s) && !Directory.Exists(s))
            {
                throw new SiteBuildException($"no such file or folder: {s}");
            }
        }

        if (OutputFolder.Refusal(_options.OutputDir, Sources) is { } refusal)
        {
            throw new SiteBuildException(refusal);
        }

        var theme = ThemeFiles.Load(_options.ThemeDir);
        var templates = KbTemplates.Load(theme, _baseUrl, _options.StrictTemplates);
        var settings = BuildState.Fingerprint([BuildState.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            theme.Hash, _baseUrl, _options.Title, _options.SiteUrl, Decision.DecisionScriptSource.Text]);
        SiteWriter.Tidy(_options.OutputDir);
        var previous = _options.Incremental ? BuildState.Load(_options.OutputDir) : new BuildState();
        if (previous.WrittenBy != BuildState.Code)
        {
            // Another build of kb wrote the state: its entries and records may differ from what this code makes.
            previous = new BuildState();
        }

        if (previous.Settings == settings && UpToDate(previous))
        {
            return UpToDateResult(previous, clock);
        }

        var state = new BuildState { WrittenBy = BuildState.Code, Settings = settings };

        using var writer = new SiteWriter(_options.OutputDir);
        var storePath = writer.Resolve(BuildState.StoreFolder);
        Directory.CreateDirectory(storePath);
        var linked = previous.Articles.Count > 0 && LinkStore(writer);
        if (!linked)
        {
            previous = new BuildState();
        }
        else
        {
            // A rebuild from the previous output: the unchanged files stay where they are (no links), the
            // changed ones are moved in at the end under a journal.
            writer.TryInPlace();
        }

        Report("read", 0, 0);
        List<ArticleEntry> entries;
        RecordReader records;
        using (var store = linked ? RecordStore.Update(storePath) : RecordStore.Create(storePath))
        {
            entries = Read(previous, state, store, ct);
            Report("store", 0, 1);
            records = store.Commit();
        }

        using var recordsScope = records;
        state.Articles.AddRange(entries);
        var catalog = new SiteCatalog(entries);
        _siteGuides = Products.SiteGuides.Prepare(catalog);
        foreach (var a in catalog.Articles)
        {
            // The guides show their articles' options, kept from the records in the entries' upgrade summaries.
            if (a.Rendered)
            {
                _siteGuides.Capture(a);
            }
        }

        var site = new SiteView
        {
            Title = _options.Title,
            BaseUrl = _baseUrl,
            SiteUrl = _options.SiteUrl.TrimEnd('/'),
            ArticleCount = entries.Count(e => e.Rendered),
            Assets = WriteAssets(theme, writer),
        };
        var products = catalog.Products.ToDictionary(p => p.Name, p => new ProductLink
        {
            Index = p.Index,
            Name = p.Name,
            Url = "products/" + p.Slug + "/",
            Count = p.Articles.Count,
        }, StringComparer.Ordinal);

        var pages = new PageSet(writer, previous, state, settings);
        Report("articles", 0, entries.Count);
        // The default layout does not show the article count on article pages: an added article would
        // otherwise change every page. A theme whose article pages show it gets them rendered again.
        var countOnPages = ArticleTemplates.Any(t => theme.Files.TryGetValue(t, out var b)
            && System.Text.Encoding.UTF8.GetString(b).Contains("article_count", StringComparison.Ordinal));
        var rendered = RenderArticles(catalog, templates, site, products, pages, records, countOnPages, ct);
        RenderOtherPages(catalog, templates, site, products, pages, _siteGuides.ByFamily);
        RenderFeeds(catalog, site, pages);
        RenderGuides(_siteGuides, catalog, templates, site, products, pages, writer, site.ArticleCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (pages.Errors.Count > 0)
        {
            throw new SiteBuildException("the build failed; the previous output is unchanged: " + string.Join("; ", pages.Errors.Take(20)));
        }

        // The search files depend on the articles only: when none changed, the previous build's are linked;
        // otherwise they are exported from the record store.
        var searchFingerprint = SearchInputs.Fingerprint(catalog);
        var layout = SearchInputs.Layout(catalog);
        var search = SearchInputs.TryReuse(previous, searchFingerprint, writer);
        state.SearchBase = previous.SearchBase;
        if (search is null)
        {
            Report("export", 0, 1);
            using var export = records.Export();
            search = SearchUpdate.TryWrite(previous, catalog, layout, _changed, export, records, writer, out var why);
            if (search is null)
            {
                if (Trace)
                {
                    Console.Error.WriteLine("  full search export: " + why);
                }

                search = SearchExporter.Write(new IndexPostingsSource(export, catalog), catalog, writer, _options.MaxParallelism);
                state.SearchBase = export.Statistics;
            }
        }

        state.SearchFingerprint = searchFingerprint;
        state.SearchLayout = layout;
        state.Search = search;

        writer.WriteBytes(BuildState.FileName, state.ToJson());
        Report("swap", 0, 1);
        writer.Commit();
        Report("done", 1, 1);
        return new SiteBuildResult
        {
            Articles = site.ArticleCount,
            Pages = pages.Count,
            PagesRendered = pages.Rendered,
            PagesReused = pages.Reused,
            ArticlesParsed = _parsed,
            Files = writer.Files,
            Bytes = writer.Bytes,
            Elapsed = clock.Elapsed,
            Diagnostics = _diagnostics,
            Search = search,
            RenderedArticles = rendered,
        };
    }

    private static readonly string[] ArticleTemplates = ["layout.liquid", "article.liquid"];

    private IEnumerable<string> Sources => new[] { _options.Source }.Concat(_options.ExtraSources);

    private void Report(string phase, int done, int total)
    {
        _progress?.Report(new SiteProgress(phase, done, total));
        if (Trace && _lastPhase != phase)
        {
            _lastPhase = phase;
            Console.Error.WriteLine($"[{_clock.Elapsed.TotalSeconds:F2} s] {phase} (GC pauses so far {GC.GetTotalPauseDuration().TotalSeconds:F1} s)");
        }
    }

    private static readonly bool Trace = Environment.GetEnvironmentVariable("KB_SITE_TRACE") == "1";
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string _lastPhase = "";

    private static Dictionary<string, string> WriteAssets(ThemeFiles theme, SiteWriter writer)
    {
        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, bytes) in theme.Files)
        {
            if (name.EndsWith(".liquid", StringComparison.Ordinal))
            {
                continue;
            }

            var hashed = HashedName(name, bytes);
            writer.WriteBytes(hashed, bytes);
            assets[Path.GetFileNameWithoutExtension(name) switch { "kb" when name.EndsWith(".css", StringComparison.Ordinal) => "css", "kb" => "js", var n => n }] = hashed;
        }

        var decision = System.Text.Encoding.UTF8.GetBytes(Decision.DecisionScriptSource.Text);
        var decisionName = HashedName("assets/kb-decision.js", decision);
        writer.WriteBytes(decisionName, decision);
        assets["decision"] = decisionName;
        return assets;
    }

    /// <summary><c>assets/kb.css</c> becomes <c>assets/kb.1a2b3c4d.css</c>: browsers may cache it for good.</summary>
    private static string HashedName(string name, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes), 0, 4);
        var ext = Path.GetExtension(name);
        return name[..^ext.Length] + "." + hash + ext;
    }
}
