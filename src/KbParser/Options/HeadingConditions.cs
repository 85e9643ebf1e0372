using System.Text.RegularExpressions;

namespace Kb.Parser.Options;

/// <summary>Conditions a heading states: "If You Have Already Restarted", "Use This Method When ...", "(Windows NT 4.0 Only)".</summary>
internal static partial class HeadingConditions
{
    public static List<ParsedCondition> Of(string heading) => Of(heading, out _);

    public static List<ParsedCondition> Of(string heading, out string logic)
    {
        logic = "all";
        var h = TextUtil.TrimSentenceEnd(heading);
        if (h.StartsWith("If ", StringComparison.OrdinalIgnoreCase) || h.StartsWith("When ", StringComparison.OrdinalIgnoreCase))
        {
            return ConditionParser.Parse(LowerWords(h[(h.IndexOf(' ', StringComparison.Ordinal) + 1)..]), out logic);
        }

        var m = OptionPatterns.SelectThis().Match(h);
        if (m.Success)
        {
            return ConditionParser.Parse(LowerWords(m.Groups["c"].Value), out logic);
        }

        // "(For FoxPro 2.x Only)", "For Windows NT", "Windows 95 Only": the heading scopes the option to an environment.
        var scope = HeadingScope().Match(h);
        if (scope.Success && scope.Groups["x"].Value.Trim() is { Length: >= 2 } x && char.IsUpper(x[0]))
        {
            var parts = x.Split([" or ", ", "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            logic = parts.Length > 1 ? "any" : "all";
            return parts.Select(part => new ParsedCondition("You are using " + part, true, scope.Value.Trim().Trim('(', ')'))).ToList();
        }

        // "Remove and Reinstall the Drivers in Windows 98": a heading that ends on a platform scopes its option to it.
        var platform = TrailingPlatform().Match(h);
        if (platform.Success)
        {
            var named = platform.Groups["x"].Value;
            return [new ParsedCondition("You are using " + named, true, named)];
        }

        return [];
    }

    /// <summary>A heading that names a product or platform ("Microsoft Mail for PC Networks", "For Windows 95").</summary>
    public static bool LooksLikeEnvironment(string s) =>
        s.Length is > 3 and < 100 && (s.StartsWith("Microsoft ", StringComparison.Ordinal) || s.StartsWith("Windows ", StringComparison.Ordinal)
            || s.StartsWith("For ", StringComparison.Ordinal) || s.StartsWith("MS-DOS", StringComparison.Ordinal));

    [GeneratedRegex(@"\((?:For\s+)?(?<x>[^()]{2,60}?)(?:\s+[Oo]nly)?\)\s*$|^For\s+(?<x>[A-Z][^,;:]{1,60}?)(?:\s+[Oo]nly)?$|^(?<x>[A-Z][^,;:]{1,60}?)\s+[Oo]nly$")]
    private static partial Regex HeadingScope();

    [GeneratedRegex(@"\s(?:in|on|under)\s+(?<x>(?:Microsoft\s+)?(?:Windows|MS-DOS|Macintosh|OS/2|Win32|Win16)(?:\s+(?:NT|95|98|Me|2000|XP|Server|Workstation|for\s+Workgroups|[0-9][0-9.x]*))*)$")]
    private static partial Regex TrailingPlatform();

    /// <summary>Headings capitalise every word; conditions read better in sentence case ("You Have Not" -> "you have not").</summary>
    private static string LowerWords(string s)
    {
        var words = s.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length > 1 && char.IsUpper(w[0]) && w[1..].All(char.IsLower) && ConditionWords.Contains(w))
            {
                words[i] = w.ToLowerInvariant();
            }
        }

        return string.Join(' ', words);
    }

    private static readonly HashSet<string> ConditionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "you", "have", "has", "not", "yet", "already", "are", "is", "the", "a", "an", "using", "running", "want", "need", "to",
        "your", "when", "if", "error", "appears", "do", "does", "can", "cannot", "computer", "restarted", "installed", "of", "on",
        "in", "with", "and", "or", "after", "before", "file", "files", "server", "client", "message", "problem", "occurs",
    };
}
