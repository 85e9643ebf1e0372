using System.Text.RegularExpressions;

namespace Kb.Parser.Options;

/// <summary>Conditions an alternative's own text states: "Select/Use this option when X", "This method works only if X".</summary>
internal static partial class StatedConditions
{
    private static readonly System.Buffers.SearchValues<string> ConditionCues = System.Buffers.SearchValues.Create(
        ["this ", "these ", "the following", "until ", "work", "chosen", "selected", " used", "applied", "succeed", "help",
            "the method", "the option", "the procedure", "the workaround", "the solution", "the approach", "that method", "that option"],
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

            if (OptionPatterns.UseThisTo().Match(sentence) is { Success: true } purpose)
            {
                result.Add(new ParsedCondition("You want to " + TextUtil.TrimSentenceEnd(purpose.Groups["p"].Value), true, purpose.Groups["p"].Value));
            }
        }

        return result;
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
        return sentence is not null && IfClauses.Split(sentence) is { } split && IfClauses.IsAction(split.Then) && !OptionPatterns.Fallback().IsMatch(sentence)
            ? ConditionParser.Parse(split.Condition, out _)
            : [];
    }

    [GeneratedRegex(@"^If\s+(?<c>[^,]{4,200}),\s+(?:then\s+)?(?:(?:this|the|that)\s+(?:method|option|procedure|workaround|solution|approach|step)\s+(?:\w+\s+)?(?<neg>won't|will\s+not|does\s+not|doesn't|cannot|can't|may\s+not)\s+(?:work|help|succeed|be\s+used)|(?:use|try|choose|select|follow)\s+(?:this|the\s+following|these)\s+(?:method|option|procedure|steps|workaround))", RegexOptions.IgnoreCase)]
    private static partial Regex IfThenThisMethod();

    [GeneratedRegex(@"\bFor\s+(?:this|the|that)\s+(?:method|option|workaround|procedure|solution)\s+to\s+work,\s+you\s+(?:must|need\s+to|have\s+to|should)\s+(?<c>.{4,150})", RegexOptions.IgnoreCase)]
    private static partial Regex ForThisToWork();

    [GeneratedRegex(@"\buntil\s+you\s+(?:can|are\s+able\s+to)\s+(?<c>[^,;]{4,120})", RegexOptions.IgnoreCase)]
    private static partial Regex UntilYouCan();

    [GeneratedRegex(@"\b(?:won't|will\s+not|does\s+not|doesn't|do\s+not|cannot|can't)\s+(?:work|be\s+used|succeed|help)\s+(?:if|when|unless)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    private static partial Regex WontWorkIf();

    [GeneratedRegex(@"^(?:This|The)\s+(?:option|method|procedure|workaround|solution|approach)\s+(?:is\s+(?:useful|appropriate|recommended|best|preferred|required)\s+|works\s+(?:only\s+)?|applies\s+(?:only\s+)?|is\s+only\s+(?:available|possible)\s+)?(?:when|if)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    private static partial Regex ThisWorksWhen();
}
