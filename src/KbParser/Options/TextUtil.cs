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

    /// <summary>The first sentence of a text (up to ". " followed by a capital, or the end), at most 300 characters.</summary>
    public static string FirstSentence(string text)
    {
        var t = text.Trim();
        var newline = t.IndexOf('\n', StringComparison.Ordinal);
        if (newline > 0)
        {
            t = t[..newline].TrimEnd();
        }

        for (var i = 0; i < t.Length - 2 && i < 300; i++)
        {
            if (t[i] is '.' or '!' or '?' && t[i + 1] == ' ' && (char.IsUpper(t[i + 2]) || t[i + 2] == '"'))
            {
                // Not after an abbreviation such as "e.g." or a single capital ("Windows NT 4.0. Use").
                var wordStart = t.LastIndexOf(' ', i) + 1;
                var word = t[wordStart..i];
                if (word is "etc" or "Dr" or "Mr" or "vs" or "approx" or "No" or "Vol" || word.Contains('.', StringComparison.Ordinal)
                    || (word.Length == 1 && char.IsUpper(word[0])))
                {
                    continue;
                }

                return t[..(i + 1)];
            }
        }

        return t.Length <= 300 ? t : t[..300].TrimEnd() + "...";
    }

    /// <summary>Splits prose into sentences.</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        // Lines are taken one at a time: callers usually want only the first few sentences of a long text.
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            if (end > start)
            {
                foreach (var s in SentencesOfLine(text[start..end]))
                {
                    yield return s;
                }
            }

            start = end + 1;
        }
    }

    private static IEnumerable<string> SentencesOfLine(string text)
    {
        var rest = text.Trim();
        var guard = 0;
        while (rest.Length > 0 && guard++ < 200)
        {
            var s = FirstSentence(rest);
            if (s.EndsWith("...", StringComparison.Ordinal) && s.Length > 300)
            {
                yield return rest;
                yield break;
            }

            yield return s;
            rest = rest[Math.Min(s.Length, rest.Length)..].TrimStart();
        }
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
