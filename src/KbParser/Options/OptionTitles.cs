namespace Kb.Parser.Options;

/// <summary>An alternative's title as the spec defines it, and the conditions its lead sentence carries.</summary>
internal static class OptionTitles
{
    /// <summary>
    /// "If you use X, do Y." keeps that whole sentence as title (the spec keeps a title's condition prefix) and gives
    /// condition "You use X"; otherwise the first sentence and any stated conditions.
    /// </summary>
    public static (string Title, List<ParsedCondition> Conditions, string Logic) WithConditions(string lead, string text)
    {
        var first = TextUtil.FirstSentence(lead);
        if (IfClauses.Split(first) is var (condition, _))
        {
            var conditions = ConditionParser.Parse(condition, out var logic);
            var more = StatedConditions.In(text, out var l2);
            conditions.AddRange(more);
            return (Of(lead), conditions, logic == "any" || l2 == "any" ? "any" : "all");
        }

        var stated = StatedConditions.In(text, out var l);
        if (OptionPatterns.SelectThis().Match(first) is { Success: true, Index: 0 } && lead.Length > first.Length + 3)
        {
            // "Use this option if X. Do Y." names the option in its second sentence.
            return (Of(lead[first.Length..].Trim()), stated, l);
        }

        return (Of(lead), stated, l);
    }

    /// <summary>
    /// The first sentence, verbatim, skipping notes, warnings and the registry editor's standard caution, ending at
    /// the sentence end.
    /// </summary>
    public static string Of(string text)
    {
        foreach (var sentence in TextUtil.Sentences(text).Take(8))
        {
            if (!OptionPatterns.Boilerplate().IsMatch(sentence))
            {
                return BlockText.TitleOf(sentence);
            }
        }

        return BlockText.TitleOf(text);
    }
}
