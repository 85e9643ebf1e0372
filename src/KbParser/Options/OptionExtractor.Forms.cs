using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>The textual forms in which articles offer alternatives.</summary>
internal static partial class OptionExtractor
{
    /// <summary>"Method 1: ..." / "Option 2" subsections of one parent (at least two).</summary>
    private static void FindMethodSubsections(Section parent, string? sectionName, List<OptionCandidate> found, HashSet<Block> used)
    {
        var leads = parent.Subsections.Where(s => s.Heading is not null && OptionPatterns.LeadWord().IsMatch(s.Heading)).ToList();
        if (leads.Count < 2)
        {
            return;
        }

        foreach (var sub in leads)
        {
            var m = OptionPatterns.LeadWord().Match(sub.Heading!);
            var rest = TextUtil.TrimSentenceEnd(sub.Heading![m.Length..].Trim().TrimStart(':', '-', '.', '–').Trim());
            var text = BlockText.Of(sub);
            var first = BlockText.FirstBlock(sub);
            string title;
            List<ParsedCondition> conditions;
            string logic;
            if (rest.Length == 0 && first is ParagraphBlock lead)
            {
                (title, conditions, logic) = OptionTitles.WithConditions(lead.Text, text);
                if ((OptionPatterns.SelectThis().Match(lead.Text) is { Success: true, Index: 0 } || OptionPatterns.UseThisTo().IsMatch(lead.Text))
                    && TextUtil.FirstSentence(lead.Text).Length >= lead.Text.Length - 2
                    && sub.Blocks.Count > 1)
                {
                    // "Use this option if X." alone: the next block says what to do.
                    title = BlockText.TitleOf(sub.Blocks[1]);
                }
            }
            else
            {
                title = rest.Length > 0 ? rest : first is null ? sub.Heading! : BlockText.TitleOf(first);
                conditions = HeadingConditions.Of(rest);
                conditions.AddRange(StatedConditions.OfLead(first));
                conditions.AddRange(StatedConditions.In(text, out logic));
            }

            if (conditions.Count == 0 && HeadingConditions.LooksLikeEnvironment(rest))
            {
                conditions = [new ParsedCondition("You are using " + rest.TrimStart("For ".ToCharArray()), true, rest)];
            }

            foreach (var b in BlockWalker.All(sub))
            {
                used.Add(b);
            }

            // The spec's title is the heading verbatim, label included ("Method 2: Quit Binder", a bare "Method 2").
            found.Add(new OptionCandidate(OptionLabels.KindOf(m.Groups["w"].Value, sectionName), sub.Heading!.Trim(), text, sectionName, conditions, logic,
                "method", sub.HeadingLines?.Start ?? 0) { Label = m.Value, TitleFromHeading = true });
        }
    }

