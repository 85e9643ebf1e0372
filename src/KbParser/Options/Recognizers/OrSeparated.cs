using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// Alternatives separated by "-or-" lines: blocks with a "-or-" paragraph between them, or list items whose last
/// nested block is "-or-". Each alternative is an option titled by its first sentence. Inside a list item (a step of
/// a procedure) the choices are options only when one carries a condition. Claims the blocks and lists either way.
/// </summary>
internal sealed class OrSeparated : OptionRecognizer
{
    public override string Name => "or-separated";

    public override RecognizerTarget Target => RecognizerTarget.Blocks;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        var blocks = scope.Blocks;
        List<OptionCandidate>? options = null;
        List<Block>? claims = null;

        // "-or-" paragraphs between blocks of this run; earlier claims do not hide them.
        var groups = SeparatedGroups(blocks);
        foreach (var g in groups)
        {
            // "The following three methods may be used:" before the alternatives names their kind and may condition them.
            var at = IndexOf(blocks, g[0]);
            var intro = at > 0 ? blocks[at - 1] switch { ParagraphBlock p => p.Text, NoteBlock n => n.Text, _ => null } : null;
            var cue = intro is null ? null : OptionPatterns.OneOfFollowing().Match(intro);
            var kind = cue is { Success: true } ? OptionLabels.KindOf(cue.Groups["w"].Value, scope.SectionName) : OptionLabels.KindOf("", scope.SectionName);
            var shared = cue is { Success: true } ? StatedConditions.OfIntro(intro!) : [];
            Add(g.Select(b => (b, BlockText.Of(b), b.Lines.Start, (string?)null)).ToList(), scope, options ??= [], kind, shared);
            (claims ??= []).AddRange(g);
        }

        // List items whose last nested block is "-or-" (the separator indented under the item).
        foreach (var b in blocks)
        {
            if (b is not ListBlock list || claimed.Contains(b) || InAny(groups, b))
            {
                continue;
            }

            List<(Block, string, int, string?)>? alts = null;
            for (var k = 0; k < list.Items.Count; k++)
            {
                var item = list.Items[k];
                var endsWithOr = item.Blocks.Count > 0 && OptionPatterns.IsOr(item.Blocks[^1]);
                var prevEndsWithOr = k > 0 && list.Items[k - 1].Blocks.Count > 0 && OptionPatterns.IsOr(list.Items[k - 1].Blocks[^1]);
                if (endsWithOr || prevEndsWithOr)
                {
                    (alts ??= []).Add((b, BlockText.Of(item.Blocks.Where(x => !OptionPatterns.IsOr(x)).Prepend(BlockText.AsParagraph(item))), item.Lines.Start, item.Text));
                }
            }

            if (alts is { Count: >= 2 })
            {
                Add(alts, scope, options ??= [], OptionLabels.KindOf("", scope.SectionName), []);
                (claims ??= []).Add(b);
            }
        }

        return claims is null ? Recognition.None : new Recognition(options!, claims, []);
    }

    /// <summary>True when this run's own "-or-" groups hold <paramref name="block"/> (a claim made earlier in this run).</summary>
    private static bool InAny(List<List<Block>> groups, Block block)
    {
        foreach (var g in groups)
        {
            foreach (var b in g)
            {
                if (ReferenceEquals(b, block))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Runs of blocks joined by "-or-" paragraphs (the separators themselves left out).</summary>
    private static List<List<Block>> SeparatedGroups(IReadOnlyList<Block> blocks)
    {
        var groups = new List<List<Block>>();
        List<Block>? current = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (OptionPatterns.IsOr(blocks[i]) && i > 0 && i + 1 < blocks.Count && !OptionPatterns.IsOr(blocks[i - 1]))
            {
                current ??= [blocks[i - 1]];
                if (current[^1] != blocks[i - 1])
                {
                    current = [blocks[i - 1]];
                }

                current.Add(blocks[i + 1]);
                if (!groups.Contains(current))
                {
                    groups.Add(current);
                }
            }
        }

        return groups;
    }

    private static int IndexOf(IReadOnlyList<Block> blocks, Block block)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (ReferenceEquals(blocks[i], block))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Add(List<(Block Block, string Text, int Line, string? Lead)> alts, in OptionScope scope, List<OptionCandidate> options,
        string kind, List<ParsedCondition> shared)
    {
        var parsed = alts.Select(a => (a, OptionTitles.WithConditions(a.Lead ?? BlockText.Lead(a.Block), a.Text))).ToList();
        // "-or-" inside one step of a procedure is a choice of keystrokes unless the choices carry conditions.
        if (scope.InsideItem && parsed.All(p => p.Item2.Conditions.Count == 0))
        {
            return;
        }

        foreach (var (a, (title, conditions, logic)) in parsed)
        {
            List<ParsedCondition> own = shared.Count == 0 ? conditions : [.. shared, .. conditions];
            if (Leaves(a.Block) is { } leaves)
            {
                // "... there are three ways to do this:" over a nested list: the leaves are the options and inherit
                // the parent's conditions; the parent is not emitted again.
                foreach (var leaf in leaves)
                {
                    var (lt, lc, ll) = OptionTitles.WithConditions(leaf.Text, BlockText.Of(leaf));
                    options.Add(new OptionCandidate(kind, lt, BlockText.Of(leaf), scope.SectionName, [.. own, .. lc],
                        logic == "any" || ll == "any" ? "any" : "all", "or-separated", leaf.Lines.Start));
                }

                continue;
            }

            options.Add(new OptionCandidate(kind, title, a.Text, scope.SectionName, own, logic, "or-separated", a.Line));
        }
    }

    /// <summary>
    /// The nested alternatives of one alternative: its lead says "there are three ways ..." or "use one of the
    /// following methods", and the lists nested under it hold two or more items (samples may sit between them).
    /// </summary>
    private static List<ListItem>? Leaves(Block block)
    {
        var item = block is ListBlock { Items.Count: 1 } l ? l.Items[0] : null;
        if (item is null || !OptionPatterns.OneOfFollowing().IsMatch(item.Text))
        {
            return null;
        }

        var leaves = item.Blocks.OfType<ListBlock>().SelectMany(x => x.Items).ToList();
        return leaves.Count >= 2 ? leaves : null;
    }
}
