using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>Where a RESOLUTION or WORKAROUND paragraph opens a new course of action, and when it only prepares one.</summary>
internal sealed partial class ResolutionParagraphs
{
    /// <summary>True when the group's lead tells the reader what to do (or that nothing needs doing).</summary>
    private static bool Actionable(List<Block> group) => group[0] is not ParagraphBlock p || ActionableLead(p.Text);

    private static bool ActionableLead(string text)
    {
        if (OptionPatterns.Boilerplate().IsMatch(text) || (FixAvailable().IsMatch(text) && !NotSeverelyAffected().IsMatch(text)))
        {
            return false;
        }

        var first = TextUtil.FirstSentence(text);
        return AlternativeOpener().IsMatch(first) || IfClauses.StartsWithAction(first)
            || (IfClauses.Split(first) is { } s && IfClauses.IsAction(s.Then))
            || ActionWords().IsMatch(first) || !first.TrimEnd().EndsWith(':');
    }

    /// <summary>True when <paramref name="block"/> starts another course of action after the blocks of <paramref name="current"/>.</summary>
    private static bool OpensAlternative(Block block, List<Block> current)
    {
        if (OptionPatterns.IsOr(block))
        {
            return true;
        }

        if (block is not ParagraphBlock p || current.Count == 0)
        {
            return false;
        }

        // A paragraph that introduces steps belongs to the option before it ("To do this, follow these steps:").
        if (current[^1] is ParagraphBlock prev && prev.Text.TrimEnd().EndsWith(':'))
        {
            return false;
        }

        return AlternativeOpener().IsMatch(p.Text)
            || (IfClauses.Split(TextUtil.FirstSentence(p.Text)) is not null && !ContinuationIf().IsMatch(p.Text));
    }

    [GeneratedRegex(@"^A (?:supported )?(?:fix|hotfix)\b.{0,80}\bavailable\b", RegexOptions.IgnoreCase)]
    private static partial Regex FixAvailable();

    [GeneratedRegex(@"\b(?:you (?:can|must|should|need to|may want to)|can (?:safely )?be ignored|is (?:fixed|corrected|resolved) (?:in|by))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActionWords();

    [GeneratedRegex(@"^(?:To (?:resolve|work around|correct|fix|avoid|prevent|workaround|remedy|solve)\b|(?:Another|A second|One) (?:way|workaround|method|solution|option|alternative)\b|Alternatively\b|You can (?:also )?(?:work around|resolve|avoid|correct|use)\b|As an alternative\b|Or,|Also,|A (?:supported )?fix\b|(?:Obtain|Install|Upgrade|Use|Disable|Enable|Remove|Reinstall|Rename|Delete|Contact|Download|Apply|Turn|Change|Set|Move|Run|Restart|Reboot|Do not|Don't|Avoid|Replace|Add|Create|Edit|Modify|Configure|Reduce|Increase|Decrease)\b)")]
    private static partial Regex AlternativeOpener();

    [GeneratedRegex(@"^If (?:this|that|the (?:above|previous)|these|you do not|you don't|necessary|prompted)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContinuationIf();

    [GeneratedRegex(@"you are not severely affected by this (?:specific )?(?:problem|issue|behavior)", RegexOptions.IgnoreCase)]
    private static partial Regex NotSeverelyAffected();

    [GeneratedRegex(@"\bimmediately\b|\bobtain (?:the|this) (?:fix|hotfix|update)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Immediately();
}
