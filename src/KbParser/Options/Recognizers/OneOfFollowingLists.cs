using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// A paragraph or note that says "use one of the following methods" (or "the following three workarounds", "there
/// are two ways") followed by an unclaimed list of two or more items: each item is an option titled by its first
/// sentence, with the intro's "If X, ..." condition and the item's own. The kind follows the intro's noun. Claims the list.
/// </summary>
internal sealed class OneOfFollowingLists : OptionRecognizer
{
    public override string Name => "one-of-following-lists";

    public override RecognizerTarget Target => RecognizerTarget.Blocks;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        var blocks = scope.Blocks;
        List<OptionCandidate>? options = null;
        List<Block>? claims = null;
        for (var i = 0; i + 1 < blocks.Count; i++)
        {
            var intro = blocks[i] switch
            {
                ParagraphBlock p => p.Text,
                NoteBlock n => n.Text,
                _ => null,
            };
            if (intro is null || blocks[i + 1] is not ListBlock list || claimed.Contains(list) || list.Items.Count < 2
                || !OptionPatterns.OneOfFollowing().IsMatch(intro))
            {
                continue;
            }

            options ??= [];
            claims ??= [];

            // "If you continue to receive the error, use one of the following:" conditions every item.
            var shared = StatedConditions.OfIntro(intro);
            var kind = OptionLabels.KindOf(OptionPatterns.OneOfFollowing().Match(intro).Groups["w"].Value, scope.SectionName);
            foreach (var item in list.Items)
            {
                var text = BlockText.Of(item);
                var (title, conditions, logic) = OptionTitles.WithConditions(item.Text, text);
                conditions.InsertRange(0, shared);
                options.Add(new OptionCandidate(kind, title, text, scope.SectionName, conditions, logic, "one-of-following", item.Lines.Start));
            }

            claims.Add(list);
        }

        return options is null ? Recognition.None : new Recognition(options, claims!, []);
    }
}
