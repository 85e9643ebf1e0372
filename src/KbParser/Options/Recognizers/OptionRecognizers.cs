namespace Kb.Parser.Options.Recognizers;

/// <summary>An ordered list of option recognisers. <see cref="Default"/> is the one order the extractor uses.</summary>
internal sealed class OptionRecognizers
{
    /// <summary>
    /// Every recogniser, in the order they run: grouped by <see cref="RecognizerTarget"/> in walk order. At each
    /// section the walk runs the subsection recognisers, then the block recognisers on its blocks and on the blocks
    /// of unclaimed list items, then walks its subsections; after a top-level section's walk, the section
    /// recognisers run. A new form is a new recogniser inserted here.
    /// </summary>
    public static readonly OptionRecognizers Default = new(
    [
        new MethodSubsections(),
        new SelectOptionSubsections(),
        new EnvironmentSubsections(),
        new SubsectionsAfterIntro(),
        new LeadParagraphMethods(),
        new SelectOptionLists(),
        new OneOfFollowingLists(),
        new IfLeadInLists(),
        new OrSeparated(),
        new ConditionalIf(),
        new ResolutionParagraphs(),
        new ProblemLeads(),
    ]);

    private readonly OptionRecognizer[][] _byTarget;

    /// <summary>Takes the recognisers in run order; throws when the order is not the walk's order of targets.</summary>
    public OptionRecognizers(IReadOnlyList<OptionRecognizer> ordered)
    {
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Target < ordered[i - 1].Target)
            {
                throw new ArgumentException($"{ordered[i].Name} ({ordered[i].Target}) is listed after {ordered[i - 1].Name} ({ordered[i - 1].Target}), but runs before it.", nameof(ordered));
            }
        }

        Ordered = ordered;
        _byTarget = [.. Enum.GetValues<RecognizerTarget>().Select(t => ordered.Where(r => r.Target == t).ToArray())];
    }

    public IReadOnlyList<OptionRecognizer> Ordered { get; }

    /// <summary>The recognisers of one target, in list order.</summary>
    public OptionRecognizer[] For(RecognizerTarget target) => _byTarget[(int)target];

    /// <summary>The same list without the recogniser named <paramref name="name"/> (to test what it contributes).</summary>
    public OptionRecognizers Without(string name) => new(Ordered.Where(r => r.Name != name).ToList());
}
