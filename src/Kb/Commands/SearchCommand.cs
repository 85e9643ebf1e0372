using System.ComponentModel;
using System.Globalization;
using Kb.Index.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary><c>kb search "QUERY" [--index DIR] [filters] [--limit N] [--json]</c>.</summary>
internal sealed class SearchCommand : Command<SearchCommand.Settings>
{
    /// <summary>The article kinds records carry (<see cref="Kb.Parser.Model.ArticleKinds"/>).</summary>
    internal static readonly string[] Kinds = ["info", "problem", "howto", "bug", "fix", "sample", "other"];

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

            if (Kind is not null && !Kinds.Contains(Kind.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                var closest = UsageMessages.Closest(Kind.Trim(), Kinds, 3);
                return ValidationResult.Error($"unknown --kind '{Kind}'"
                    + (closest.Count > 0 ? $"; did you mean {string.Join(" or ", closest.Select(k => "'" + k + "'"))}?" : "")
                    + $" (kinds: {string.Join(", ", Kinds)})");
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
                Console.Error.WriteLine("kb: " + QueryErrors.Describe(settings.Query, ex));
                return ExitCodes.Usage;
            }

            if (results.TotalHits == 0 && settings.Product is { } product && UnknownProduct(searcher, settings, product) is { } message)
            {
                Console.Error.WriteLine("kb: " + message);
                return ExitCodes.Usage;
            }

            Console.Out.Write(settings.Json ? SearchOutput.Json(settings.Query, results) : SearchOutput.Text(results, !Console.IsOutputRedirected));
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// When a search found nothing with <c>--product</c>, whether the product is one the index does not know
    /// (no product name holds its words and no learned abbreviation names it); then a message listing the
    /// closest known products among the query's matches (none when the query matches nothing anyway).
    /// </summary>
    private static string? UnknownProduct(KbSearcher searcher, Settings settings, string product)
    {
        var given = product.Trim();
        if (searcher.Abbreviations.Expand(given.ToLowerInvariant()).Count > 0 || searcher.Abbreviations.Expand(given).Count > 0)
        {
            return null;
        }

        var known = searcher.Search(settings.Query, new SearchOptions { Limit = 1, Snippets = false }).Facets.Products.Select(p => p.Value).ToList();
        var words = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (known.Count == 0 || known.Any(k => words.All(w => k.Contains(w, StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        // Each word given is matched to its nearest word of the product name; the product's distance is the sum.
        var letters = words.Sum(w => w.Length);
        var closest = known
            .Select(k => (k, d: words.Sum(w => k.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Min(n => UsageMessages.Distance(w.ToLowerInvariant(), n.ToLowerInvariant())))))
            .Where(p => p.d <= Math.Max(2, letters / 3))
            .OrderBy(p => p.d).ThenBy(p => p.k, StringComparer.Ordinal).Take(5).Select(p => p.k).ToList();
        return $"no article's product matches --product '{product}'"
            + (closest.Count > 0 ? $"; closest products among the matches: {string.Join(", ", closest)}" : "; kb search QUERY --json lists the matches' products under facets");
    }
}
