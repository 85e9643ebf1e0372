using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary>Settings of the verbs that read articles from one or more files, folders or archives.</summary>
internal class SourcePathsSettings : CommandSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Article file, folder (recursive) or .tar.gz/.zip archive; several may be given.")]
    public string[] Paths { get; init; } = [];

    public override ValidationResult Validate()
    {
        foreach (var p in Paths)
        {
            if (!File.Exists(p) && !Directory.Exists(p))
            {
                return ValidationResult.Error($"no such file or folder: {p}");
            }
        }

        return ValidationResult.Success();
    }
}
