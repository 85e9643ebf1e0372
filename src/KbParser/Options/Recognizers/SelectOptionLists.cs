using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// An unclaimed list of two or more items, at least two of which say in their own text "Select this option when X":
/// each item is an option of kind option (or the section's), titled by its first sentence, with the "when X"
/// conditions. Claims the list.
/// </summary>
internal sealed class SelectOptionLists : OptionRecognizer
{
    public override string Name => "select-option-lists";

    public override RecognizerTarget Target => RecognizerTarget.Blocks;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        List<OptionCandidate>? options = null;
        List<Block>? claims = null;
        foreach (var b in scope.Blocks)
        {
            if (b is not ListBlock list || claimed.Contains(b) || list.Items.Count < 2 || !Cued(list))
            {
                continue;
            }

            options ??= [];
            claims ??= [];
            var texts = list.Items.Select(BlockText.Of).ToList();
            for (var i = 0; i < list.Items.Count; i++)
            {
                var conditions = StatedConditions.In(texts[i], out var logic);
                options.Add(new OptionCandidate(OptionLabels.KindOf("option", scope.SectionName), OptionTitles.Of(list.Items[i].Text), texts[i],
                    scope.SectionName, conditions, logic, "select-option", list.Items[i].Lines.Start));
            }

            claims.Add(b);
        }

        return options is null ? Recognition.None : new Recognition(options, claims!, []);
    }

    /// <summary>The cue must stand in at least two items' own text, not in a list nested deeper down.</summary>
    private static bool Cued(ListBlock list)
    {
        var cued = 0;
        for (var k = 0; k < list.Items.Count && cued < 2 && cued + list.Items.Count - k >= 2; k++)
        {
            var own = BlockText.Of(list.Items[k].Blocks.Where(b => b is not ListBlock).Prepend(BlockText.AsParagraph(list.Items[k])));
            cued += OptionPatterns.SelectThis().IsMatch(own) || OptionPatterns.ChosenWhen().IsMatch(own) ? 1 : 0;
        }

        return cued >= 2;
    }
}
