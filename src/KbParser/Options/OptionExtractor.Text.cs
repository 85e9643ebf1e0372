using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>Reading titles and conditions out of an alternative's text.</summary>
internal static partial class OptionExtractor
{
    /// <summary>Conditions stated in a text: "Select/Use this option when X", "This method works only if X".</summary>
    private static List<ParsedCondition> ConditionsIn(string text, out string logic)
    {
        logic = "all";
        var result = new List<ParsedCondition>();
        foreach (var sentence in TextUtil.Sentences(text).Take(40))
        {
            var m = SelectThis().Match(sentence);
            if (!m.Success)
            {
                m = ThisWorksWhen().Match(sentence);
            }

            if (m.Success)
            {
                result.AddRange(ConditionParser.Parse(m.Groups["c"].Value, out var l));
                logic = l == "any" ? "any" : logic;
            }
        }

        return result;
    }

    /// <summary>"If you use X, do Y." gives title "Do Y." and condition "You use X"; else the first sentence and any stated conditions.</summary>
    private static (string Title, List<ParsedCondition> Conditions, string Logic) TitleAndConditions(string lead, string text)
    {
        var first = TextUtil.FirstSentence(lead);
        var m = LeadingIf().Match(first);
        if (m.Success)
        {
            var conditions = ConditionParser.Parse(m.Groups["c"].Value, out var logic);
            var rest = m.Groups["then"].Value.Trim();
            var title = rest.Length > 3 ? Title(TextUtil.UpperFirst(rest)) : Title(first);
            var more = ConditionsIn(text, out var l2);
            conditions.AddRange(more);
            return (title, conditions, logic == "any" || l2 == "any" ? "any" : "all");
        }

        var stated = ConditionsIn(text, out var l);
        return (Title(lead), stated, l);
    }

    private static string Title(string text) => BlockText.TitleOf(text);

    private static string FirstText(Block b) => b switch
    {
        ListBlock l when l.Items.Count > 0 => l.Items[0].Text,
        _ => BlockText.Of(b),
    };

    private static ParagraphBlock Paragraph(ListItem item) => new() { Lines = item.Lines, Text = item.Text };

    private static bool IsOr(Block b) => b is ParagraphBlock p && OrLine().IsMatch(p.Text);

    private static void MarkUsed(IEnumerable<Block> blocks, HashSet<Block> used)
    {
        foreach (var b in blocks)
        {
            used.Add(b);
            if (b is ListBlock l)
            {
                foreach (var item in l.Items)
                {
                    MarkUsed(item.Blocks, used);
                }
            }
        }
    }

    private static string KindOf(string word, string? sectionName)
    {
        var w = word.ToLowerInvariant();
        if (w.StartsWith("workaround", StringComparison.Ordinal))
        {
            return OptionKinds.Workaround;
        }

        if (w.StartsWith("option", StringComparison.Ordinal))
        {
            return OptionKinds.Option;
        }

        if (w.StartsWith("method", StringComparison.Ordinal) || w.StartsWith("way", StringComparison.Ordinal)
            || w.StartsWith("procedure", StringComparison.Ordinal) || w.StartsWith("solution", StringComparison.Ordinal))
        {
            return OptionKinds.Method;
        }

        return sectionName?.StartsWith("WORKAROUND", StringComparison.OrdinalIgnoreCase) == true ? OptionKinds.Workaround : OptionKinds.Method;
    }

    private static bool LooksLikeEnvironment(string s) =>
        s.Length is > 3 and < 100 && (s.StartsWith("Microsoft ", StringComparison.Ordinal) || s.StartsWith("Windows ", StringComparison.Ordinal)
            || s.StartsWith("For ", StringComparison.Ordinal) || s.StartsWith("MS-DOS", StringComparison.Ordinal));

    [GeneratedRegex(@"^(?<w>Method|METHOD|Option|OPTION|Solution|Workaround|WORKAROUND|Resolution|Procedure|Scenario)\s+(?:\d{1,2}|[A-H]|One|Two|Three|Four|Five|Six)\b")]
    private static partial Regex LeadWord();

    [GeneratedRegex(@"\b(?:Select|Choose|Use|Pick|Try|Apply|Run|Perform)\s+(?:this|these)\s+(?:option|method|procedure|approach|workaround|solution|resolution|setting|steps?)\s+(?:only\s+)?(?:when|if|whenever|where)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    private static partial Regex SelectThis();

    [GeneratedRegex(@"^(?:This|The)\s+(?:option|method|procedure|workaround|solution|approach)\s+(?:is\s+(?:useful|appropriate|recommended|best|preferred|required)\s+|works\s+(?:only\s+)?|applies\s+(?:only\s+)?|is\s+only\s+(?:available|possible)\s+)?(?:when|if)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    private static partial Regex ThisWorksWhen();

    [GeneratedRegex(@"\b(?:(?:one|either|any|each)\s+of\s+the\s+following(?:\s+(?<w>methods?|ways?|options?|workarounds?|procedures?|solutions?|approaches|resolutions?|alternatives?))?|the\s+following\s+(?<w>methods|workarounds|options|solutions|alternatives|ways))\b", RegexOptions.IgnoreCase)]
    private static partial Regex OneOfFollowing();

    [GeneratedRegex(@"^\s*-*\s*(?:or|OR|Or)\s*-*\s*$")]
    private static partial Regex OrLine();

    [GeneratedRegex(@"^If\s+(?<c>[^,]{4,200}?),\s+(?<then>.+)$")]
    private static partial Regex LeadingIf();
}
