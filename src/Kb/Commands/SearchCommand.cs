using System.ComponentModel;
using System.Globalization;
using Kb.Index.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary><c>kb search "QUERY" [--index DIR] [filters] [--limit N] [--json]</c>.</summary>
internal sealed class SearchCommand : Command<SearchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<QUERY>")]
        [Description("Words, \"quoted phrases\", field:value (title, product, keyword, kind, id, year), or an article number.")]
        public string Query { get; init; } = "";

        [CommandOption("--index <DIR>")]
        [Description("Index folder (default .kb/index).")]
        public string Index { get; init; } = IndexCommand.DefaultIndex;

        [CommandOption("--product <P>")]
        [Description("Only articles for this product (name words or abbreviation, e.g. SMS).")]
        public string? Product { get; init; }

        [CommandOption("--kind <K>")]
        [Description("Only articles of this kind: info, problem, howto, bug, fix, sample, other.")]
        public string? Kind { get; init; }

        [CommandOption("--since <YEAR>")]
        [Description("Only articles last modified in or after YEAR.")]
        public int? Since { get; init; }

        [CommandOption("--until <YEAR>")]
        [Description("Only articles last modified in or before YEAR.")]
        public int? Until { get; init; }

        [CommandOption("--has-options")]
        [Description("Only articles that offer options (alternative courses of action).")]
        public bool HasOptions { get; init; }

        [CommandOption("-n|--limit <N>")]
        [Description("Number of hits (default 10).")]
        public int Limit { get; init; } = 10;

        [CommandOption("--json")]
        [Description("Print hits (with options), totals and facets as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Limit is < 1 or > 10_000)
            {
                return ValidationResult.Error("--limit must be between 1 and 10000");
            }

            return Since > Until ? ValidationResult.Error("--since is after --until") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        KbSearcher searcher;
        try
        {
            searcher = KbSearcher.Open(settings.Index);
        }
        catch (DirectoryNotFoundException ex)
        {
            Console.Error.WriteLine("kb: " + ex.Message);
            return ExitCodes.Failed;
        }

        using (searcher)
        {
            SearchResults results;
            try
            {
                results = searcher.Search(settings.Query, new SearchOptions
                {
                    Product = settings.Product,
                    Kind = settings.Kind,
                    Since = settings.Since,
                    Until = settings.Until,
                    HasOptions = settings.HasOptions,
                    Limit = settings.Limit,
                });
            }
            catch (KbQueryException ex)
            {
                Console.Error.WriteLine("kb: " + ex.Message);
                return ExitCodes.Usage;
            }

            Console.Out.Write(settings.Json ? SearchOutput.Json(settings.Query, results) : SearchOutput.Text(results, !Console.IsOutputRedirected));
        }

        return ExitCodes.Ok;
    }
}
