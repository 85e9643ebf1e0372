using System.ComponentModel;
using System.Text;
using System.Text.Json.Nodes;
using Kb.Parser.Corpus;
using Kb.Parser.Decision;
using Kb.Parser.Model;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary><c>kb options PATH... [--json] [--all] [--answer F=yes...]</c>: each article's options, conditions and questions.</summary>
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

        [CommandOption("-a|--answer <FACTOR=ANSWER>")]
        [Description("Answer a question (f2=yes, f3=no, f4=unknown); may be repeated. Shows the verdict and the ranked options, as the site's aid does.")]
        public string[] Answers { get; init; } = [];

        public override Spectre.Console.ValidationResult Validate()
        {
            foreach (var a in Answers)
            {
                if (!TryParseAnswer(a, out _, out _))
                {
                    return Spectre.Console.ValidationResult.Error($"--answer expects FACTOR=yes|no|unknown, got '{a}'");
                }
            }

            return base.Validate();
        }
    }

    internal static bool TryParseAnswer(string text, out string factor, out Answer answer)
    {
        factor = "";
        answer = Answer.Unknown;
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return false;
        }

        factor = text[..eq].Trim();
        switch (text[(eq + 1)..].Trim().ToLowerInvariant())
        {
            case "yes" or "y":
                answer = Answer.Yes;
                return true;
            case "no" or "n":
                answer = Answer.No;
                return true;
            case "unknown" or "?" or "":
                return true;
            default:
                return false;
        }
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

                stdout.Write(settings.Json ? ToJson(r, settings.Answers) + "\n" : ToText(r, settings.Answers));
            }
        }

        return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>The reader's answers run through the same <see cref="DecisionModel.Recommend"/> the site's aid mirrors.</summary>
    private static Recommendation? Recommend(ArticleRecord r, string[] answers)
    {
        if (answers.Length == 0)
        {
            return null;
        }

        var given = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var a in answers)
        {
            if (TryParseAnswer(a, out var f, out var v))
            {
                given[f] = v;
            }
        }

        return DecisionModel.From(r).Recommend(given);
    }

    private static string ToJson(ArticleRecord r, string[] answers)
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

        if (Recommend(r, answers) is { } rec)
        {
            node["recommendation"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(rec, Web));
        }

        return node.ToJsonString();
    }

    private static string ToText(ArticleRecord r, string[] answers)
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

        if (Recommend(r, answers) is { } rec)
        {
            if (rec.Verdict.Text.Length > 0)
            {
                sb.Append("  is this your problem? ").AppendLine(rec.Verdict.Text);
            }

            if (rec.Options.Count > 0)
            {
                sb.AppendLine("  ranked for your answers:");
                foreach (var o in rec.Options)
                {
                    sb.Append("      ").Append(o.OptionId).Append(" (").Append(o.Status).Append(") ").AppendLine(o.Title);
                }
            }
        }

        sb.AppendLine();
        return sb.ToString();
    }
}
