using System.ComponentModel;
using System.Globalization;
using Kb.Site;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary><c>kb build [SOURCE] [--out DIR] [--base-url PATH] [--theme DIR] [--title TEXT]</c>.</summary>
internal sealed class BuildCommand : AsyncCommand<BuildCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[SOURCE]")]
        [Description("Article folder or .tar.gz/.zip archive (default content/kb); several may be given.")]
        public string[] Sources { get; init; } = [];

        [CommandOption("-o|--out <DIR>")]
        [Description("Output folder (default _site); replaced only when the build succeeds.")]
        public string Out { get; init; } = "_site";

        [CommandOption("--base-url <PATH>")]
        [Description("Path every link starts with (default /), e.g. /kb-archive/.")]
        public string BaseUrl { get; init; } = "/";

        [CommandOption("--theme <DIR>")]
        [Description("Folder of templates and assets replacing the default theme's files of the same name.")]
        public string? Theme { get; init; }

        [CommandOption("--title <TEXT>")]
        [Description("Site title (default \"KnowledgeBase Archive\").")]
        public string Title { get; init; } = "KnowledgeBase Archive";

        [CommandOption("--site-url <URL>")]
        [Description("Origin for sitemap.xml and the OpenSearch description, e.g. https://kb.example.org.")]
        public string SiteUrl { get; init; } = "";

        [CommandOption("--full")]
        [Description("Render every page, ignoring the previous build.")]
        public bool Full { get; init; }

        public override ValidationResult Validate()
        {
            foreach (var p in Sources.Length == 0 ? ["content/kb"] : Sources)
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
        var sources = settings.Sources.Length == 0 ? ["content/kb"] : settings.Sources;
        var options = new SiteOptions
        {
            Source = sources[0],
            ExtraSources = sources.Skip(1).ToList(),
            OutputDir = settings.Out,
            BaseUrl = settings.BaseUrl,
            ThemeDir = settings.Theme,
            Title = settings.Title,
            SiteUrl = settings.SiteUrl,
            Incremental = !settings.Full,
        };

        SiteBuildResult result;
        try
        {
            using var progress = new ProgressLine("build");
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
        if (result.UpToDate)
        {
            Console.WriteLine(string.Create(c,
                $"{settings.Out} is up to date: {result.Articles:N0} articles, {result.Pages:N0} pages, no source changed, {result.Elapsed.TotalSeconds:F1} s, {result.Diagnostics.Count} warnings"));
            return ExitCodes.Ok;
        }

        Console.WriteLine(string.Create(c,
            $"built {settings.Out}: {result.Articles:N0} articles ({result.ArticlesParsed:N0} parsed), {result.Pages:N0} pages ({result.PagesRendered:N0} rendered, {result.PagesReused:N0} reused), {result.Files:N0} files, {result.Bytes / 1e6:F1} MB, {result.Elapsed.TotalSeconds:F1} s, {result.Diagnostics.Count} warnings"));
        if (result.Search is { } s)
        {
            Console.WriteLine(string.Create(c, $"search: {s.Terms:N0} terms in {s.Shards:N0} shards, {s.DocGroups:N0} result files, {s.Bytes / 1e6:F1} MB{(s.Reused ? " (unchanged: linked from the previous build)" : "")}"));
        }

        return ExitCodes.Ok;
    }
}
