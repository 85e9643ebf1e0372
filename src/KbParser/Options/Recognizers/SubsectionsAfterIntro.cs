using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// A section whose text ends "Use one of the following methods:", followed by two or more unclaimed subsections:
/// each subsection is an option titled by its heading, with the intro's "If X, ..." condition and the subsection's
/// own. Claims the subsections and the intro.
/// </summary>
internal sealed class SubsectionsAfterIntro : OptionRecognizer
{
    public override string Name => "one-of-following-subsections";

    public override RecognizerTarget Target => RecognizerTarget.Subsections;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        var parent = scope.Section;
        var subs = parent.Subsections.Where(s => s.Heading is not null && !s.Blocks.Any(claimed.Contains)).ToList();
        if (subs.Count < 2 || parent.Blocks.Count == 0 || parent.Blocks[^1] is not ParagraphBlock intro
            || !OptionPatterns.OneOfFollowing().IsMatch(intro.Text))
        {
            return Recognition.None;
        }

        var kind = OptionLabels.KindOf(OptionPatterns.OneOfFollowing().Match(intro.Text).Groups["w"].Value, scope.SectionName);
        var shared = StatedConditions.OfIntro(intro.Text);
        var options = new List<OptionCandidate>(subs.Count);
        foreach (var sub in subs)
        {
            var text = BlockText.Of(sub);
            var conditions = new List<ParsedCondition>(shared);
            conditions.AddRange(HeadingConditions.Of(sub.Heading!));
            conditions.AddRange(StatedConditions.OfLead(BlockText.FirstBlock(sub)));
            conditions.AddRange(StatedConditions.In(text, out var logic));
            options.Add(new OptionCandidate(kind, TextUtil.TrimSentenceEnd(sub.Heading!), text, scope.SectionName, conditions, logic,
                "one-of-following", sub.HeadingLines?.Start ?? 0));
        }

        return new Recognition(options, [intro], subs);
    }
}
