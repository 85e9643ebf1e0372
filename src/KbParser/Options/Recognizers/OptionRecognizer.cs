using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>Where in the walk of a section a recogniser looks; the walk visits them in this order.</summary>
internal enum RecognizerTarget
{
    /// <summary>The subsections of a section, at every depth, before the section's own blocks.</summary>
    Subsections,

    /// <summary>A run of sibling blocks: a section's own blocks, then the blocks of each unclaimed list item beneath them.</summary>
    Blocks,

    /// <summary>A whole top-level section, after the walk of all its subsections and blocks.</summary>
    Section,
}

/// <summary>The part of an article a recogniser is shown, and what the walk knows about it.</summary>
/// <param name="Section">The section being walked (for <see cref="RecognizerTarget.Blocks"/>, the one the blocks stand in).</param>
/// <param name="Blocks">The blocks to look at: the section's own, or a list item's.</param>
/// <param name="SectionName">The heading of the top-level section (RESOLUTION, WORKAROUND, MORE INFORMATION, ...).</param>
/// <param name="InsideItem">True when <paramref name="Blocks"/> are nested in a list item (a step of a procedure).</param>
/// <param name="ProblemArticle">True for a problem article (kind problem/bug/fix, or a SYMPTOMS section).</param>
/// <param name="OptionsInSection">How many options earlier recognisers found in this top-level section so far.</param>
internal readonly record struct OptionScope(
    Section Section,
    IReadOnlyList<Block> Blocks,
    string? SectionName,
    bool InsideItem,
    bool ProblemArticle,
    int OptionsInSection);

/// <summary>The blocks earlier recognisers claimed, as a recogniser sees them: read-only.</summary>
internal interface IClaimedBlocks
{
    bool Contains(Block block);
}

/// <summary>What one recogniser found: its options, and the blocks and sections they claim (the walk commits them).</summary>
internal sealed record Recognition(IReadOnlyList<OptionCandidate> Options, IReadOnlyList<Block> Blocks, IReadOnlyList<Section> Sections)
{
    public static readonly Recognition None = new([], [], []);
}

/// <summary>
/// One form in which articles offer alternatives. <see cref="OptionRecognizers.Default"/> lists every recogniser in
/// the order they run; a recogniser sees the blocks earlier ones claimed and returns what it found and claims.
/// </summary>
internal abstract class OptionRecognizer
{
    /// <summary>A short name; <c>tests/KbParser.Tests/Specs/options-{Name}.md</c> shows the form it recognises.</summary>
    public abstract string Name { get; }

    public abstract RecognizerTarget Target { get; }

    /// <summary>The options found in <paramref name="scope"/>, or <see cref="Recognition.None"/>.</summary>
    public abstract Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed);
}
