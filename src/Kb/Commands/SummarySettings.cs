using System.ComponentModel;
using System.Text.Json;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary>The options of the verbs that end with a summary (build, index, check): <c>--json</c> and <c>--quiet</c>.</summary>
internal class SummarySettings : CommandSettings
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    [CommandOption("--json")]
    [Description("Print the summary as one JSON object on stdout (for scripts); no progress display.")]
    public bool Json { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("Print no progress and no summary; only warnings and errors.")]
    public bool Quiet { get; init; }

    /// <summary>Whether to draw the progress display.</summary>
    public bool ShowProgress => !Json && !Quiet;

    /// <summary>Prints the summary: <paramref name="json"/> as JSON with <c>--json</c>, the text lines otherwise, nothing with <c>--quiet</c>.</summary>
    public void WriteSummary(object json, params string[] lines)
    {
        if (Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(json, JsonOptions));
        }
        else if (!Quiet)
        {
            foreach (var line in lines)
            {
                Console.Out.WriteLine(line);
            }
        }
    }
}
