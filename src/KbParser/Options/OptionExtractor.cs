using System.Globalization;
using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>
/// Finds the alternative courses of action an article offers and when to choose each, and
/// builds the article's decision model (factors shared across options).
/// </summary>
internal static partial class OptionExtractor
{
    public static (IReadOnlyList<ArticleOption> Options, IReadOnlyList<Factor> Factors) Extract(ArticleRecord record)
    {
        var found = new List<OptionCandidate>();
        var used = new HashSet<Block>(ReferenceEqualityComparer.Instance);
        var problem = IsProblemArticle(record);
        foreach (var section in record.Sections)
        {
            if (DescribesProblem(section.Heading))
            {
                // SYMPTOMS and CAUSE list alternative messages and causes, not courses of action.
                continue;
            }

            var before = found.Count;
            Scan(section, section.Heading, found, used, depth: 0);
            if (found.Count == before && problem)
            {
                AddSectionOption(section, found);

                // Older articles have no RESOLUTION section but a "Workaround" subsection under their text.
                foreach (var sub in section.Subsections)
                {
                    AddSectionOption(sub, found);
                }
            }

            if (found.Count > MaxOptions)
            {
                // No real article offers this many alternatives; stop before factor matching grows quadratic.
                break;
            }
        }

        found.Sort((a, b) => a.Line.CompareTo(b.Line));
        MergeOverviews(found);
        if (found.Count > MaxOptions)
        {
            found.RemoveRange(MaxOptions, found.Count - MaxOptions);
        }

        if (problem)
        {
            InheritProblemConditions(record, found);
        }

        var factors = new FactorRegistry();
        AddApplicability(record, factors);
        if (problem)
        {
            // Registered before the options' conditions, so a cause an option inherits is the same factor, in the triage role.
            AddProblemFactors(record, factors);
        }

        var options = new List<ArticleOption>(found.Count);
        foreach (var c in found)
        {
            options.Add(new ArticleOption
            {
                Id = "o" + (options.Count + 1).ToString(CultureInfo.InvariantCulture),
                Kind = c.Kind,
                Title = c.Title,
                Text = c.Text.Length <= MaxText ? c.Text : c.Text[..MaxText] + "...",
                Section = c.Section,
                Conditions = c.Conditions.Select(p => factors.Condition(p)).DistinctBy(x => x.Factor).ToList(),
                Logic = c.Logic,
                Form = c.Form,
            });
        }

        return (options, factors.Factors);
    }

    /// <summary>
    /// Resolutions and workarounds apply when the CAUSE's (or failing that the SYMPTOMS') conditions hold: each
    /// inherits them before its own. Options the article labels Option/Method carry their own selectors and do not.
    /// </summary>
    private static void InheritProblemConditions(ArticleRecord record, List<OptionCandidate> found)
    {
        List<ParsedCondition>? inherited = null;
        for (var i = 0; i < found.Count; i++)
        {
            var c = found[i];
            if (c.Kind is not (OptionKinds.Resolution or OptionKinds.Workaround))
            {
                continue;
            }

            inherited ??= ProblemConditions.Of(record);
            if (inherited.Count == 0)
            {
                return;
            }

            var own = c.Conditions.Where(x => !inherited.Any(y => string.Equals(x.Statement, y.Statement, StringComparison.OrdinalIgnoreCase)));
            found[i] = c with { Conditions = [.. inherited, .. own], Logic = c.Conditions.Count == 0 ? "all" : c.Logic };
        }
    }

    private const int MaxText = 1500;
    private const int MaxOptions = 100;

