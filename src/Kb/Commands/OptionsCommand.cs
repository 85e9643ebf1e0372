using System.ComponentModel;
using System.Text;
using System.Text.Json.Nodes;
using Kb.Parser.Corpus;
using Kb.Parser.Model;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary><c>kb options PATH... [--json] [--all]</c>: each article's options, conditions and questions.</summary>
internal sealed class OptionsCommand : Command<OptionsCommand.Settings>
{
    public sealed class Settings : SourcePathsSettings
    {
        [CommandOption("--json")]
        [Description("Print the options/factors part of each record, one JSON object per line.")]
        public bool Json { get; init; }

        [CommandOption("--all")]
        [Description("Also list articles that offer no options.")]
        public bool All { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var failed = 0;
        var stdout = Console.Out;
        foreach (var path in settings.Paths)
        {
            foreach (var result in CorpusReader.Parse(path, cancellationToken: cancellationToken))
            {
                if (result.Record is not { } r)
                {
                    failed++;
                    Console.Error.WriteLine("kb: error: " + result.Error);
                    continue;
                }

                if (r.Options.Count == 0 && !settings.All)
                {
                    continue;
                }

                stdout.Write(settings.Json ? ToJson(r) + "\n" : ToText(r));
            }
        }

        return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static string ToJson(ArticleRecord r)
    {
        var node = new JsonObject
        {
            ["id"] = r.Id,
            ["title"] = r.Title,
        };
        foreach (var (key, value) in JsonNode.Parse(KbJson.SerializeDecisionModel(r))!.AsObject().ToList())
        {
            node[key] = value?.DeepClone();
        }

        return node.ToJsonString();
    }

    private static string ToText(ArticleRecord r)
    {
        var sb = new StringBuilder();
        var factors = r.Factors.ToDictionary(f => f.Id);
        sb.Append(r.Id).Append("  ").AppendLine(r.Title);
        if (r.Options.Count == 0)
        {
            sb.AppendLine("  (no options)");
        }

        foreach (var o in r.Options)
        {
            sb.Append("  ").Append(o.Id).Append(" [").Append(o.Kind).Append("] ").AppendLine(o.Title);
            if (o.Conditions.Count > 1)
            {
                sb.Append("      choose when ").Append(o.Logic == "any" ? "any" : "all").AppendLine(" of:");
            }

            foreach (var c in o.Conditions)
            {
                var f = factors[c.Factor];
                sb.Append("      - ").Append(f.Question).Append(" -> ").AppendLine(c.Expect ? "yes" : "no");
            }
        }

        var other = r.Factors.Where(f => f.Role != "condition").ToList();
        if (other.Count > 0)
        {
            sb.AppendLine("  other questions:");
            foreach (var f in other)
            {
                sb.Append("      ").Append(f.Id).Append(" (").Append(f.Role).Append(") ").AppendLine(f.Question);
            }
        }

        sb.AppendLine();
        return sb.ToString();
    }
}
