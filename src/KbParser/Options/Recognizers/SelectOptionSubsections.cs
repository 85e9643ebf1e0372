namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// Sibling subsections (two or more, not labelled Method/Option N and not yet claimed) of which at least two say
/// "Select/Choose/Use this option when X": each is an option of kind option, titled by its heading, with the "when X"
/// conditions. Claims the subsections.
/// </summary>
internal sealed class SelectOptionSubsections : OptionRecognizer
{
    public override string Name => "select-option-subsections";

    public override RecognizerTarget Target => RecognizerTarget.Subsections;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        var subs = scope.Section.Subsections
            .Where(s => s.Heading is not null && !OptionPatterns.LeadWord().IsMatch(s.Heading) && !s.Blocks.Any(claimed.Contains)).ToList();
        if (subs.Count < 2)
        {
            return Recognition.None;
        }

        var texts = subs.Select(BlockText.Of).ToList();
        if (texts.Count(t => OptionPatterns.SelectThis().IsMatch(t) || OptionPatterns.ChosenWhen().IsMatch(t)) < 2)
        {
            return Recognition.None;
        }

        var options = new List<OptionCandidate>(subs.Count);
        for (var i = 0; i < subs.Count; i++)
        {
            var conditions = StatedConditions.In(texts[i], out var logic);
            options.Add(new OptionCandidate(Model.OptionKinds.Option, TextUtil.TrimSentenceEnd(subs[i].Heading!), texts[i], scope.SectionName,
                conditions, logic, "select-option", subs[i].HeadingLines?.Start ?? 0));
        }

        return new Recognition(options, [], subs);
    }
}
