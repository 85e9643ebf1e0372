using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>
/// A note anywhere in the article that ties a situation to numbered options ("If you want to open the document
/// in Word 2.x, use either Method 2 or Method 3.", "Use Method 1 only if X") gives those options the condition.
/// The spec's "a note tied to the option"; the other options are left alone (what the note implies is not stated).
/// </summary>
internal static partial class NoteTies
{
    public static void Apply(ArticleRecord record, List<OptionCandidate> found)
    {
        if (!found.Any(c => c.Label is not null))
        {
            return;
        }

        foreach (var section in record.Sections)
        {
            foreach (var block in BlockWalker.All(section))
            {
                var text = block switch
                {
                    ParagraphBlock p => p.Text,
                    NoteBlock n => n.Text,
                    _ => null,
                };
                if (text is null || !text.Contains("ethod", StringComparison.Ordinal) && !text.Contains("ption", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var sentence in TextUtil.Sentences(text))
                {
                    Tie(sentence, found);
                }
            }
        }
    }

    private static void Tie(string sentence, List<OptionCandidate> found)
    {
        var m = IfUse().Match(sentence);
        if (!m.Success)
        {
            m = UseIf().Match(sentence);
        }

        if (!m.Success)
        {
            return;
        }

        var word = m.Groups["w"].Value;
        var numbers = Number().Matches(m.Groups["labels"].Value).Select(n => n.Value).ToHashSet(StringComparer.Ordinal);
        var conditions = ConditionParser.Parse(m.Groups["c"].Value, out _);
        if (conditions.Count == 0)
        {
            return;
        }

        for (var i = 0; i < found.Count; i++)
        {
            var c = found[i];
            if (c.Label is not { } label || !label.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                || !numbers.Contains(Number().Match(label).Value))
            {
                continue;
            }

            var add = conditions.Where(x => !c.Conditions.Any(y => string.Equals(x.Statement, y.Statement, StringComparison.OrdinalIgnoreCase))).ToList();
            if (add.Count > 0)
            {
                found[i] = c with { Conditions = [.. c.Conditions, .. add] };
            }
        }
    }

    [GeneratedRegex(@"\bIf\s+(?<c>[^,;]{4,200}),\s+(?:then\s+)?(?:you\s+(?:should|must|can|may)\s+)?(?:use|try|follow|choose|perform|see)\s+(?:either\s+|only\s+)?(?<labels>(?<w>Method|Option)s?\s+\d{1,2}(?:\s*(?:,|or|and)\s*(?:(?:Method|Option)\s+)?\d{1,2})*)", RegexOptions.IgnoreCase)]
    private static partial Regex IfUse();

    [GeneratedRegex(@"^(?:Use|Try|Choose|Follow|Perform)\s+(?<labels>(?<w>Method|Option)s?\s+\d{1,2}(?:\s*(?:,|or|and)\s*(?:(?:Method|Option)\s+)?\d{1,2})*)\s+(?:only\s+)?(?:if|when)\s+(?<c>[^;]{4,200})", RegexOptions.IgnoreCase)]
    private static partial Regex UseIf();

    [GeneratedRegex(@"\d{1,2}")]
    private static partial Regex Number();
}
