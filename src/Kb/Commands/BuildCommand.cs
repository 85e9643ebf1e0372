using System.ComponentModel;
using System.Globalization;
using Kb.Site;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary><c>kb build [SOURCE] [--out DIR] [--base-url PATH] [--theme DIR] [--title TEXT]</c>.</summary>
internal sealed class BuildCommand : AsyncCommand<BuildCommand.Settings>
{
    public sealed class Settings : SummarySettings
    {
        public const string DefaultSource = "content/kb";

        [CommandArgument(0, "[SOURCE]")]
        [Description("Article folder or .tar.gz/.zip archive (default content/kb); several may be given.")]
        public string[] Sources { get; init; } = [];

        [CommandOption("-o|--out <DIR>")]
        [Description("Output folder (default _site); replaced only when the build succeeds.")]
        public string? Out { get; init; }

        [CommandOption("--base-url <PATH>")]
        [Description("Path every link starts with (default /), e.g. /kb-archive/.")]
        public string? BaseUrl { get; init; }

        [CommandOption("--theme <DIR>")]
        [Description("Folder of templates and assets replacing the default theme's files of the same name.")]
        public string? Theme { get; init; }

        [CommandOption("--title <TEXT>")]
        [Description("Site title (default \"KnowledgeBase Archive\").")]
        public string? Title { get; init; }

        [CommandOption("--site-url <URL>")]
        [Description("Origin for sitemap.xml and the OpenSearch description, e.g. https://kb.example.org.")]
        public string? SiteUrl { get; init; }

        [CommandOption("--config <FILE>")]
        [Description("Settings file (default: kb.json in the source folder, else in the current folder); flags override it.")]
        public string? Config { get; init; }

        [CommandOption("--full")]
        [Description("Render every page, ignoring the previous build.")]
        public bool Full { get; init; }

        public override ValidationResult Validate()
        {
            if (Sources.Length == 0 && !Directory.Exists(DefaultSource))
            {
                return ValidationResult.Error(
                    $"no articles to build: there is no {DefaultSource} folder here. Pass a folder or archive of articles (kb build ARTICLES [--out DIR]), or run kb build where content/kb exists");
            }

            foreach (var p in Sources)
            {
                if (!File.Exists(p) && !Directory.Exists(p))
                {
                    return ValidationResult.Error($"no such file or folder: {p}");
                }
            }

            return Theme is not null && !Directory.Exists(Theme) ? ValidationResult.Error($"no such theme folder: {Theme}") : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var sources = settings.Sources.Length == 0 ? [Settings.DefaultSource] : settings.Sources;
        KbConfig config;
        try
        {
            config = KbConfig.Find(settings.Config, sources[0]);
        }
        catch (Exception ex) when (ex is KbConfigException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("kb: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var theme = settings.Theme ?? config.Theme;
        if (theme is not null && !Directory.Exists(theme))
        {
            await Console.Error.WriteLineAsync($"kb: no such theme folder: {theme} (from {config.Path})").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var output = settings.Out ?? config.Output ?? "_site";
        var options = new SiteOptions
        {
            Source = sources[0],
            ExtraSources = sources.Skip(1).ToList(),
            OutputDir = output,
            BaseUrl = settings.BaseUrl ?? config.BaseUrl ?? "/",
            ThemeDir = theme,
            Title = settings.Title ?? config.Title ?? "KnowledgeBase Archive",
            SiteUrl = settings.SiteUrl ?? config.SiteUrl ?? "",
            Incremental = !settings.Full,
        };

        SiteBuildResult result;
        try
        {
            using var progress = new ProgressLine("build", settings.ShowProgress);
            result = await KbSiteBuilder.BuildAsync(options, new Progress<SiteProgress>(progress.Show), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SiteBuildException or Kb.Site.Theme.ThemeException or IOException)
        {
            await Console.Error.WriteLineAsync("kb: build failed: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        foreach (var d in result.Diagnostics.Take(50))
        {
            await Console.Error.WriteLineAsync("kb: warning: " + d).ConfigureAwait(false);
        }

        if (result.Diagnostics.Count > 50)
        {
            await Console.Error.WriteLineAsync($"kb: ... {result.Diagnostics.Count - 50} more warnings").ConfigureAwait(false);
        }

        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            result.UpToDate
                ? string.Create(c, $"{output} is up to date: {result.Articles:N0} articles, {result.Pages:N0} pages, no source changed, {result.Elapsed.TotalSeconds:F1} s, {result.Diagnostics.Count} warnings")
                : string.Create(c, $"built {output}: {result.Articles:N0} articles ({result.ArticlesParsed:N0} parsed), {result.Pages:N0} pages ({result.PagesRendered:N0} rendered, {result.PagesReused:N0} reused), {result.Files:N0} files, {result.Bytes / 1e6:F1} MB, {result.Elapsed.TotalSeconds:F1} s, {result.Diagnostics.Count} warnings"),
        };
        if (result.Search is { } s)
        {
            lines.Add(string.Create(c, $"search: {s.Terms:N0} terms in {s.Shards:N0} shards, {s.DocGroups:N0} result files, {s.Bytes / 1e6:F1} MB{(s.Reused ? " (unchanged: linked from the previous build)" : "")}"));
        }

        settings.WriteSummary(
            new
            {
                output = Path.GetFullPath(output),
                config = config.Path is null ? null : Path.GetFullPath(config.Path),
                upToDate = result.UpToDate,
                articles = result.Articles,
                articlesParsed = result.ArticlesParsed,
                pages = result.Pages,
                pagesRendered = result.PagesRendered,
                pagesReused = result.PagesReused,
                files = result.Files,
                bytes = result.Bytes,
                seconds = Math.Round(result.Elapsed.TotalSeconds, 3),
                warnings = result.Diagnostics.Count,
                search = result.Search is { } x ? new { terms = x.Terms, shards = x.Shards, resultFiles = x.DocGroups, bytes = x.Bytes, reused = x.Reused } : null,
            },
            [.. lines]);
        return ExitCodes.Ok;
    }
}
