using System.Text.RegularExpressions;
using Kb.Parser.Model;
using static Kb.Parser.Body.LineClassifier;

namespace Kb.Parser.Body;

/// <summary>
/// The trailing metadata block: a rule of at least twenty <c>=</c>, <c>Key : value</c> lines (a line
/// without a key continues the last value) up to a blank line or a rule, then the closing <c>=</c> rule,
/// after blank lines or not. A block that has none is kept and reported.
/// </summary>
internal sealed partial class MetadataParser : BlockParser<BodyRun, MetadataParser.Metadata>
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Keywords", "Technology", "Version", "Issue type", "Solution Type", "Hardware", "Component", "Platform",
        "KBCategory", "KBSubcategory",
    };

    /// <summary>An open metadata block: where its first key is, the last key read, and whether it is closed.</summary>
    internal sealed class Metadata(int startAt) : OpenBlock
    {
        public int StartAt { get; } = startAt;
        public string? LastKey { get; set; }
        public int EndLine { get; set; }
        public bool InBody { get; set; } = true;
        public int ClosingRule { get; set; } = -1;
    }

    protected override Metadata? Open(BodyRun context, int k)
    {
        var lines = context.Lines;
        if (!IsRule(lines[k], out var rc, 20) || rc != '=')
        {
            return null;
        }

        var start = context.NextNonBlank(k + 1, lines.Count);
        return start < lines.Count && IsKeyStart(lines[start]) ? new Metadata(start) : null;
    }

    protected override bool Continue(BodyRun context, Metadata block, int k, int blanks)
    {
        var l = context.Lines[k];
        if (k == block.StartAt || (block.InBody && blanks == 0 && !IsRule(l, out _)))
        {
            if (k == block.StartAt)
            {
                context.Result.Frame.Add(new FrameLine(context.Lines[block.First].Number, context.Lines[block.First].Trimmed));
            }

            Read(context, block, l);
            return true;
        }

        if (block.InBody && IsRule(l, out var cc) && cc == '=')
        {
            block.InBody = false;
            block.ClosingRule = k;
            return true;
        }

        return false;
    }

    protected override void CloseBlock(BodyRun context, Metadata block)
    {
        var start = context.Lines[block.StartAt].Number;
        context.Result.MetadataLines.Add(new LineSpan(start, block.EndLine));
        if (block.ClosingRule >= 0)
        {
            var rule = context.Lines[block.ClosingRule];
            context.Result.Frame.Add(new FrameLine(rule.Number, rule.Trimmed));
        }
        else
        {
            context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.UnclosedMetadata, block.EndLine, "metadata block has no closing rule"));
        }
    }

    private static void Read(BodyRun context, Metadata block, in Text.SourceLine l)
    {
        var values = context.Result.Metadata;
        var m = MetadataLine().Match(l.Trimmed);
        if (m.Success)
        {
            var key = m.Groups["k"].Value.Trim();
            block.LastKey = key;
            var value = m.Groups["v"].Value.Trim();
            values[key] = values.TryGetValue(key, out var prev) && prev.Length > 0 ? prev + " " + value : value;
        }
        else if (block.LastKey is not null)
        {
            values[block.LastKey] = (values[block.LastKey] + " " + l.Trimmed).Trim();
        }

        block.EndLine = l.Number;
    }

    /// <summary>A metadata block starts with a known key, or a key padded to a column ("Keywords      :").</summary>
    private static bool IsKeyStart(in Text.SourceLine line)
    {
        var m = MetadataLine().Match(line.Trimmed);
        if (!m.Success)
        {
            return false;
        }

        var key = m.Groups["k"];
        var padded = key.Index + key.Length < line.Trimmed.Length && line.Trimmed[key.Index + key.Length] == ' ';
        return padded || KnownKeys.Contains(key.Value);
    }

    [GeneratedRegex(@"^(?<k>[A-Z][A-Za-z]{1,20}(?: [A-Za-z]{1,20}){0,3})\s{0,30}:(?:\s(?<v>.*))?$")]
    private static partial Regex MetadataLine();
}