    /// <summary>A RESOLUTION split by product version ("SNA Server 3.0" / "SNA Server 4.0"): one option per version.</summary>
    private static void FindEnvironmentSubsections(Section parent, string? sectionName, List<OptionCandidate> found, HashSet<Block> used)
    {
        if (sectionName is null || !(sectionName.StartsWith("RESOLUTION", StringComparison.OrdinalIgnoreCase)
            || sectionName.StartsWith("WORKAROUND", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var subs = parent.Subsections.Where(s => s.Heading is not null && !s.Blocks.Any(used.Contains)).ToList();
        if (subs.Count < 2 || !subs.All(s => s.Heading!.Length < 100 && (VersionLike().IsMatch(s.Heading!) || HeadingConditions.LooksLikeEnvironment(s.Heading!)
                || HeadingConditions.Of(s.Heading!).Count > 0)))
        {
            return;
        }

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
            found.Add(new OptionCandidate(OptionLabels.KindOf("", sectionName), title, text, sectionName, conditions, logic, "method",
                sub.HeadingLines?.Start ?? 0));
            foreach (var b in BlockWalker.All(sub))
            {
                used.Add(b);
            }
        }
    }

    /// <summary>"Use one of the following methods:" closing a section's text, then two or more subsections: each is an option.</summary>
    private static void FindSubsectionsAfterIntro(Section parent, string? sectionName, List<OptionCandidate> found, HashSet<Block> used)
    {
        var subs = parent.Subsections.Where(s => s.Heading is not null && !s.Blocks.Any(used.Contains)).ToList();
        if (subs.Count < 2 || parent.Blocks.Count == 0 || parent.Blocks[^1] is not ParagraphBlock intro || !OptionPatterns.OneOfFollowing().IsMatch(intro.Text))
        {
            return;
        }

        var kind = OptionLabels.KindOf(OptionPatterns.OneOfFollowing().Match(intro.Text).Groups["w"].Value, sectionName);
        var shared = StatedConditions.OfIntro(intro.Text);
        foreach (var sub in subs)
        {
            var text = BlockText.Of(sub);
            var conditions = new List<ParsedCondition>(shared);
            conditions.AddRange(HeadingConditions.Of(sub.Heading!));
            conditions.AddRange(StatedConditions.OfLead(BlockText.FirstBlock(sub)));
            conditions.AddRange(StatedConditions.In(text, out var logic));
            found.Add(new OptionCandidate(kind, TextUtil.TrimSentenceEnd(sub.Heading!), text, sectionName, conditions, logic,
                "one-of-following", sub.HeadingLines?.Start ?? 0));
            foreach (var b in BlockWalker.All(sub))
            {
                used.Add(b);
            }
        }

        used.Add(intro);
    }

    /// <summary>Sibling subsections (two or more) of which one says "choose this option when ...": each is an option.</summary>
    private static void FindSelectOptionSubsections(Section parent, string? sectionName, List<OptionCandidate> found, HashSet<Block> used)
    {
        var subs = parent.Subsections.Where(s => s.Heading is not null && !OptionPatterns.LeadWord().IsMatch(s.Heading) && !s.Blocks.Any(used.Contains)).ToList();
        if (subs.Count < 2)
        {
            return;
        }

        var texts = subs.Select(BlockText.Of).ToList();
        if (texts.Count(t => OptionPatterns.SelectThis().IsMatch(t) || OptionPatterns.ChosenWhen().IsMatch(t)) < 2)
        {
            return;
        }

        for (var i = 0; i < subs.Count; i++)
        {
            var conditions = StatedConditions.In(texts[i], out var logic);
            found.Add(new OptionCandidate(OptionKinds.Option, TextUtil.TrimSentenceEnd(subs[i].Heading!), texts[i], sectionName,
                conditions, logic, "select-option", subs[i].HeadingLines?.Start ?? 0));
            foreach (var b in BlockWalker.All(subs[i]))
            {
                used.Add(b);
            }
        }
    }

    [GeneratedRegex(@"\b\d+(?:\.\d+)+[a-z]?\b|\b(?:Windows|MS-DOS|Macintosh|OS/2)\b")]
    private static partial Regex VersionLike();

    /// <summary>Paragraphs that start "Method 1:" / "Option 2 -" with the blocks that follow each.</summary>
    private static void FindLeadParagraphMethods(IReadOnlyList<Block> blocks, string? sectionName, List<OptionCandidate> found, HashSet<Block> used)
    {
        var leads = new List<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is ParagraphBlock p && !used.Contains(p) && OptionPatterns.LeadWord().Match(p.Text) is { Success: true } m
                && m.Length < p.Text.Length && p.Text[m.Length] is ':' or '-' or '.' or ' ' or '–')
            {
                leads.Add(i);
            }
        }

        if (leads.Count < 2)
        {
            return;
        }

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
            found.Add(new OptionCandidate(OptionLabels.KindOf(m.Groups["w"].Value, sectionName), title, text, sectionName, conditions, logic,
                "method", lead.Lines.Start) { Label = m.Value, TitleFromHeading = true });
            MarkUsed(group, used);
        }
    }

    /// <summary>A list whose items say "Select this option when ..." (Q199250's form).</summary>
    private static void FindSelectOptionLists(IReadOnlyList<Block> blocks, string? sectionName, List<OptionCandidate> found, HashSet<Block> used)
    {
        foreach (var b in blocks)
        {
            if (b is not ListBlock list || used.Contains(b) || list.Items.Count < 2)
            {
                continue;
            }

            // The cue must stand in at least two items' own text, not in a list nested deeper down.
            var cued = 0;
            for (var k = 0; k < list.Items.Count && cued < 2 && cued + list.Items.Count - k >= 2; k++)
            {
                var own = BlockText.Of(list.Items[k].Blocks.Where(b => b is not ListBlock).Prepend(BlockText.AsParagraph(list.Items[k])));
                cued += OptionPatterns.SelectThis().IsMatch(own) || OptionPatterns.ChosenWhen().IsMatch(own) ? 1 : 0;
            }

            if (cued < 2)
            {
                continue;
            }

            var texts = list.Items.Select(BlockText.Of).ToList();
            for (var i = 0; i < list.Items.Count; i++)
            {
                var conditions = StatedConditions.In(texts[i], out var logic);
                found.Add(new OptionCandidate(OptionLabels.KindOf("option", sectionName), OptionTitles.Of(list.Items[i].Text), texts[i], sectionName,
                    conditions, logic, "select-option", list.Items[i].Lines.Start));
            }

            MarkUsed([b], used);
        }
    }

    /// <summary>"Use one of the following methods:" and a list of two or more items.</summary>
    private static void FindOneOfFollowing(IReadOnlyList<Block> blocks, string? sectionName, List<OptionCandidate> found, HashSet<Block> used)
    {
        for (var i = 0; i + 1 < blocks.Count; i++)
        {
            var intro = blocks[i] switch
            {
                ParagraphBlock p => p.Text,
                NoteBlock n => n.Text,
                _ => null,
            };
            if (intro is null || blocks[i + 1] is not ListBlock list || used.Contains(list) || list.Items.Count < 2
                || !OptionPatterns.OneOfFollowing().IsMatch(intro))
            {
                continue;
            }

            // "If you continue to receive the error, use one of the following:" conditions every item.
            var shared = StatedConditions.OfIntro(intro);
            foreach (var item in list.Items)
            {
                var text = BlockText.Of(item);
                var (title, conditions, logic) = OptionTitles.WithConditions(item.Text, text);
                conditions.InsertRange(0, shared);
                found.Add(new OptionCandidate(OptionLabels.KindOf(OptionPatterns.OneOfFollowing().Match(intro).Groups["w"].Value, sectionName), title, text,
                    sectionName, conditions, logic, "one-of-following", item.Lines.Start));
            }

            MarkUsed([list], used);
        }
    }

    /// <summary>Alternatives separated by "-or-" lines.</summary>
    private static void FindOrSeparated(IReadOnlyList<Block> blocks, string? sectionName, List<OptionCandidate> found, HashSet<Block> used, bool nested)
    {
        // Form A: "-or-" paragraphs between blocks of this list.
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

        foreach (var g in groups)
        {
            AddAlternatives(g.Select(b => (b, BlockText.Of(b), b.Lines.Start, (string?)null)).ToList(), sectionName, found, used, nested);
            MarkUsed(g, used);
        }

        // Form B: list items whose last nested block is "-or-" (the separator indented under the item).
        foreach (var b in blocks)
        {
            if (b is not ListBlock list || used.Contains(b))
            {
                continue;
            }

            var alts = new List<(Block, string, int, string?)>();
            for (var k = 0; k < list.Items.Count; k++)
            {
                var item = list.Items[k];
                var endsWithOr = item.Blocks.Count > 0 && OptionPatterns.IsOr(item.Blocks[^1]);
                var prevEndsWithOr = k > 0 && list.Items[k - 1].Blocks.Count > 0 && OptionPatterns.IsOr(list.Items[k - 1].Blocks[^1]);
                if (endsWithOr || prevEndsWithOr)
                {
                    alts.Add((b, BlockText.Of(item.Blocks.Where(x => !OptionPatterns.IsOr(x)).Prepend(BlockText.AsParagraph(item))), item.Lines.Start, item.Text));
                }
            }

            if (alts.Count >= 2)
            {
                AddAlternatives(alts, sectionName, found, used, nested);
                MarkUsed([b], used);
            }
        }
    }

    private static void AddAlternatives(List<(Block Block, string Text, int Line, string? Lead)> alts, string? sectionName,
        List<OptionCandidate> found, HashSet<Block> used, bool nested)
    {
        var parsed = alts.Select(a => (a, OptionTitles.WithConditions(a.Lead ?? BlockText.Lead(a.Block), a.Text))).ToList();
        // "-or-" inside one step of a procedure is a choice of keystrokes unless the choices carry conditions.
        if (nested && parsed.All(p => p.Item2.Conditions.Count == 0))
        {
            return;
        }

        foreach (var (a, (title, conditions, logic)) in parsed)
        {
            found.Add(new OptionCandidate(OptionLabels.KindOf("", sectionName), title, a.Text, sectionName, conditions, logic, "or-separated", a.Line));
        }

        _ = used;
    }

    /// <summary>Two or more consecutive "If you ..., do ..." paragraphs or items: conditional guidance.</summary>
    private static bool PartOfConditionalRun(Block b, ParagraphBlock last) => b switch
    {
        NoteBlock or PreformattedBlock or ReferencesBlock => true,
        ListBlock => last.Text.TrimEnd().EndsWith(':'),
        ParagraphBlock p => OptionPatterns.Boilerplate().IsMatch(p.Text),
        _ => false,
    };

    private static void FindConditionalIf(IReadOnlyList<Block> blocks, string? sectionName, List<OptionCandidate> found, HashSet<Block> used)
    {
        var run = new List<ParagraphBlock>();
        void Flush()
        {
            if (run.Count >= 2)
            {
                foreach (var p in run)
                {
                    var (title, conditions, logic) = OptionTitles.WithConditions(p.Text, p.Text);
                    found.Add(new OptionCandidate(OptionLabels.KindOf("", sectionName), title, p.Text, sectionName, conditions, logic,
                        "conditional-if", p.Lines.Start));
                    used.Add(p);
                }
            }

            run.Clear();
        }

        foreach (var b in blocks)
        {
            if (b is ParagraphBlock para && !used.Contains(para) && IfClauses.Sentences(para.Text) is { Count: >= 2 } inline
                && inline.All(x => IfClauses.Split(x) is { } sp && IfClauses.IsAction(sp.Then)))
            {
                // "If you want X, do A. However, if you want Y, do B." within one paragraph.
                Flush();
                foreach (var sentence in inline)
                {
                    var (title, conditions, logic) = OptionTitles.WithConditions(sentence, sentence);
                    found.Add(new OptionCandidate(OptionLabels.KindOf("", sectionName), title, sentence, sectionName, conditions, logic,
                        "conditional-if", para.Lines.Start));
                }

                used.Add(para);
                continue;
            }

            if (b is ParagraphBlock p && IfClauses.StartsWithIf(p.Text) && !used.Contains(p) && IfClauses.Split(TextUtil.FirstSentence(p.Text)) is { } split
                && IfClauses.IsAction(split.Then))
            {
                run.Add(p);
            }
            else if (run.Count > 0 && PartOfConditionalRun(b, run[^1]))
            {
                // Steps introduced by the if-paragraph, a sample, a note or a reference sit between siblings.
            }
            else
            {
                Flush();
            }
        }

        Flush();
    }
}
