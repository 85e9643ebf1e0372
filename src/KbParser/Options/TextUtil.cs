using System.Text;

namespace Kb.Parser.Options;

/// <summary>Small text helpers for option extraction: sentences, plain text of blocks, content words.</summary>
internal static class TextUtil
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "from", "is", "are", "be",
        "this", "that", "these", "those", "it", "its", "you", "your", "if", "when", "then", "as", "into", "can",
        "do", "does", "not", "no", "was", "were", "will", "has", "have", "had", "use", "using", "following",
    };

    /// <summary>The first sentence of a text (up to ". " followed by a capital, or the end), at most 600 characters.</summary>
    public static string FirstSentence(string text)
    {
        var t = text.AsSpan().Trim();
        var newline = t.IndexOf('\n');
        if (newline > 0)
        {
            t = t[..newline].TrimEnd();
        }

        var n = SentenceLength(t);
        if (n > 0)
        {
            return StringOf(text, t[..n]);
        }

        return t.Length <= 600 ? StringOf(text, t) : string.Concat(t[..600].TrimEnd(), "...");
    }

    /// <summary>
    /// Length of the first sentence of a trimmed line: up to ". ", "! " or "? " before a capital or a quote,
    /// looked for in the first 600 characters; 0 when there is none.
    /// </summary>
    private static int SentenceLength(ReadOnlySpan<char> t)
    {
        var limit = Math.Min(t.Length - 2, 600);
        for (var i = 0; i < limit; i++)
        {
            var next = t[i..limit].IndexOfAny(SentenceEnds);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (t[i + 1] == ' ' && (char.IsUpper(t[i + 2]) || t[i + 2] == '"'))
            {
                // Not after an abbreviation such as "e.g." or a single capital ("Windows NT 4.0. Use").
                var word = t[(t[..i].LastIndexOf(' ') + 1)..i];
                // A version number ends a sentence when a capital follows ("version 2.0. For ..."); "e.g." does not.
                if (word is "etc" or "Dr" or "Mr" or "vs" or "approx" or "No" or "Vol" || (word.Contains('.') && !IsVersion(word))
                    || (word.Length == 1 && char.IsUpper(word[0])))
                {
                    continue;
                }

                return i + 1;
            }
        }

        return 0;
    }

    private static bool IsVersion(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c) && c is not '.' and not 'x' and not 'X')
            {
                return false;
            }
        }

        return word.Length > 0 && char.IsAsciiDigit(word[0]);
    }

    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".!?");

    /// <summary>The slice as a string, reusing the source string when the slice is all of it.</summary>
    private static string StringOf(string source, ReadOnlySpan<char> slice) =>
        slice.Length == source.Length ? source : slice.ToString();

    /// <summary>Splits prose into sentences.</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        // Lines are taken one at a time, and sentences as offsets into the text: callers usually want only
        // the first few sentences of a long text, and copying the rest of a line per sentence would be quadratic.
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var (from, to) = Trimmed(text, start, end);
            for (var guard = 0; from < to && guard < 200; guard++)
            {
                var length = to - from;
                var n = SentenceLength(text.AsSpan(from, length));
                if (n == 0 && length <= 300)
                {
                    yield return text.Substring(from, to - from);
                    break;
                }

                if (n == 0)
                {
                    // No sentence end in the first 300 characters: a cut-off piece, or the whole line when that cut is clean.
                    var cut = text.AsSpan(from, 300).TrimEnd().Length;
                    if (cut + 3 > 300)
                    {
                        yield return text.Substring(from, to - from);
                        break;
                    }

                    yield return string.Concat(text.AsSpan(from, cut), "...");
                    n = Math.Min(cut + 3, length);
                }
                else
                {
                    yield return text.Substring(from, n);
                }

                (from, _) = Trimmed(text, from + n, to);
            }

            start = end + 1;
        }
    }

    private static (int From, int To) Trimmed(string text, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        while (to > from && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        return (from, to);
    }

    /// <summary>Lower-cased content words with a crude plural/verb ending stripped: a key for comparing ideas.</summary>
    public static HashSet<string> ContentWords(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var ch in text + " ")
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
                continue;
            }

            if (sb.Length > 0)
            {
                var w = sb.ToString();
                sb.Clear();
                if (!StopWords.Contains(w))
                {
                    set.Add(Stem(w));
                }
            }
        }

        return set;
    }

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var inter = a.Count(b.Contains);
        return inter / (double)(a.Count + b.Count - inter);
    }

    private static string Stem(string w)
    {
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            return w[..^3];
        }

        if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        return w;
    }

    public static string UpperFirst(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string TrimSentenceEnd(string s) => s.Trim().TrimEnd('.', ';', ':', ',', ' ').Trim();
}
