namespace Kb.Index.Analysis;

/// <summary>
/// Finds abbreviations that articles define in passing, "Visual FoxPro (VFP)", "Windows for
/// Workgroups (WFW)": a parenthesised capitalised word whose letters are the initials of the words
/// just before it (capitals inside a word count, as in FoxPro; small words may or may not count).
/// Learned over the corpus, they let a query word find the spelled-out name the articles use.
/// </summary>
public static class Definitions
{
    private const int MaxWords = 6;
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal) { "for", "of", "and", "the", "to", "on", "in" };

    /// <summary>Abbreviation (lower case) and its expansion (the words as written), at most <paramref name="limit"/>.</summary>
    public static List<(string Abbreviation, string Expansion)> Find(string text, int limit = 8)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(string, string)>();
        for (var open = text.IndexOf('(', StringComparison.Ordinal); open >= 0 && found.Count < limit; open = text.IndexOf('(', open + 1))
        {
            var close = text.IndexOf(')', open + 1);
            if (close < 0 || close - open - 1 is < 2 or > 8)
            {
                continue;
            }

            var abbr = text.AsSpan(open + 1, close - open - 1);
            if (!IsAbbreviation(abbr))
            {
                continue;
            }

            var letters = string.Concat(abbr.ToString().Where(char.IsLetter)).ToLowerInvariant();
            var before = text[Math.Max(0, open - 80)..open].Split([' ', '\n', '\t', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
            var expansion = Match(before, letters);
            if (expansion is not null)
            {
                found.Add((abbr.ToString().ToLowerInvariant(), expansion));
            }
        }

        return found;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> s)
    {
        var upper = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            upper += char.IsAsciiLetterUpper(c) ? 1 : 0;
        }

        return upper >= 2 && char.IsAsciiLetterUpper(s[0]);
    }

    /// <summary>The shortest run of words ending just before the parenthesis whose initials spell <paramref name="letters"/>.</summary>
    private static string? Match(string[] words, string letters)
    {
        for (var k = 1; k <= Math.Min(MaxWords, words.Length); k++)
        {
            var run = words[^k..];
            if (!char.IsUpper(run[0][0]))
            {
                continue;
            }

            if (Spells(run, 0, letters, 0))
            {
                return string.Join(' ', run);
            }
        }

        return null;
    }

    private static bool Spells(string[] run, int word, string letters, int at)
    {
        if (word == run.Length)
        {
            return at == letters.Length;
        }

        var w = run[word];
        if (SmallWords.Contains(w) && Spells(run, word + 1, letters, at))
        {
            return true;
        }

        // A word gives its first letter, or all its capitals (FoxPro -> fp, NetWare -> nw).
        var capitals = string.Concat(w.Where(char.IsUpper)).ToLowerInvariant();
        foreach (var initials in new[] { char.ToLowerInvariant(w[0]).ToString(), capitals })
        {
            if (initials.Length > 0 && string.CompareOrdinal(letters, at, initials, 0, initials.Length) == 0 && at + initials.Length <= letters.Length
                && Spells(run, word + 1, letters, at + initials.Length))
            {
                return true;
            }
        }

        return false;
    }
}
