using System.Text.RegularExpressions;

namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// A RESOLUTION or WORKAROUND split into two or more unclaimed subsections by product, version or situation ("SNA
/// Server 3.0" / "SNA Server 4.0", "For Windows 95", "If You Use X"): one option per subsection, titled by its first
/// sentence, with the heading's conditions ("You are using SNA Server 3.0") first. Claims the subsections.
/// </summary>
internal sealed partial class EnvironmentSubsections : OptionRecognizer
{
    public override string Name => "environment-subsections";

    public override RecognizerTarget Target => RecognizerTarget.Subsections;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        if (!OptionLabels.IsSection(scope.SectionName, "RESOLUTION") && !OptionLabels.IsSection(scope.SectionName, "WORKAROUND"))
        {
            return Recognition.None;
        }

        var subs = scope.Section.Subsections.Where(s => s.Heading is not null && !s.Blocks.Any(claimed.Contains)).ToList();
        if (subs.Count < 2 || !subs.All(s => s.Heading!.Length < 100 && (VersionLike().IsMatch(s.Heading!)
                || HeadingConditions.LooksLikeEnvironment(s.Heading!) || HeadingConditions.Of(s.Heading!).Count > 0)))
        {
            return Recognition.None;
        }

        var options = new List<OptionCandidate>(subs.Count);
        foreach (var sub in subs)
        {
            var text = BlockText.Of(sub);
            var first = BlockText.FirstBlock(sub);
            var (title, conditions, logic) = first is null ? (sub.Heading!, [], "all") : OptionTitles.WithConditions(BlockText.Of(first), text);
            var fromHeading = HeadingConditions.Of(sub.Heading!, out var headingLogic);
            if (fromHeading.Count == 0)
            {
                fromHeading = ConditionParser.Parse("you are using " + TextUtil.TrimSentenceEnd(sub.Heading!.TrimStart("For ".ToCharArray())), out headingLogic);
            }

            conditions.InsertRange(0, fromHeading);
            logic = conditions.Count == fromHeading.Count ? headingLogic : logic;
            options.Add(new OptionCandidate(OptionLabels.KindOf("", scope.SectionName), title, text, scope.SectionName, conditions, logic, "method",
                sub.HeadingLines?.Start ?? 0));
        }

        return new Recognition(options, [], subs);
    }

    [GeneratedRegex(@"\b\d+(?:\.\d+)+[a-z]?\b|\b(?:Windows|MS-DOS|Macintosh|OS/2)\b")]
    private static partial Regex VersionLike();
}
