using System.ComponentModel;
using System.Text.Json;
using Kb.Parser.Corpus;
using Kb.Parser.Upgrades;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary><c>kb upgrade FAMILY [--from A] [--to B] [--source PATH...] [--json]</c>: the upgrade guides of a product family.</summary>
internal sealed class UpgradeCommand : Command<UpgradeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[FAMILY]")]
        [Description("Product family (Windows NT, Exchange, SMS...), as the product model names it or as a product name. Without it, every guide is listed.")]
        public string Family { get; init; } = "";

        [CommandOption("--from <VERSION>")]
        [Description("Only guides starting from this version.")]
        public string? From { get; init; }

        [CommandOption("--to <VERSION>")]
        [Description("Only guides to this version, or to this other product (\"Windows 2000\").")]
        public string? To { get; init; }

        [CommandOption("-s|--source <PATH>")]
        [Description("Articles to read: a folder or a .tar.gz/.zip archive; may be repeated. Default: content/kb.")]
        public string[] Sources { get; init; } = [];

        [CommandOption("--json")]
        [Description("Print the guides as one JSON document.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Family) && (From is not null || To is not null))
            {
                return ValidationResult.Error("--from and --to need a product family, e.g. kb upgrade \"Windows NT\" --from 3.51 --to 4.0");
            }

            foreach (var p in Sources)
            {
                if (!File.Exists(p) && !Directory.Exists(p))
                {
                    return ValidationResult.Error($"no such file or folder: {p}");
                }
            }

            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var sources = settings.Sources.Length > 0 ? settings.Sources : ["content/kb"];
        var failed = 0;
        var records = sources.SelectMany(s => CorpusReader.Parse(s, cancellationToken: cancellationToken)).Select(r =>
        {
            if (r.Error is not null)
            {
                failed++;
                Console.Error.WriteLine("kb: error: " + r.Error);
            }

            return r.Record;
        }).OfType<Kb.Parser.Model.ArticleRecord>();
        var all = UpgradeGuides.Build(records);
        var guides = string.IsNullOrWhiteSpace(settings.Family) ? all.Guides : all.Find(settings.Family, settings.From, settings.To);
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                family = UpgradeGuides.Canonical(settings.Family),
                from = settings.From,
                to = settings.To,
                guides = guides.Select(g => new
                {
                    title = g.Title,
                    path = g.Path,
                    from = new { family = g.From.Family, version = g.From.Version },
                    to = new { family = g.To.Family, version = g.To.Version },
                    articles = g.ArticleCount,
                    groups = g.Groups.Select(x => new
                    {
                        group = x.Group.ToString().ToLowerInvariant(),
                        heading = x.Heading,
                        articles = x.Articles.Select(a => new
                        {
                            id = a.Id,
                            title = a.Title,
                            why = a.Why,
                            options = a.Options.Select(o => new { title = o.Title, conditions = o.Conditions }),
                        }),
                    }),
                }),
            }, JsonOptions));
        }
        else if (guides.Count == 0)
        {
            var families = all.Guides.Select(g => g.From.Family).Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase).ToList();
            Console.Error.WriteLine($"kb: no upgrade guide for {UpgradeGuides.Canonical(settings.Family)}"
                + (settings.From is null ? "" : " from " + settings.From) + (settings.To is null ? "" : " to " + settings.To)
                + (families.Count > 0 ? "; families with guides: " + string.Join(", ", families.Take(40)) : "; the articles read name no upgrade"));
            return ExitCodes.Failed;
        }
        else
        {
            foreach (var g in guides)
            {
                Console.Out.WriteLine($"{g.Title} ({g.ArticleCount} articles, /{g.Path})");
                foreach (var group in g.Groups)
                {
                    Console.Out.WriteLine("  " + group.Heading);
                    foreach (var a in group.Articles)
                    {
                        Console.Out.WriteLine($"    {a.Id}  {a.Title}");
                        Console.Out.WriteLine($"      {a.Why}");
                        foreach (var o in a.Options)
                        {
                            Console.Out.WriteLine("      - " + o.Title + (o.Conditions.Count > 0 ? " (if " + string.Join("; ", o.Conditions) + ")" : ""));
                        }
                    }
                }

                Console.Out.WriteLine();
            }
        }

        return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
}
