using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// The RESOLUTION and WORKAROUND of a problem article, when no other recogniser found an option in that top-level
/// section: each paragraph that opens a new course of action ("To work around this problem, ...", "Alternatively,
/// ...", "If X, do Y", an imperative, a "-or-" line) is an option with the blocks that follow it (steps, notes, file
/// lists). The section itself, and each RESOLUTION/WORKAROUND subsection of it, is read this way. Claims the sections
/// it reads.
/// </summary>
internal sealed partial class ResolutionParagraphs : OptionRecognizer
{
    public override string Name => "resolution-workaround";

    public override RecognizerTarget Target => RecognizerTarget.Section;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        // A RESOLUTION or WORKAROUND heading offers a way out even in an article not otherwise marked as a problem.
        if (scope.OptionsInSection > 0 || (!scope.ProblemArticle && !ResolutionHeading(scope.Section.Heading)))
        {
            return Recognition.None;
        }

        var options = new List<OptionCandidate>();
        var claims = new List<Section>();
        Read(scope.Section, options, claims);

        // Older articles have no RESOLUTION section but a "Workaround" subsection under their text.
        foreach (var sub in scope.Section.Subsections)
        {
            Read(sub, options, claims);
        }

        return options.Count == 0 ? Recognition.None : new Recognition(options, [], claims);
    }

    private static bool ResolutionHeading(string? heading) =>
        heading is not null && (heading.TrimStart().StartsWith("RESOLUTION", StringComparison.OrdinalIgnoreCase)
            || heading.TrimStart().StartsWith("WORKAROUND", StringComparison.OrdinalIgnoreCase));

    private static void Read(Section section, List<OptionCandidate> options, List<Section> claims)
    {
        var heading = section.Heading?.Trim().ToUpperInvariant() ?? "";
        var kind = heading.StartsWith("RESOLUTION", StringComparison.Ordinal) ? OptionKinds.Resolution
            : heading.StartsWith("WORKAROUND", StringComparison.Ordinal) ? OptionKinds.Workaround : null;
        if (kind is null || BlockText.FirstBlock(section) is null)
        {
            return;
        }

        claims.Add(section);
        if (section.Blocks.Count == 0)
        {
            var first = BlockText.FirstBlock(section)!;
            var all = BlockText.Of(section);
            var (t, c, lg) = first is ListBlock ? (BlockText.TitleOf(first), StatedConditions.In(all, out var l0), l0)
                : OptionTitles.WithConditions(BlockText.Of(first), all);
            options.Add(new OptionCandidate(kind, t, all, section.Heading, c, lg, kind, first.Lines.Start));
            return;
        }

        var start = options.Count;
        foreach (var g in Groups(section.Blocks))
        {
            var text = BlockText.Of(g);
            var first = g.FirstOrDefault(b => b is ParagraphBlock p && ActionableLead(p.Text)) ?? g[0];
            var (title, conditions, logic) = first is ListBlock ? (BlockText.TitleOf(first), StatedConditions.In(text, out var l), l)
                : OptionTitles.WithConditions(BlockText.Of(first), text);
            if (NotSeverelyAffected().Match(text) is { Success: true } severe
                && !conditions.Any(c => c.Statement.Contains("severely", StringComparison.OrdinalIgnoreCase)))
            {
                conditions.Add(new ParsedCondition("You are severely affected by this problem", false, severe.Value));
            }

            options.Add(new OptionCandidate(kind, title, text, section.Heading, conditions, logic, kind, first.Lines.Start));
        }

        HotfixChoice(options, start);
    }

    /// <summary>The section's blocks cut into courses of action; "-or-" lines are left out.</summary>
    private static IEnumerable<List<Block>> Groups(IReadOnlyList<Block> blocks)
    {
        var groups = new List<List<Block>>();
        foreach (var b in blocks)
        {
            if (groups.Count == 0 || OpensAlternative(b, groups[^1]))
            {
                groups.Add([]);
            }

            if (!OptionPatterns.IsOr(b))
            {
                groups[^1].Add(b);
            }
        }

        // A group that only prepares (a registry warning, "A supported fix is now available ..." with no waiting
        // alternative, "It has been added to:") is the preamble of the option after it, not an option of its own.
        for (var i = groups.Count - 2; i >= 0; i--)
        {
            if (groups[i].Count > 0 && !Actionable(groups[i]))
            {
                groups[i + 1].InsertRange(0, groups[i]);
                groups.RemoveAt(i);
            }
        }

        return groups.Where(g => g.Count > 0);
    }

    /// <summary>
    /// The standard hotfix text offers two courses: wait for the service pack when not severely affected, or
    /// obtain the fix now. The "obtain it now" option gets the same factor with the opposite answer.
    /// </summary>
    private static void HotfixChoice(List<OptionCandidate> found, int start)
    {
        ParsedCondition? severe = null;
        for (var i = start; i < found.Count; i++)
        {
            severe ??= found[i].Conditions.FirstOrDefault(c => !c.Expect && c.Statement.Contains("severely affected", StringComparison.OrdinalIgnoreCase));
            if (severe is not null && Immediately().IsMatch(found[i].Title) && !found[i].Conditions.Any(c => c.Statement == severe.Statement))
            {
                found[i] = found[i] with { Conditions = [.. found[i].Conditions, severe with { Expect = true }] };
            }
        }
    }
}
