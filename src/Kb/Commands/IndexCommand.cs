using System.ComponentModel;
using System.Globalization;
using Kb.Index.Indexing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary><c>kb index SOURCE [--index DIR]</c>: build or update the search index.</summary>
internal sealed class IndexCommand : Command<IndexCommand.Settings>
{
    public const string DefaultIndex = ".kb/index";

    public sealed class Settings : SummarySettings
    {
        [CommandArgument(0, "<SOURCE>")]
        [Description("Article folder (recursive), file or .tar.gz/.zip archive; several may be given (one copy of each article is kept: the newest). Together they are the whole corpus: articles not in them are removed from the index.")]
        public string[] Sources { get; init; } = [];

        [CommandOption("--index <DIR>")]
        [Description("Index folder (default .kb/index).")]
        public string Index { get; init; } = DefaultIndex;

        public override ValidationResult Validate() =>
            Sources.FirstOrDefault(s => !File.Exists(s) && !Directory.Exists(s)) is { } missing
                ? ValidationResult.Error($"no such file or folder: {missing}")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var progress = new ProgressLine("index", settings.ShowProgress);
        var errors = 0;
        var scanned = 0;
        var builder = new KbIndexBuilder
        {
            // Several sources: a first pass weighs the copies of each article (shown as its own phase).
            OnScan = () => progress.Show(new Kb.Site.SiteProgress("weighing copies", Interlocked.Increment(ref scanned), 0)),
            OnArticle = progress.Tick,
            OnError = message =>
            {
                Interlocked.Increment(ref errors);
                progress.Error("kb: error: " + message);
            },
        };
        IndexReport report;
        try
        {
            report = builder.Build(settings.Sources, settings.Index, cancellationToken);
        }
        catch (KbIndexLockedException ex)
        {
            progress.Done();
            Console.Error.WriteLine("kb: " + ex.Message);
            return ExitCodes.Failed;
        }

        progress.Done();
        var c = CultureInfo.InvariantCulture;
        settings.WriteSummary(
            new
            {
                index = Path.GetFullPath(settings.Index),
                total = report.Total,
                added = report.Added,
                updated = report.Updated,
                removed = report.Removed,
                unchanged = report.Unchanged,
                failed = report.Failed,
                setAside = report.SetAside,
                rebuilt = report.Rebuilt,
                seconds = Math.Round(report.Elapsed.TotalSeconds, 3),
            },
            string.Create(c, $"{report.Total} articles in {settings.Index}: {report.Added} added, {report.Updated} updated, {report.Removed} removed, {report.Unchanged} unchanged{(report.Failed > 0 ? $", {report.Failed} failed" : "")}{(report.SetAside > 0 ? $", {report.SetAside} older copies set aside" : "")} ({report.Elapsed.TotalSeconds:F1} s){(report.Rebuilt ? " [new index]" : "")}"));
        return errors > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
