using System.ComponentModel;
using System.Globalization;
using Kb.Site.Check;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary><c>kb check DIR</c>: every page parses, every internal link resolves, article pages are complete.</summary>
internal sealed class CheckCommand : Command<CheckCommand.Settings>
{
    public sealed class Settings : SummarySettings
    {
        [CommandArgument(0, "[DIR]")]
        [Description("A built site (default _site).")]
        public string Dir { get; init; } = "_site";

        public override ValidationResult Validate() =>
            Directory.Exists(Dir) ? ValidationResult.Success() : ValidationResult.Error($"no such folder: {Dir}");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = SiteChecker.Check(settings.Dir, cancellationToken: cancellationToken);
        foreach (var p in result.Problems.Take(200))
        {
            Console.Error.WriteLine("kb: problem: " + p);
        }

        settings.WriteSummary(
            new { site = Path.GetFullPath(settings.Dir), pages = result.Pages, links = result.Links, problems = result.Problems.Count },
            string.Create(CultureInfo.InvariantCulture, $"checked {result.Pages:N0} pages, {result.Links:N0} links: {result.Problems.Count} problems"));
        return result.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
