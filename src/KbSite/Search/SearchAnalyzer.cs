namespace Kb.Site.Search;

/// <summary>
/// The static search's analysis, mirrored exactly by <c>assets/kb-search.js</c>: lower-case ASCII
/// letters and digits make tokens (a '.' between two digits stays, so "4.0" is one token),
/// English stop words are dropped and a minimal plural stemmer is applied.
/// </summary>
public static class SearchAnalyzer
{
    /// <summary>Tokens longer than this are cut (long hex strings and encodings say nothing).</summary>
    public const int MaxTokenLength = 40;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
        "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
        "they", "this", "to", "was", "will", "with",
    };

    /// <summary>Calls <paramref name="emit"/> for each term of the text, in order.</summary>
    public static void Analyze(string text, Action<string> emit)
    {
        ArgumentNullException.ThrowIfNull(emit);
        Scan(text, t =>
        {
            if (!StopLookup.Contains(t))
            {
                emit(new string(t));
            }
        });
    }

    /// <summary>Adds <paramref name="weight"/> to the count of each term of the text, allocating only new terms.</summary>
    public static void Count(string? text, int weight, Dictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Scan(text, t =>
        {
            if (StopLookup.Contains(t))
            {
                return;
            }

            if (lookup.TryGetValue(t, out var n))
            {
                lookup[t] = n + weight;
            }
            else
            {
                counts[new string(t)] = weight;
            }
        });
    }

    /// <summary>Adds <paramref name="weight"/> to the count of each term of the text, by term number.</summary>
    internal static void Count(string? text, int weight, Dictionary<int, int> counts, SearchTermTable table)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Scan(text, t =>
        {
            // Every stop word is at most 5 characters: longer tokens skip the set.
            if (t.Length <= 5 && StopLookup.Contains(t))
            {
                return;
            }

            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, table.Id(t), out _) += weight;
        });
    }

    private delegate void SpanAction(ReadOnlySpan<char> term);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static void Scan(string text, SpanAction emit)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> buffer = stackalloc char[MaxTokenLength];
        var len = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (c is >= 'A' and <= 'Z')
            {
                c = (char)(c + 32);
            }

            var word = c is >= 'a' and <= 'z' or >= '0' and <= '9';
            var innerDot = c == '.' && len > 0 && char.IsAsciiDigit(buffer[len - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);
            if (word || innerDot)
            {
                if (len < MaxTokenLength)
                {
                    buffer[len++] = c;
                }

                continue;
            }

            if (len > 0)
            {
                emit(buffer[..Stem(buffer[..len])]);
                len = 0;
            }
        }
    }

    /// <summary>The terms of a text as a list (tests and queries).</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var list = new List<string>();
        Analyze(text, list.Add);
        return list;
    }

    /// <summary>A minimal English plural stemmer: "sites" to "site", "queries" to "query"; the new length.</summary>
    internal static int Stem(Span<char> s)
    {
        var len = s.Length;
        if (len < 3 || s[len - 1] != 's' || char.IsAsciiDigit(s[0]))
        {
            return len;
        }

        switch (s[len - 2])
        {
            case 'u':
            case 's':
                return len;
            case 'e':
                if (len > 3 && s[len - 3] == 'i' && s[len - 4] != 'a' && s[len - 4] != 'e')
                {
                    s[len - 3] = 'y';
                    return len - 2;
                }

                if (s[len - 3] is 'i' or 'a' or 'o' or 'e')
                {
                    return len;
                }

                return len - 1;
            default:
                return len - 1;
        }
    }
}
