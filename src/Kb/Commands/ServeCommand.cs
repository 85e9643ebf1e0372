using System.ComponentModel;
using Kb.Site.Serve;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary><c>kb serve [DIR] [--port N]</c>: preview a built site on 127.0.0.1.</summary>
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

        public override ValidationResult Validate() =>
            !Directory.Exists(Dir) ? ValidationResult.Error($"no such folder: {Dir}")
            : Port is < 0 or > 65535 ? ValidationResult.Error("--port must be 0-65535") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var server = new StaticSiteServer(settings.Dir, settings.Port, settings.BaseUrl);
        server.Start();
        Console.WriteLine($"serving {settings.Dir} at {server.Address} (Ctrl+C to stop)");
        using var done = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            done.Cancel();
        };
        try
        {
            await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(done.Token, cancellationToken).Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        return ExitCodes.Ok;
    }
}
