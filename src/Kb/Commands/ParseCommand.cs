using System.Globalization;
using System.ComponentModel;
using Kb.Parser.Corpus;
using Kb.Parser.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Kb.Cli.Commands;

/// <summary><c>kb parse PATH... [--json | --jsonl] [--out FILE] [--stats]</c>.</summary>
internal sealed class ParseCommand : AsyncCommand<ParseCommand.Settings>
{
    public sealed class Settings : SourcePathsSettings
    {
        [CommandOption("--json")]
        [Description("Print one JSON record, or an array when there are several.")]
        public bool Json { get; init; }

        [CommandOption("--jsonl")]
        [Description("Print one JSON record per line.")]
        public bool JsonLines { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("Write records to FILE instead of standard output.")]
        public string? Out { get; init; }

        [CommandOption("--stats")]
        [Description("Print a summary: articles, errors, diagnostics by code, kinds, products, options.")]
        public bool Stats { get; init; }

        [CommandOption("--verify")]
        [Description("Check that every body line is accounted for by the record; report articles that lose any.")]
        public bool Verify { get; init; }

        [CommandOption("-q|--quiet")]
        [Description("No progress display; only errors on stderr.")]
        public bool Quiet { get; init; }

        public override ValidationResult Validate()
        {
            if (Json && JsonLines)
            {
                return ValidationResult.Error("--json and --jsonl cannot be used together");
            }

            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Out is null)
        {
            await using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            return await RunAsync(settings, stdout, cancellationToken).ConfigureAwait(false);
        }

        var target = Path.GetFullPath(settings.Out);
        if (Directory.Exists(target))
        {
            await Console.Error.WriteLineAsync($"kb: --out {Kb.Parser.Corpus.SourcePaths.Show(settings.Out)} is a folder; give a file name").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (settings.Paths.Any(p => string.Equals(Path.GetFullPath(p), target, StringComparison.Ordinal)))
        {
            await Console.Error.WriteLineAsync($"kb: --out {Kb.Parser.Corpus.SourcePaths.Show(settings.Out)} is one of the articles being read; refusing to overwrite it").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Written beside the target and renamed over it only when complete: a failed run leaves no partial file.
        var temp = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".kb-tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var done = false;
        var created = false;
        try
        {
            int code;
            // CreateNew: a file already at the temporary name is not ours, and is neither written nor deleted.
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            created = true;
            await using (var file = new BufferedStream(stream, 1 << 16))
            {
                code = await RunAsync(settings, file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, target, overwrite: true);
            done = true;
            return code;
        }
        finally
        {
            if (created && !done)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The first pass over several sources: which copy of each article to keep.</summary>
    private static ArticleMerge Merge(string[] paths, bool showProgress, CancellationToken cancellationToken)
    {
        using var progress = new ProgressLine("merge", showProgress);
        var merge = ArticleMerge.Scan(paths, progress.Tick, cancellationToken);
        progress.Done();
        if (merge.Dropped > 0)
        {
            Console.Error.WriteLine("kb: " + merge.Describe(paths.Length));
        }

        return merge;
    }

    private static async Task<int> RunAsync(Settings settings, Stream output, CancellationToken cancellationToken)
    {
        var jsonl = settings.JsonLines || (!settings.Json && !settings.Stats);
        var stats = new ParseStats();
        var failed = 0;
        var writeRecords = settings.Json || jsonl;
        var first = true;
        if (settings.Json)
        {
            output.WriteByte((byte)'[');
        }

        using var progress = new ProgressLine("parse", !settings.Quiet);
        var merge = settings.Paths.Length > 1 ? Merge(settings.Paths, !settings.Quiet, cancellationToken) : null;
        foreach (var path in settings.Paths)
        {
            // Workers serialise each record as soon as it is parsed, so the record dies young and only its
            // bytes wait for their turn; this thread writes them in order. Writes are synchronous: an
            // asynchronous file write per buffer costs a thread-pool hop that the workers need.
            var indented = settings.Json;
            // Several sources: one record per article number, the copy the merge keeps (with the others as provenance).
            ParseResult Kept(ParseResult r) =>
                merge is null || r.Record is null ? r : r with { Record = merge.Apply(r.Record, r.SourcePath) };
            byte[]? Serialize(ParseResult r) =>
                writeRecords && r.Record is not null ? KbJson.SerializeToUtf8Bytes(r.Record, indented) : null;
            foreach (var (result, json) in CorpusReader.Parse(path, r => { var k = Kept(r); return (k, Serialize(k)); }, cancellationToken: cancellationToken))
            {
                progress.Tick();
                if (result.Record is null && result.Error is null)
                {
                    continue; // a copy another source's newer or fuller copy replaces
                }

                if (result.Record is null)
                {
                    failed++;
                    stats.Errors++;
                    progress.Error("kb: error: " + result.Error);
                    continue;
                }

                stats.Add(result.Record);
                if (settings.Verify)
                {
                    failed += await VerifyAsync(path, result).ConfigureAwait(false);
                }

                if (json is null)
                {
                    continue;
                }

                if (settings.Json)
                {
                    output.Write(first ? "\n"u8 : ",\n"u8);
                }

                output.Write(json);
                if (!settings.Json)
                {
                    output.WriteByte((byte)'\n');
                }

                first = false;
            }
        }

        if (settings.Json)
        {
            output.Write(first ? "]\n"u8 : "\n]\n"u8);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        progress.Done();
        if (settings.Stats)
        {
            var text = stats.Render();
            if (writeRecords && settings.Out is null)
            {
                await Console.Error.WriteAsync(text).ConfigureAwait(false);
            }
            else
            {
                Console.Write(text);
            }
        }

        return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static async Task<int> VerifyAsync(string root, ParseResult result)
    {
        var bytes = ReadAgain(root, result.SourcePath);
        if (bytes is null)
        {
            return 0;
        }

        var problems = Kb.Parser.RecordAudit.Check(bytes, result.Record!);
        foreach (var p in problems.Take(5))
        {
            await Console.Error.WriteLineAsync($"kb: lost: {result.SourcePath}: {p}").ConfigureAwait(false);
        }

        return problems.Count > 0 ? 1 : 0;
    }

    private static byte[]? ReadAgain(string root, string sourcePath)
    {
        if (File.Exists(root) && !root.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && !root.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadAllBytes(root);
        }

        if (Directory.Exists(root))
        {
            var rel = sourcePath[(sourcePath.IndexOf('/', StringComparison.Ordinal) + 1)..];
            return File.ReadAllBytes(Path.Combine(root, rel));
        }

        return null;
    }
}
