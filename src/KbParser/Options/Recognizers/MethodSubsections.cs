using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// Two or more "Method 1: ..." / "Option 2" subsections of one section: each is an option titled by its heading
/// verbatim, with the conditions of its heading, its lead "If X, do Y" and its "Use this method if X", after those of
/// the section's intro ("If X, use one of the following methods:", "To resolve this problem in X, ..."). Claims the
/// subsections.
/// </summary>
internal sealed class MethodSubsections : OptionRecognizer
{
    public override string Name => "method-subsections";

    public override RecognizerTarget Target => RecognizerTarget.Subsections;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        var leads = scope.Section.Subsections.Where(s => s.Heading is not null && OptionPatterns.LeadWord().IsMatch(s.Heading)).ToList();
        if (leads.Count < 2)
        {
            return Recognition.None;
        }

        var blocks = scope.Section.Blocks;
        var shared = blocks.Count > 0 && blocks[^1] is ParagraphBlock intro ? StatedConditions.OfIntro(intro.Text) : [];
        var options = new List<OptionCandidate>(leads.Count);
        foreach (var sub in leads)
        {
            var option = Option(sub, scope.SectionName);
            options.Add(shared.Count == 0 ? option : option with { Conditions = [.. shared, .. option.Conditions] });
        }

        return new Recognition(options, [], leads);
    }

    private static OptionCandidate Option(Section sub, string? sectionName)
    {
        var m = OptionPatterns.LeadWord().Match(sub.Heading!);
        var rest = TextUtil.TrimSentenceEnd(sub.Heading![m.Length..].Trim().TrimStart(':', '-', '.', '–').Trim());
        var text = BlockText.Of(sub);
        var first = BlockText.FirstBlock(sub);
        List<ParsedCondition> conditions;
        string logic;
        if (rest.Length == 0 && first is ParagraphBlock lead)
        {
            // A bare "Method 2" heading: the lead paragraph states the conditions ("If you X, do Y", "Use this method if X").
            (_, conditions, logic) = OptionTitles.WithConditions(lead.Text, text);
        }
        else
        {
            conditions = HeadingConditions.Of(rest);
            conditions.AddRange(StatedConditions.OfLead(first));
            conditions.AddRange(StatedConditions.In(text, out logic));
        }

        if (conditions.Count == 0 && HeadingConditions.LooksLikeEnvironment(rest))
        {
            // "Method 1: Microsoft Windows 95 or Microsoft Windows NT 4.0" is either environment (logic any).
            var env = rest.StartsWith("For ", StringComparison.Ordinal) ? rest[4..] : rest;
            var parts = env.Split([" or ", ", "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            parts = parts.Length > 1 && parts.All(HeadingConditions.LooksLikeEnvironment) ? parts : [env];
            conditions = [.. parts.Select(part => new ParsedCondition("You are using " + part, true, parts.Length > 1 ? part : rest))];
            logic = parts.Length > 1 ? "any" : logic;
        }

        // The spec's title is the heading verbatim, label included ("Method 2: Quit Binder", a bare "Method 2").
        return new OptionCandidate(OptionLabels.KindOf(m.Groups["w"].Value, sectionName), sub.Heading!.Trim(), text, sectionName, conditions,
            logic, "method", sub.HeadingLines?.Start ?? 0) { Label = m.Value, TitleFromHeading = true };
    }
}
