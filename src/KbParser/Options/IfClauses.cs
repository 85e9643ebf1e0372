using System.Text.RegularExpressions;

namespace Kb.Parser.Options;

/// <summary>"If X, do Y" sentences: where the condition ends and whether the rest tells the reader what to do.</summary>
internal static partial class IfClauses
{
    /// <summary>A cheap test before <see cref="Split"/>: only text that starts with "If " can split.</summary>
    public static bool StartsWithIf(string text) => text.AsSpan().TrimStart().StartsWith("If ", StringComparison.Ordinal);

    /// <summary>
    /// Splits "If X, Y" at the comma where the consequent starts ("if you want VGA but not EGA, HERC, or OGA, link ..."
    /// splits before "link"); null when the sentence does not open with "If".
    /// </summary>
    public static (string Condition, string Then)? Split(string sentence)
    {
        if (!sentence.StartsWith("If ", StringComparison.Ordinal) || sentence.Length > 600)
        {
            return null;
        }

        int first = -1, comma = 2;
        while ((comma = sentence.IndexOf(',', comma + 1)) > 0 && comma < 400)
        {
            if (comma < 6)
            {
                continue;
            }

            first = first < 0 ? comma : first;
            var rest = sentence.AsSpan(comma + 1).TrimStart();
            var end = rest.IndexOfAny(' ', ',', '.');
            var word = (end < 0 ? rest : rest[..end]).ToString();
            if (ConsequentStarts.Contains(word))
            {
                return (sentence[3..comma], sentence[(comma + 1)..]);
            }
        }

        return first > 0 && first - 3 <= 200 ? (sentence[3..first], sentence[(first + 1)..]) : null;
    }

    /// <summary>True when a consequent tells the reader what to do ("link with X", "you can use Y", "then click Z").</summary>
    public static bool IsAction(string clause)
    {
        var words = clause.TrimStart().Split([' ', ','], 4, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var i = words[0].Equals("then", StringComparison.OrdinalIgnoreCase) && words.Length > 1 ? 1 : 0;
        if (Imperatives.Contains(words[i]))
        {
            return true;
        }

        return words[i].Equals("you", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Length
            && words[i + 1].ToLowerInvariant() is "can" or "should" or "must" or "may" or "might" or "need" or "could" or "will" or "have";
    }

    /// <summary>True when a sentence opens with an instruction ("To ...", "Use ...", "Install ...").</summary>
    public static bool StartsWithAction(string sentence)
    {
        var end = sentence.IndexOfAny([' ', ',']);
        var word = end < 0 ? sentence : sentence[..end];
        return word is "To" or "Use" || (ConsequentStarts.Contains(word) && char.IsUpper(word[0])
            && word is not ("You" or "The" or "It" or "This" or "There" or "Your" or "A" or "An" or "Windows" or "Microsoft" or "Setup"));
    }

    /// <summary>The sentences of a paragraph that open with a condition ("If you ...,", "However, if ...,").</summary>
    public static List<string> Sentences(string text)
    {
        var result = new List<string>();
        if (!text.StartsWith("If ", StringComparison.Ordinal) && !text.Contains(". If ", StringComparison.Ordinal)
            && !text.Contains(", if ", StringComparison.Ordinal))
        {
            return result;
        }

        foreach (var sentence in TextUtil.Sentences(text).Take(20))
        {
            if (OptionPatterns.Fallback().IsMatch(sentence))
            {
                // "If the problem persists, ..." continues the previous alternative.
                continue;
            }

            var s = IfOpener().Replace(sentence, "", 1);
            if (s.Length != sentence.Length || sentence.StartsWith("If ", StringComparison.Ordinal))
            {
                s = TextUtil.UpperFirst(s);
                if (Split(s) is not null)
                {
                    result.Add(s);
                }
            }
        }

        return result;
    }

    [GeneratedRegex(@"^(?:However|Otherwise|Alternatively|Or|And|But|Also|Similarly|Likewise),?\s+(?=if\s)", RegexOptions.IgnoreCase)]
    private static partial Regex IfOpener();

    private static readonly HashSet<string> Imperatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "use", "link", "click", "run", "type", "set", "install", "remove", "add", "change", "delete", "copy", "open", "select",
        "choose", "see", "restart", "contact", "obtain", "apply", "follow", "make", "create", "edit", "rename", "start", "call",
        "upgrade", "download", "check", "verify", "specify", "turn", "press", "enter", "do", "go", "log", "logon", "reinstall",
        "uninstall", "disable", "enable", "configure", "move", "replace", "modify", "save", "close", "quit", "exit", "stop",
        "reboot", "load", "insert", "define", "declare", "compile", "pass", "place", "refer", "read", "consult", "try",
        "increase", "decrease", "assign", "connect", "map", "share", "grant", "give", "skip", "ignore", "include", "omit",
        "leave", "keep", "put", "rebuild", "reset", "clear", "unlink", "merge", "restore", "reapply", "update", "convert",
        "switch", "boot", "extract", "expand", "drag", "double-click", "right-click", "point", "wait", "ask", "purchase", "order",
        "perform", "consider", "troubleshoot", "reformat", "format", "send", "print", "avoid", "allow", "find", "locate", "register",
    };

    private static readonly HashSet<string> ConsequentStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "you", "the", "it", "this", "there", "then", "use", "link", "click", "run", "type", "set", "install", "remove", "add",
        "change", "delete", "copy", "open", "select", "choose", "see", "restart", "contact", "obtain", "apply", "follow", "make",
        "create", "edit", "rename", "start", "call", "upgrade", "download", "check", "verify", "specify", "turn", "press",
        "enter", "do", "go", "log", "reinstall", "uninstall", "disable", "enable", "configure", "move", "replace", "modify",
        "save", "close", "quit", "exit", "stop", "reboot", "load", "insert", "define", "declare", "compile", "pass", "place",
        "refer", "read", "consult", "try", "increase", "decrease", "assign", "connect", "map", "share", "grant", "give",
        "your", "a", "an", "windows", "setup", "microsoft", "skip", "ignore", "include", "omit", "leave", "keep", "put",
    };
}
