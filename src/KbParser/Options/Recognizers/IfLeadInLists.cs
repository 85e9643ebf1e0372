using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// A lead-in whose condition the list items complete: "If the computer is running:" followed by an unclaimed list of
/// two or more items of the form "&lt;situation&gt;, &lt;do Y&gt;" ("Windows 95, run WINIPCFG."). Each such item is an option
/// titled by its first sentence; its situation, read with the lead-in ("The computer is running Windows 95"), is its
/// condition, and every further comma part before the action ("Windows NT, at the local console, ...") adds one. An item
/// that says "use one of these options:" over a nested list gives the nested items instead, each inheriting the item's
/// conditions. Items without an action are not options. Claims the list.
/// </summary>
internal sealed partial class IfLeadInLists : OptionRecognizer
{
    public override string Name => "if-lead-in-lists";

    public override RecognizerTarget Target => RecognizerTarget.Blocks;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        var blocks = scope.Blocks;
        List<OptionCandidate>? options = null;
        List<Block>? claims = null;
        for (var i = 0; i + 1 < blocks.Count; i++)
        {
            if (blocks[i] is not ParagraphBlock p || blocks[i + 1] is not ListBlock list || claimed.Contains(list) || list.Items.Count < 2
                || LeadIn().Match(p.Text) is not { Success: true } lead)
            {
                continue;
            }

            var stem = lead.Groups["stem"].Value.Trim();
            var found = new List<OptionCandidate>();
            foreach (var item in list.Items)
            {
                if (Completion(item.Text) is not { } parts)
                {
                    continue;
                }

                var conditions = parts.Situations.Select((s, k) => Condition(stem, s, k)).ToList();
                if (OneOfThese().IsMatch(parts.Action) && item.Blocks.OfType<ListBlock>().FirstOrDefault() is { Items.Count: >= 2 } nested)
                {
                    // "Windows NT, at the local console, use one of these options:" - the nested items are the options.
                    foreach (var leaf in nested.Items)
                    {
                        var text = BlockText.Of(leaf);
                        found.Add(new OptionCandidate(OptionLabels.KindOf("", scope.SectionName), OptionTitles.Of(leaf.Text), text, scope.SectionName,
                            [.. conditions, .. StatedConditions.In(text, out _)], "all", "if-lead-in", leaf.Lines.Start));
                    }

                    continue;
                }

                var all = BlockText.Of(item);
                found.Add(new OptionCandidate(OptionLabels.KindOf("", scope.SectionName), OptionTitles.Of(item.Text), all, scope.SectionName,
                    [.. conditions, .. StatedConditions.In(all, out _)], "all", "if-lead-in", item.Lines.Start));
            }

            if (found.Count < 2)
            {
                continue;
            }

            (options ??= []).AddRange(found);
            (claims ??= []).Add(list);
        }

        return options is null ? Recognition.None : new Recognition(options, claims!, []);
    }

    /// <summary>"Windows NT, remotely, run X" gives situations ["Windows NT", "remotely"] and action "run X"; null without an action.</summary>
    private static (List<string> Situations, string Action)? Completion(string itemText)
    {
        var sentence = TextUtil.FirstSentence(itemText);
        var situations = new List<string>();
        var start = 0;
        while (situations.Count < 4)
        {
            var comma = sentence.IndexOf(',', start);
            if (comma < 0)
            {
                return null;
            }

            var part = sentence[start..comma].Trim();
            if (part.Length is < 2 or > 120)
            {
                return null;
            }

            situations.Add(part);
            start = comma + 1;
            var rest = sentence[start..].TrimStart();
            if (IfClauses.IsAction(rest) || OneOfThese().IsMatch(rest))
            {
                return (situations, rest);
            }
        }

        return null;
    }

    /// <summary>The first situation completes the lead-in's clause; later ones ("at the local console") qualify it.</summary>
    private static ParsedCondition Condition(string stem, string situation, int index)
    {
        var part = situation.Trim('(', ')', ' ');
        var words = part.Split(' ', 2);
        if (words[0] is "A" or "An" or "The" or "Your")
        {
            part = words[0].ToLowerInvariant() + (words.Length > 1 ? " " + words[1] : "");
        }

        var statement = index == 0 ? TextUtil.UpperFirst(stem) + " " + part : "You are working " + part;

        var (positive, expect) = ConditionParser.Normalize(statement);
        return new ParsedCondition(positive, expect, situation.Trim());
    }

    /// <summary>"If the computer to be monitored is running:" - an if-clause the list items finish.</summary>
    [GeneratedRegex(@"^(?:If|When)\s+(?<stem>[^,.:;]{4,150}?)\s*:$")]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"^use\s+(?:one|any)\s+of\s+(?:these|the\s+following)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OneOfThese();
}
