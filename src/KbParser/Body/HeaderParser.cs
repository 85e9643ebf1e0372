using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Body;

/// <summary>
/// First in the list, tried on the body's first line only: the <c>Article:</c>, <c>Product(s):</c> ...
/// fields, one per unindented line up to a blank line. The first field must be a known one; later unknown
/// fields are kept and reported. When the header is done the prose margin is measured on what follows.
/// </summary>
internal sealed partial class HeaderParser : BlockParser<BodyRun, HeaderParser.Header>
{
    private static readonly HashSet<string> KnownFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "Product(s)", "Version(s)", "Operating System(s)", "Keyword(s)", "Last Modified",
    };

    /// <summary>An open header: its fields so far.</summary>
    internal sealed class Header : OpenBlock
    {
        public List<HeaderField> Fields { get; } = [];
    }

    protected override Header? Open(BodyRun context, int k)
    {
        if (context.HeaderTried)
        {
            return null;
        }

        // Nothing is open on the first line, so the header may settle the prose margin and report its absence here.
        context.HeaderTried = true;
        var l = context.Lines[k];
        var m = HeaderLine().Match(l.Trimmed);
        var name = m.Success ? m.Groups["name"].Value.Trim() : "";
        if (!m.Success || l.Indent > 0 || !KnownFields.Contains(name))
        {
            ReportMissing(context, l.Number);
            context.BaseIndent = context.MinIndent(k, context.Lines.Count);
            return null;
        }

        var header = new Header();
        header.Fields.Add(new HeaderField(name, m.Groups["value"].Value.Trim(), l.Number));
        return header;
    }

    protected override bool Continue(BodyRun context, Header block, int k, int blanks)
    {
        var l = context.Lines[k];
        if (blanks > 0 || l.Indent > 0)
        {
            return false;
        }

        var m = HeaderLine().Match(l.Trimmed);
        if (!m.Success)
        {
            return false;
        }

        var name = m.Groups["name"].Value.Trim();
        if (!KnownFields.Contains(name))
        {
            context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.UnknownHeaderField, l.Number, $"unknown header field '{name}'"));
        }

        block.Fields.Add(new HeaderField(name, m.Groups["value"].Value.Trim(), l.Number));
        return true;
    }

    protected override void CloseBlock(BodyRun context, Header block)
    {
        context.Result.Header.AddRange(block.Fields);
        context.BaseIndent = context.MinIndent(block.End, context.Lines.Count);
    }

    /// <summary>The body has no header block (its first non-blank line is <paramref name="line"/>, 0 for none).</summary>
    internal static void ReportMissing(BodyRun context, int line) =>
        context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.NoHeaderBlock, line, "no header block (Article:, Product(s):, ...)"));

    [GeneratedRegex(@"^(?<name>[A-Z][A-Za-z()]{1,20}(?: [A-Za-z()]{1,20}){0,3})\s{0,2}:\s?(?<value>.*)$")]
    private static partial Regex HeaderLine();
}