    /// <summary>
    /// "Use Method 1 to ... Use Method 2 if ..." summarises numbered methods described later: the summary's
    /// conditions join the method it names, and the summary is not an option of its own.
    /// </summary>
    private static void MergeOverviews(List<OptionCandidate> found)
    {
        // A label used twice (methods under two headings) is ambiguous: such summaries are left alone.
        var numbered = found.Where(c => c.Label is not null).GroupBy(c => Normalize(c.Label!), StringComparer.Ordinal)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (numbered.Count == 0)
        {
            return;
        }

        for (var i = found.Count - 1; i >= 0; i--)
        {
            var c = found[i];
            var m = Overview().Match(c.Title);
            if (c.Label is not null || !m.Success || !numbered.TryGetValue(Normalize(m.Groups["l"].Value), out var target))
            {
                continue;
            }

            var conditions = StatedConditions.In(c.Text, out _);
            if (conditions.Count == 0 && m.Groups["rest"].Value.Trim() is { Length: > 3 } rest)
            {
                conditions = rest.StartsWith("if ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("when ", StringComparison.OrdinalIgnoreCase)
                    ? ConditionParser.Parse(rest[(rest.IndexOf(' ', StringComparison.Ordinal) + 1)..], out _)
                    : rest.StartsWith("to ", StringComparison.OrdinalIgnoreCase) ? [new ParsedCondition("You want " + TextUtil.TrimSentenceEnd(rest), true, rest)] : [];
            }

            var index = found.IndexOf(target);
            // A bare "Method 1" heading says less than the summary line that describes it.
            found[index] = target with
            {
                Conditions = [.. target.Conditions, .. conditions],
                Title = target.TitleFromHeading ? target.Title : c.Title,
            };
            numbered[Normalize(target.Label!)] = found[index];
            found.RemoveAt(i);
        }

        static string Normalize(string label) => string.Join(' ', label.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:Use\s+|Try\s+|With\s+)?(?<l>(?:Method|Option|Solution|Workaround)\s+\d{1,2})\b\s*(?<rest>.*)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Overview();

    private static bool DescribesProblem(string? heading) =>
        heading is not null && (heading.StartsWith("SYMPTOM", StringComparison.OrdinalIgnoreCase)
            || heading.StartsWith("CAUSE", StringComparison.OrdinalIgnoreCase)
            || heading.StartsWith("STATUS", StringComparison.OrdinalIgnoreCase));

    private static bool IsProblemArticle(ArticleRecord r) => ArticleKinds.IsProblem(r);

    /// <summary>Walks one container: its subsections first (method subsections), then its blocks.</summary>
    private static void Scan(Section section, string? sectionName, List<OptionCandidate> found, HashSet<Block> used, int depth)
    {
        if (depth > 4)
        {
            return;
        }

        var before = found.Count;
        FindMethodSubsections(section, sectionName, found, used);
        FindSelectOptionSubsections(section, sectionName, found, used);
        FindEnvironmentSubsections(section, sectionName, found, used);
        FindSubsectionsAfterIntro(section, sectionName, found, used);
        ScanBlocks(section.Blocks, sectionName, found, used, depth, insideItem: false);
        foreach (var sub in section.Subsections)
        {
            Scan(sub, sectionName, found, used, depth + 1);
        }

        // A subsection headed by a situation ("If You Have Installed SR-1 But Still See a Red X", "(Windows NT 4.0
        // Only)") scopes every option found inside it: they inherit the heading's conditions.
        if (depth > 0 && section.Heading is { } heading && !OptionPatterns.LeadWord().IsMatch(heading) && HeadingConditions.Of(heading) is { Count: > 0 } scope)
        {
            for (var i = before; i < found.Count; i++)
            {
                var own = found[i].Conditions.Where(c => !scope.Any(x => string.Equals(x.Statement, c.Statement, StringComparison.OrdinalIgnoreCase)));
                found[i] = found[i] with { Conditions = [.. scope, .. own] };
            }
        }
    }

    private static void ScanBlocks(IReadOnlyList<Block> blocks, string? sectionName, List<OptionCandidate> found, HashSet<Block> used,
        int depth, bool insideItem)
    {
        FindLeadParagraphMethods(blocks, sectionName, found, used);
        FindSelectOptionLists(blocks, sectionName, found, used);
        FindOneOfFollowing(blocks, sectionName, found, used);
        FindOrSeparated(blocks, sectionName, found, used, nested: insideItem);
        FindConditionalIf(blocks, sectionName, found, used);
        if (depth > 3)
        {
            return;
        }

        foreach (var b in blocks)
        {
            if (b is ListBlock list && !used.Contains(b))
            {
                foreach (var item in list.Items)
                {
                    ScanBlocks(item.Blocks, sectionName, found, used, depth + 1, insideItem: true);
                }
            }
        }
    }

    /// <summary>
    /// RESOLUTION and WORKAROUND of a problem article, when they offer no finer alternatives: each paragraph that
    /// opens a new course of action ("To work around this problem, ...", "Alternatively, ...", "If X, do Y", an
    /// imperative) is an option with the blocks that follow it (steps, notes, file lists).
    /// </summary>
    private static void AddSectionOption(Section section, List<OptionCandidate> found)
    {
        var heading = section.Heading?.Trim().ToUpperInvariant() ?? "";
        var kind = heading.StartsWith("RESOLUTION", StringComparison.Ordinal) ? OptionKinds.Resolution
            : heading.StartsWith("WORKAROUND", StringComparison.Ordinal) ? OptionKinds.Workaround : null;
        if (kind is null || BlockText.FirstBlock(section) is null)
        {
            return;
        }

        if (section.Blocks.Count == 0)
        {
            var first = BlockText.FirstBlock(section)!;
            var all = BlockText.Of(section);
            var (t, c, lg) = first is ListBlock ? (BlockText.TitleOf(first), StatedConditions.In(all, out var l0), l0) : OptionTitles.WithConditions(BlockText.Of(first), all);
            found.Add(new OptionCandidate(kind, t, all, section.Heading, c, lg, kind, first.Lines.Start));
            return;
        }

        var groups = new List<List<Block>>();
        foreach (var b in section.Blocks)
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

        var start = found.Count;
        foreach (var g in groups.Where(g => g.Count > 0))
        {
            var text = BlockText.Of(g);
            var first = g.FirstOrDefault(b => b is ParagraphBlock p && ActionableLead(p.Text)) ?? g[0];
            var (title, conditions, logic) = first is ListBlock ? (BlockText.TitleOf(first), StatedConditions.In(text, out var l), l)
                : OptionTitles.WithConditions(BlockText.Of(first), text);
            if (NotSeverelyAffected().Match(text) is { Success: true } severe && !conditions.Any(c => c.Statement.Contains("severely", StringComparison.OrdinalIgnoreCase)))
            {
                conditions.Add(new ParsedCondition("You are severely affected by this problem", false, severe.Value));
            }

            found.Add(new OptionCandidate(kind, title, text, section.Heading, conditions, logic, kind, first.Lines.Start));
        }

        HotfixChoice(found, start);
    }

    /// <summary>True when the group's lead tells the reader what to do (or that nothing needs doing).</summary>
    private static bool Actionable(List<Block> group) => group[0] is not ParagraphBlock p || ActionableLead(p.Text);

    private static bool ActionableLead(string text)
    {
        if (OptionPatterns.Boilerplate().IsMatch(text) || (FixAvailable().IsMatch(text) && !NotSeverelyAffected().IsMatch(text)))
        {
            return false;
        }

        var first = TextUtil.FirstSentence(text);
        return AlternativeOpener().IsMatch(first) || IfClauses.StartsWithAction(first) || (IfClauses.Split(first) is { } s && IfClauses.IsAction(s.Then))
            || ActionWords().IsMatch(first) || !first.TrimEnd().EndsWith(':');
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^A (?:supported )?(?:fix|hotfix)\b.{0,80}\bavailable\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex FixAvailable();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:you (?:can|must|should|need to|may want to)|can (?:safely )?be ignored|is (?:fixed|corrected|resolved) (?:in|by))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ActionWords();

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

        return AlternativeOpener().IsMatch(p.Text) || (IfClauses.Split(TextUtil.FirstSentence(p.Text)) is not null && !ContinuationIf().IsMatch(p.Text));
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

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:To (?:resolve|work around|correct|fix|avoid|prevent|workaround|remedy|solve)\b|(?:Another|A second|One) (?:way|workaround|method|solution|option|alternative)\b|Alternatively\b|You can (?:also )?(?:work around|resolve|avoid|correct|use)\b|As an alternative\b|Or,|Also,|A (?:supported )?fix\b|(?:Obtain|Install|Upgrade|Use|Disable|Enable|Remove|Reinstall|Rename|Delete|Contact|Download|Apply|Turn|Change|Set|Move|Run|Restart|Reboot|Do not|Don't|Avoid|Replace|Add|Create|Edit|Modify|Configure|Reduce|Increase|Decrease)\b)")]
    private static partial System.Text.RegularExpressions.Regex AlternativeOpener();

    [System.Text.RegularExpressions.GeneratedRegex(@"^If (?:this|that|the (?:above|previous)|these|you do not|you don't|necessary|prompted)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ContinuationIf();

    [System.Text.RegularExpressions.GeneratedRegex(@"you are not severely affected by this (?:specific )?(?:problem|issue|behavior)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NotSeverelyAffected();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bimmediately\b|\bobtain (?:the|this) (?:fix|hotfix|update)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Immediately();

    /// <summary>"Are you using Microsoft Systems Management Server 2.0?" for each product the article applies to.</summary>
    private static void AddApplicability(ArticleRecord r, FactorRegistry factors)
    {
        var seen = 0;
        foreach (var a in r.AppliesTo)
        {
            if (seen++ >= 6 || string.IsNullOrWhiteSpace(a.Product))
            {
                continue;
            }

            var product = a.Version is null ? a.Product : a.Product + " " + a.Version;
            if (product.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            {
                product = product[(product.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }

            factors.Add("You are using " + product, "applicability", $"Are you using {product}?");
        }

        if (r.AppliesTo.Count == 0)
        {
            foreach (var p in r.Products.Where(p => !string.IsNullOrWhiteSpace(p)).Take(3))
            {
                factors.Add("You are using " + p, "applicability", $"Are you using {p}?");
            }
        }
    }

    /// <summary>
    /// For problem articles, the triage checklist ("Is this your problem?"): crisp yes/no factors from the
    /// SYMPTOMS' if/when clauses and the message it quotes, and from the CAUSE's conditions. Never a pasted paragraph.
    /// </summary>
    private static void AddProblemFactors(ArticleRecord r, FactorRegistry factors)
    {
        var symptoms = 0;
        foreach (var c in ProblemConditions.Symptoms(r).Take(2))
        {
            factors.Add(c.Statement, "symptom");
            symptoms++;
        }

        if (ProblemConditions.QuotedMessage(r) is { } message)
        {
            factors.Add($"You see the message \"{message}\"", "symptom", $"Do you see the message \"{message}\"?");
            symptoms++;
        }

        // Failing a stated symptom, the title names the problem in a few words ("QB.EXE Hangs If BACKSPACE after IF GOTO").
        var title = TextUtil.TrimSentenceEnd(r.Title);
        if (symptoms == 0 && title.Length is > 8 and <= 120)
        {
            factors.Add("You have this problem: " + title, "symptom", $"Is this your problem: {title}?");
        }

        foreach (var c in ProblemConditions.Cause(r).Take(3))
        {
            factors.Add(c.Statement, "cause");
        }
    }
}
