namespace Kb.Parser.Options.Recognizers;

/// <summary>The option recognisers, in the one order they run. A new form is a new recogniser inserted here.</summary>
internal static class OptionRecognizers
{
    /// <summary>
    /// Grouped by <see cref="RecognizerTarget"/> in walk order. At each section the walk runs the subsection
    /// recognisers, then the block recognisers on its blocks and on the blocks of unclaimed list items, then walks
    /// its subsections; after a top-level section's walk, the section recognisers run.
    /// </summary>
    public static readonly IReadOnlyList<OptionRecognizer> Ordered =
    [
        new MethodSubsections(),
        new SelectOptionSubsections(),
        new EnvironmentSubsections(),
        new SubsectionsAfterIntro(),
        new LeadParagraphMethods(),
        new SelectOptionLists(),
        new OneOfFollowingLists(),
        new OrSeparated(),
        new ConditionalIf(),
        new ResolutionParagraphs(),
    ];

    private static readonly OptionRecognizer[][] ByTarget =
    [
        [.. Ordered.Where(r => r.Target == RecognizerTarget.Subsections)],
        [.. Ordered.Where(r => r.Target == RecognizerTarget.Blocks)],
        [.. Ordered.Where(r => r.Target == RecognizerTarget.Section)],
    ];

    /// <summary>The recognisers of one target, in list order.</summary>
    public static OptionRecognizer[] For(RecognizerTarget target) => ByTarget[(int)target];
}
