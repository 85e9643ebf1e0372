using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// A resolution or workaround offered outside the RESOLUTION and WORKAROUND sections: in a top-level section where no
/// recogniser found an option (SUMMARY, MORE INFORMATION, ...), each unclaimed paragraph whose first sentence opens
/// "To work around this problem, ...", "To resolve this issue, ...", "As a workaround, ...", "This problem can also be
/// corrected by ..." is an option with the blocks up to the next paragraph (its steps, notes, samples). The kind is
/// <c>workaround</c> when the lead says so, else <c>resolution</c>. Claims the paragraphs and their blocks.
/// </summary>
internal sealed partial class ProblemLeads : OptionRecognizer
{
    private const int MaxSectionDepth = 4;

    public override string Name => "problem-leads";

    public override RecognizerTarget Target => RecognizerTarget.Section;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        if (scope.OptionsInSection > 0)
        {
            return Recognition.None;
        }

        List<OptionCandidate>? options = null;
        List<Block>? claims = null;
        Read(scope.Section, scope.SectionName, claimed, ref options, ref claims, depth: 0);
        return options is null ? Recognition.None : new Recognition(options, claims!, []);
    }

    private static void Read(Section section, string? sectionName, IClaimedBlocks claimed, ref List<OptionCandidate>? options,
        ref List<Block>? claims, int depth)
    {
        var blocks = section.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not ParagraphBlock p || claimed.Contains(p) || !Lead().IsMatch(p.Text))
            {
                continue;
            }

            // The lead takes the blocks up to the next paragraph (steps, notes, samples, references).
            var end = i + 1;
            while (end < blocks.Count && blocks[end] is not ParagraphBlock && !claimed.Contains(blocks[end]))
            {
                end++;
            }

            var group = new List<Block>(end - i);
            for (var j = i; j < end; j++)
            {
                group.Add(blocks[j]);
            }

            var text = BlockText.Of(group);
            var (title, conditions, logic) = OptionTitles.WithConditions(p.Text, text);
            var kind = WorkAround().IsMatch(TextUtil.FirstSentence(p.Text)) ? OptionKinds.Workaround : OptionKinds.Resolution;
            (options ??= []).Add(new OptionCandidate(kind, title, text, sectionName, conditions, logic, "problem-leads", p.Lines.Start));
            (claims ??= []).AddRange(group);
            i = end - 1;
        }

        if (depth < MaxSectionDepth)
        {
            foreach (var sub in section.Subsections)
            {
                Read(sub, sectionName, claimed, ref options, ref claims, depth + 1);
            }
        }
    }

    [GeneratedRegex(@"^(?:To (?:resolve|work ?around|correct|fix|avoid|prevent|remedy|solve|circumvent|get around) (?:this|the|these) (?:problems?|issues?|behaviou?rs?|errors?|limitations?|situations?)\b|(?:As a|One|Another|A possible|A second|The only) work ?around\b|A work ?around (?:is|for)\b|(?:This|The) (?:problem|issue|behaviou?r|error) (?:can|may) (?:also )?be (?:corrected|resolved|avoided|fixed|prevented|worked around)\b|You can (?:also )?(?:work around|resolve|avoid|correct|fix|prevent) (?:this|the) (?:problem|issue|behaviou?r|error)\b)")]
    private static partial Regex Lead();

    [GeneratedRegex(@"\bwork ?around\b", RegexOptions.IgnoreCase)]
    private static partial Regex WorkAround();
}
