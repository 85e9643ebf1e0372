using System.Text.RegularExpressions;

namespace Kb.Parser.Options;

/// <summary>Conditions an alternative's own text states: "Select/Use this option when X", "This method works only if X".</summary>
internal static partial class StatedConditions
{
    private static readonly System.Buffers.SearchValues<string> ConditionCues = System.Buffers.SearchValues.Create(
        ["this ", "these ", "the following", "until ", "work", "chosen", "selected", " used", "applied", "succeed", "help",
            "the method", "the option", "the procedure", "the workaround", "the solution", "the approach", "that method", "that option",
            "requires", "to resolve", "to work around", "to fix", "to correct", "to avoid", "to prevent", "to solve"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>The conditions stated in <paramref name="text"/>; <paramref name="logic"/> is "any" when one of them is an or-list.</summary>
    public static List<ParsedCondition> In(string text, out string logic)
    {
        logic = "all";
        var result = new List<ParsedCondition>();
        foreach (var sentence in TextUtil.Sentences(text).Take(40))
        {
            // Every pattern below needs one of these words; most sentences have none.
            if (sentence.AsSpan().IndexOfAny(ConditionCues) < 0)
            {
                continue;
            }

            var m = OptionPatterns.SelectThis().Match(sentence);
            if (!m.Success)
            {
                m = ThisWorksWhen().Match(sentence);
            }

            if (!m.Success)
            {
                m = OptionPatterns.ChosenWhen().Match(sentence);
            }

            if (m.Success)
            {
                result.AddRange(ConditionParser.Parse(m.Groups["c"].Value, out var l));
                logic = l == "any" ? "any" : logic;
                continue;
            }

            if (IfThenThisMethod().Match(sentence) is { Success: true } ifm)
            {
                // "If you can't start X, this method won't work" / "If you use X, use this method".
                var negative = ifm.Groups["neg"].Success;
                result.AddRange(ConditionParser.Parse(ifm.Groups["c"].Value, out _).Select(c => negative ? c with { Expect = !c.Expect } : c));
                continue;
            }

            if (ForThisToWork().Match(sentence) is { Success: true } need)
            {
                // "For this method to work, you must keep X" -> "You can keep X".
                result.Add(new ParsedCondition("You can " + TextUtil.TrimSentenceEnd(need.Groups["c"].Value), true, need.Value));
                continue;
            }

            if (UntilYouCan().Match(sentence) is { Success: true } until)
            {
                // "... until you can apply the update": this is for when you cannot (yet).
                result.Add(new ParsedCondition("You can " + TextUtil.TrimSentenceEnd(until.Groups["c"].Value), false, until.Value));
                continue;
            }

            if (WontWorkIf().Match(sentence) is { Success: true } w)
            {
                // "This method won't work if you can't start X": the method needs the opposite.
                result.AddRange(ConditionParser.Parse(w.Groups["c"].Value, out _).Select(c => c with { Expect = !c.Expect }));
                continue;
            }

            if (Requires().Match(sentence) is { Success: true } req)
            {
                result.AddRange(Required(req));
                continue;
            }

            if (Scope(sentence) is { } scoped)
            {
                result.Add(scoped);
            }

            if (OptionPatterns.UseThisTo().Match(sentence) is { Success: true } purpose)
            {
                result.Add(new ParsedCondition("You want to " + TextUtil.TrimSentenceEnd(purpose.Groups["p"].Value), true, purpose.Groups["p"].Value));
            }
        }

        return result;
    }

    /// <summary>
    /// "To resolve this problem in Visual FoxPro 7.0, ..." scopes the fix to an environment: "You are using Visual FoxPro
    /// 7.0"; null when the sentence names none.
    /// </summary>
    public static ParsedCondition? Scope(string sentence)
    {
        if (!sentence.StartsWith("To ", StringComparison.Ordinal) || ScopedFix().Match(sentence) is not { Success: true } m)
        {
            return null;
        }

        var x = m.Groups["x"].Value.Trim();
        return new ParsedCondition("You are using " + x, true, x);
    }

    /// <summary>"This method requires that X, and that Y" gives X and Y; "this fix requires Product 5.5 SP4" gives "Product 5.5 SP4 is installed".</summary>
    private static List<ParsedCondition> Required(Match m)
    {
        var c = TextUtil.TrimSentenceEnd(m.Groups["c"].Value);
        if (!m.Groups["that"].Success)
        {
            return char.IsUpper(c[0]) ? [new ParsedCondition(c + " is installed", true, c)] : [];
        }

        return AndThat().Split(c).Where(part => part.Length >= 4).Select(part =>
        {
            // The subjunctive "that the partition be mirrored" states "the partition is mirrored".
            var (statement, expect) = ConditionParser.Normalize(Subjunctive().Replace(part, " is ", 1));
            return new ParsedCondition(TextUtil.UpperFirst(statement), expect, part);
        }).ToList();
    }

    /// <summary>A first paragraph that opens "If you X, do Y" conditions its option on X.</summary>
    public static List<ParsedCondition> OfLead(Model.Block? first)
    {
        if (first is not Model.ParagraphBlock p || !IfClauses.StartsWithIf(p.Text) || IfClauses.Split(TextUtil.FirstSentence(p.Text)) is not { } split
            || !IfClauses.IsAction(split.Then))
        {
            return [];
        }

        return ConditionParser.Parse(split.Condition, out _);
    }

    /// <summary>The condition of the sentence that introduces a set of alternatives ("If X, use one of the following").</summary>
    public static List<ParsedCondition> OfIntro(string intro)
    {
        var sentence = TextUtil.Sentences(intro).FirstOrDefault(s => OptionPatterns.OneOfFollowing().IsMatch(s));
        if (sentence is not null && Scope(sentence) is { } scoped)
        {
            // "To resolve this problem in Visual FoxPro 7.0, use one of the following methods:".
            return [scoped];
        }

        return sentence is not null && IfClauses.Split(sentence) is { } split && IfClauses.IsAction(split.Then) && !OptionPatterns.Fallback().IsMatch(sentence)
            ? ConditionParser.Parse(split.Condition, out _)
            : [];
    }

    [GeneratedRegex(@"^If\s+(?<c>[^,]{4,200}),\s+(?:then\s+)?(?:(?:this|the|that)\s+(?:method|option|procedure|workaround|solution|approach|step)\s+(?:\w+\s+)?(?<neg>won't|will\s+not|does\s+not|doesn't|cannot|can't|may\s+not)\s+(?:work|help|succeed|be\s+used)|(?:use|try|choose|select|follow)\s+(?:this|the\s+following|these)\s+(?:method|option|procedure|steps|workaround))", RegexOptions.IgnoreCase)]
    private static partial Regex IfThenThisMethod();

    [GeneratedRegex(@"^To\s+(?:resolve|work\s+around|fix|correct|avoid|prevent|solve)\s+(?:this|the)\s+(?:problem|issue|behavior|behaviour|error)\s+(?:in|on|with|under)\s+(?<x>(?:Microsoft\s+)?[A-Z][\w.+#-]*(?:\s+(?:[A-Z0-9][\w.+#()-]*|for|and))*?)\s*,")]
    private static partial Regex ScopedFix();

    [GeneratedRegex(@"\b(?:this|the)\s+(?:method|option|workaround|procedure|solution|approach|fix|hotfix|update)\s+requires\s+(?:(?<that>that)\s+)?(?<c>[^;]{4,200})", RegexOptions.IgnoreCase)]
    private static partial Regex Requires();

    [GeneratedRegex(@",?\s+and\s+that\s+")]
    private static partial Regex AndThat();

    [GeneratedRegex(@"\s+be\s+")]
    private static partial Regex Subjunctive();

    [GeneratedRegex(@"\bFor\s+(?:this|the|that)\s+(?:method|option|workaround|procedure|solution)\s+to\s+work,\s+you\s+(?:must|need\s+to|have\s+to|should)\s+(?<c>.{4,150})", RegexOptions.IgnoreCase)]
    private static partial Regex ForThisToWork();

    [GeneratedRegex(@"\buntil\s+you\s+(?:can|are\s+able\s+to)\s+(?<c>[^,;]{4,120})", RegexOptions.IgnoreCase)]
    private static partial Regex UntilYouCan();

    [GeneratedRegex(@"\b(?:won't|will\s+not|does\s+not|doesn't|do\s+not|cannot|can't)\s+(?:work|be\s+used|succeed|help)\s+(?:if|when|unless)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    private static partial Regex WontWorkIf();

    [GeneratedRegex(@"^(?:This|The)\s+(?:option|method|procedure|workaround|solution|approach)\s+(?:is\s+(?:useful|appropriate|recommended|best|preferred|required)\s+|works\s+(?:only\s+)?|applies\s+(?:only\s+)?|is\s+only\s+(?:available|possible)\s+)?(?:when|if)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    private static partial Regex ThisWorksWhen();
}
