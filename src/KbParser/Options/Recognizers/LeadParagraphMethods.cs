using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// Two or more unclaimed paragraphs that start "Method 1:" / "Option 2 -", each with the blocks up to the next: each
/// is an option titled by its lead sentence, label included. Claims the paragraphs and the blocks that follow them.
/// </summary>
internal sealed class LeadParagraphMethods : OptionRecognizer
{
    public override string Name => "lead-paragraph-methods";

    public override RecognizerTarget Target => RecognizerTarget.Blocks;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        var blocks = scope.Blocks;
        var leads = new List<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is ParagraphBlock p && !claimed.Contains(p) && OptionPatterns.LeadWord().Match(p.Text) is { Success: true } m
                && m.Length < p.Text.Length && p.Text[m.Length] is ':' or '-' or '.' or ' ' or '–')
            {
                leads.Add(i);
            }
        }

        if (leads.Count < 2)
        {
            return Recognition.None;
        }

        var options = new List<OptionCandidate>(leads.Count);
        var claims = new List<Block>();
        for (var k = 0; k < leads.Count; k++)
        {
            var end = k + 1 < leads.Count ? leads[k + 1] : blocks.Count;
            var group = blocks.Skip(leads[k]).Take(end - leads[k]).ToList();
            var lead = (ParagraphBlock)blocks[leads[k]];
            var m = OptionPatterns.LeadWord().Match(lead.Text);
            var body = lead.Text[m.Length..].TrimStart(':', '-', '.', ' ', '–');
            var text = BlockText.Of(group);
            var (_, conditions, logic) = OptionTitles.WithConditions(body, text);
            var title = body.Length == 0 ? lead.Text.Trim() : TextUtil.FirstSentence(lead.Text);
            options.Add(new OptionCandidate(OptionLabels.KindOf(m.Groups["w"].Value, scope.SectionName), title, text, scope.SectionName,
                conditions, logic, "method", lead.Lines.Start) { Label = m.Value, TitleFromHeading = true });
            claims.AddRange(group);
        }

        return new Recognition(options, claims, []);
    }
}
