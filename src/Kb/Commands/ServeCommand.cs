using System.ComponentModel;
using Kb.Site;
using Kb.Site.Serve;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary>
/// <c>kb serve [DIR] [--port N] [--watch [--source PATH]... [--theme DIR]]</c>: preview a built site on
/// 127.0.0.1; with <c>--watch</c>, build it from the sources first, rebuild on every change of the
/// sources or the theme, and reload open pages.
/// </summary>
internal sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[DIR]")]
        [Description("A built site (default _site).")]
        public string Dir { get; init; } = "_site";

        [CommandOption("-p|--port <N>")]
        [Description("Port on 127.0.0.1 (default 8000; 0 picks a free one).")]
        public int Port { get; init; } = 8000;

        [CommandOption("--base-url <PATH>")]
        [Description("The base URL the site was built with (default /).")]
        public string BaseUrl { get; init; } = "/";

        [CommandOption("--watch")]
        [Description("Build DIR from the sources, rebuild when they or the theme change, and reload open pages.")]
        public bool Watch { get; init; }

        [CommandOption("--source <PATH>")]
        [Description("With --watch: an article folder or archive (repeatable; default content/kb).")]
        public string[] Sources { get; init; } = [];

        [CommandOption("--theme <DIR>")]
        [Description("With --watch: a theme folder overriding the default theme's files.")]
        public string? Theme { get; init; }

        public override ValidationResult Validate()
        {
            if (Port is < 0 or > 65535)
            {
                return ValidationResult.Error("--port must be 0-65535");
            }

            if (!Watch)
            {
                return (Sources.Length > 0 || Theme is not null) ? ValidationResult.Error("--source and --theme need --watch")
                    : !Directory.Exists(Dir) ? ValidationResult.Error($"no such folder: {Dir}") : ValidationResult.Success();
            }

            foreach (var p in SourcesOrDefault)
            {
                if (!File.Exists(p) && !Directory.Exists(p))
                {
                    return ValidationResult.Error($"no such file or folder: {p}");
                }
            }

            return Theme is not null && !Directory.Exists(Theme) ? ValidationResult.Error($"no such theme folder: {Theme}") : ValidationResult.Success();
        }

        internal IReadOnlyList<string> SourcesOrDefault => Sources.Length > 0 ? Sources : ["content/kb"];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        LiveReload? live = null;
        SiteOptions? options = null;
        if (settings.Watch)
        {
            options = new SiteOptions
            {
                Source = settings.SourcesOrDefault[0],
                ExtraSources = settings.SourcesOrDefault.Skip(1).ToList(),
                OutputDir = settings.Dir,
                BaseUrl = settings.BaseUrl,
                ThemeDir = settings.Theme,
            };
            try
            {
                Report(await KbSiteBuilder.BuildAsync(options, null, cancellationToken).ConfigureAwait(false), null);
            }
            catch (Exception ex) when (ex is SiteBuildException or Kb.Site.Theme.ThemeException or IOException)
            {
                await Console.Error.WriteLineAsync("kb: build failed: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            live = new LiveReload();
        }

        await using var server = new StaticSiteServer(settings.Dir, settings.Port, settings.BaseUrl, live);
        server.Start();
        Console.WriteLine($"serving {settings.Dir} at {server.Address}{(settings.Watch ? ", rebuilding on change" : "")} (Ctrl+C to stop)");
        using var done = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            done.Cancel();
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(done.Token, cancellationToken);
        using var watcher = options is not null && live is not null ? new SiteWatcher(options, live) : null;
        try
        {
            if (watcher is not null)
            {
                await watcher.RunAsync(Report, stop.Token).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        return ExitCodes.Ok;
    }

    private static void Report(SiteBuildResult? result, Exception? error)
    {
        if (error is not null)
        {
            Console.Error.WriteLine("kb: build failed (the site is as it was): " + error.Message);
            return;
        }

        foreach (var d in result!.Diagnostics.Take(20))
        {
            Console.Error.WriteLine("kb: warning: " + d);
        }

        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"built: {result.ArticlesParsed:N0} articles parsed, {result.PagesRendered:N0} pages rendered, {result.PagesReused:N0} reused, {result.Elapsed.TotalSeconds:F2} s{(result.UpToDate ? " (up to date)" : "")}"));
    }
}
