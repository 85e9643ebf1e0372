using System.Text.RegularExpressions;

namespace Kb.Parser.Options;

/// <summary>
/// "Use Method 1 to ... Use Method 2 if ..." summarises numbered methods described later: the summary's conditions
/// join the method it names, and the summary is not an option of its own.
/// </summary>
internal static partial class OverviewMerge
{
    public static void Apply(List<OptionCandidate> found)
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

    [GeneratedRegex(@"^(?:Use\s+|Try\s+|With\s+)?(?<l>(?:Method|Option|Solution|Workaround)\s+\d{1,2})\b\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Overview();
}
