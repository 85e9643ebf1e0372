using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>Reading titles and conditions out of an alternative's text.</summary>
internal static partial class OptionExtractor
{
    private static readonly System.Buffers.SearchValues<string> ConditionCues = System.Buffers.SearchValues.Create(
        ["this ", "these ", "the following", "until ", "work", "chosen", "selected", " used", "applied", "succeed", "help",
            "the method", "the option", "the procedure", "the workaround", "the solution", "the approach", "that method", "that option"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Conditions stated in a text: "Select/Use this option when X", "This method works only if X".</summary>
    private static List<ParsedCondition> ConditionsIn(string text, out string logic)
    {
        logic = "all";
        var result = new List<ParsedCondition>();
        foreach (var sentence in TextUtil.Sentences(text).Take(40))
        {
            // Every pattern below needs one of these words; most sentences have none.
            if (sentence.AsSpan().IndexOfAny(ConditionCues) < 0)
            {
                continue;
            }

            var m = SelectThis().Match(sentence);
            if (!m.Success)
            {
                m = ThisWorksWhen().Match(sentence);
            }

            if (!m.Success)
            {
                m = ChosenWhen().Match(sentence);
            }

            if (m.Success)
            {
                result.AddRange(ConditionParser.Parse(m.Groups["c"].Value, out var l));
                logic = l == "any" ? "any" : logic;
                continue;
            }

            if (IfThenThisMethod().Match(sentence) is { Success: true } ifm)
            {
                // "If you can't start X, this method won't work" / "If you use X, use this method".
                var negative = ifm.Groups["neg"].Success;
                result.AddRange(ConditionParser.Parse(ifm.Groups["c"].Value, out _).Select(c => negative ? c with { Expect = !c.Expect } : c));
                continue;
            }

            if (ForThisToWork().Match(sentence) is { Success: true } need)
            {
                // "For this method to work, you must keep X" -> "You can keep X".
                result.Add(new ParsedCondition("You can " + TextUtil.TrimSentenceEnd(need.Groups["c"].Value), true, need.Value));
                continue;
            }

            if (UntilYouCan().Match(sentence) is { Success: true } until)
            {
                // "... until you can apply the update": this is for when you cannot (yet).
                result.Add(new ParsedCondition("You can " + TextUtil.TrimSentenceEnd(until.Groups["c"].Value), false, until.Value));
                continue;
            }

            if (WontWorkIf().Match(sentence) is { Success: true } w)
            {
                // "This method won't work if you can't start X": the method needs the opposite.
                result.AddRange(ConditionParser.Parse(w.Groups["c"].Value, out _).Select(c => c with { Expect = !c.Expect }));
                continue;
            }

            if (UseThisTo().Match(sentence) is { Success: true } purpose)
            {
                result.Add(new ParsedCondition("You want to " + TextUtil.TrimSentenceEnd(purpose.Groups["p"].Value), true, purpose.Groups["p"].Value));
            }
        }

        return result;
    }

    /// <summary>Conditions a heading states: "If You Have Already Restarted", "Use This Method When the Error Appears".</summary>
    private static List<ParsedCondition> HeadingConditions(string heading) => HeadingConditions(heading, out _);

    private static List<ParsedCondition> HeadingConditions(string heading, out string logic)
    {
        logic = "all";
        var h = TextUtil.TrimSentenceEnd(heading);
        if (h.StartsWith("If ", StringComparison.OrdinalIgnoreCase) || h.StartsWith("When ", StringComparison.OrdinalIgnoreCase))
        {
            return ConditionParser.Parse(LowerWords(h[(h.IndexOf(' ', StringComparison.Ordinal) + 1)..]), out logic);
        }

        var m = SelectThis().Match(h);
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

        return [];
    }

    [GeneratedRegex(@"\((?:For\s+)?(?<x>[^()]{2,60}?)(?:\s+[Oo]nly)?\)\s*$|^For\s+(?<x>[A-Z][^,;:]{1,60}?)(?:\s+[Oo]nly)?$|^(?<x>[A-Z][^,;:]{1,60}?)\s+[Oo]nly$")]
    private static partial Regex HeadingScope();

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

    /// <summary>The condition of the sentence that introduces a set of alternatives ("If X, use one of the following").</summary>
    private static List<ParsedCondition> IntroConditions(string intro)
    {
        var sentence = TextUtil.Sentences(intro).FirstOrDefault(s => OneOfFollowing().IsMatch(s));
        return sentence is not null && SplitIf(sentence) is { } split && IsAction(split.Then) && !Fallback().IsMatch(sentence)
            ? ConditionParser.Parse(split.Condition, out _)
            : [];
    }

    /// <summary>A first paragraph that opens "If you X, do Y" conditions its option on X.</summary>
    private static List<ParsedCondition> LeadConditions(Block? first)
    {
        if (first is not ParagraphBlock p || !StartsWithIf(p.Text) || SplitIf(TextUtil.FirstSentence(p.Text)) is not { } split
            || !IsAction(split.Then))
        {
            return [];
        }

        return ConditionParser.Parse(split.Condition, out _);
    }

    /// <summary>
    /// "If you use X, do Y." keeps that whole sentence as title (the spec keeps a title's condition prefix) and gives
    /// condition "You use X"; otherwise the first sentence and any stated conditions.
    /// </summary>
    private static (string Title, List<ParsedCondition> Conditions, string Logic) TitleAndConditions(string lead, string text)
    {
        var first = TextUtil.FirstSentence(lead);
        if (SplitIf(first) is var (condition, _))
        {
            var conditions = ConditionParser.Parse(condition, out var logic);
            var more = ConditionsIn(text, out var l2);
            conditions.AddRange(more);
            return (Title(lead), conditions, logic == "any" || l2 == "any" ? "any" : "all");
        }

        var stated = ConditionsIn(text, out var l);
        if (SelectThis().Match(first) is { Success: true, Index: 0 } && lead.Length > first.Length + 3)
        {
            // "Use this option if X. Do Y." names the option in its second sentence.
            return (Title(lead[first.Length..].Trim()), stated, l);
        }

        return (Title(lead), stated, l);
    }

    /// <summary>
    /// The alternative's title as the spec defines it: its first sentence, verbatim, skipping notes, warnings and
    /// the registry editor's standard caution, ending at the sentence end.
    /// </summary>
    private static string Title(string text)
    {
        foreach (var sentence in TextUtil.Sentences(text).Take(8))
        {
            if (!Boilerplate().IsMatch(sentence))
            {
                return BlockText.TitleOf(sentence);
            }
        }

        return BlockText.TitleOf(text);
    }

    [GeneratedRegex(@"^(?:NOTE|Note|WARNING|Warning|CAUTION|Caution|IMPORTANT|Important)\b|^(?:Using|Use) Registry Editor incorrectly|^Microsoft cannot guarantee|^Use Registry Editor at your own risk|^For (?:more|additional) information")]
    private static partial Regex Boilerplate();

    private static bool StartsWithAction(string sentence)
    {
        var end = sentence.IndexOfAny([' ', ',']);
        var word = end < 0 ? sentence : sentence[..end];
        return word is "To" or "Use" || (ConsequentStarts.Contains(word) && char.IsUpper(word[0])
            && word is not ("You" or "The" or "It" or "This" or "There" or "Your" or "A" or "An" or "Windows" or "Microsoft" or "Setup"));
    }

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

    /// <summary>True when a consequent tells the reader what to do ("link with X", "you can use Y", "then click Z").</summary>
    private static bool IsAction(string clause)
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

    /// <summary>
    /// Splits "If X, Y" at the comma where the consequent starts ("if you want VGA but not EGA, HERC, or OGA, link ..."
    /// splits before "link"); null when the sentence does not open with "If".
    /// </summary>
    /// <summary>A cheap test before <see cref="SplitIf"/>: only text that starts with "If " can split.</summary>
    private static bool StartsWithIf(string text) => text.AsSpan().TrimStart().StartsWith("If ", StringComparison.Ordinal);

    private static (string Condition, string Then)? SplitIf(string sentence)
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

    /// <summary>The sentences of a paragraph that open with a condition ("If you ...,", "However, if ...,").</summary>
    private static List<string> IfSentences(string text)
    {
        var result = new List<string>();
        if (!text.StartsWith("If ", StringComparison.Ordinal) && !text.Contains(". If ", StringComparison.Ordinal)
            && !text.Contains(", if ", StringComparison.Ordinal))
        {
            return result;
        }

        foreach (var sentence in TextUtil.Sentences(text).Take(20))
        {
            if (Fallback().IsMatch(sentence))
            {
                // "If the problem persists, ..." continues the previous alternative.
                continue;
            }

            var s = IfOpener().Replace(sentence, "", 1);
            if (s.Length != sentence.Length || sentence.StartsWith("If ", StringComparison.Ordinal))
            {
                s = TextUtil.UpperFirst(s);
                if (SplitIf(s) is not null)
                {
                    result.Add(s);
                }
            }
        }

        return result;
    }

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

    /// <summary>
    /// The spec's kind: the article's own label ("Option 2" gives option, "Method 2" or "one of the following
    /// methods" gives method, "workarounds" gives workaround); otherwise the section (resolution, workaround), and
    /// option elsewhere. <paramref name="word"/> is the label word the text used, or empty.
    /// </summary>
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

        if (w.StartsWith("method", StringComparison.Ordinal))
        {
            return OptionKinds.Method;
        }

        if (sectionName?.StartsWith("WORKAROUND", StringComparison.OrdinalIgnoreCase) == true)
        {
            return OptionKinds.Workaround;
        }

        if (sectionName?.StartsWith("RESOLUTION", StringComparison.OrdinalIgnoreCase) == true)
        {
            return OptionKinds.Resolution;
        }

        return w.Length > 0 && w is not ("resolution" or "resolutions") ? OptionKinds.Method : OptionKinds.Option;
    }

    private static bool LooksLikeEnvironment(string s) =>
        s.Length is > 3 and < 100 && (s.StartsWith("Microsoft ", StringComparison.Ordinal) || s.StartsWith("Windows ", StringComparison.Ordinal)
            || s.StartsWith("For ", StringComparison.Ordinal) || s.StartsWith("MS-DOS", StringComparison.Ordinal));

    [GeneratedRegex(@"^(?<w>Method|METHOD|Option|OPTION|Solution|Workaround|WORKAROUND|Resolution|Procedure|Scenario)\s+(?:\d{1,2}|[A-H]|One|Two|Three|Four|Five|Six)\b")]
    private static partial Regex LeadWord();

    [GeneratedRegex(@"\b(?:Select|Choose|Use|Pick|Try|Apply|Run|Perform)\s+(?:this|these)\s+(?:option|method|procedure|approach|workaround|solution|resolution|setting|steps?)\s+(?:only\s+)?(?:when|if|whenever|where)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    private static partial Regex SelectThis();

    [GeneratedRegex(@"^(?:\w+,\s+)?if\s+(?:the\s+|this\s+|that\s+)?(?:problem|symptoms?|error|issue|behavior|method|step|procedure|workaround)s?\s+(?:still\s+)?(?:persists?|continues?|occurs?|recurs?|remains?|does\s+not\s+(?:work|help|resolve|fix))|^(?:\w+,\s+)?if\s+(?:this|that|these|it)\s+(?:does\s+not|doesn't|do\s+not|did\s+not|fails?)", RegexOptions.IgnoreCase)]
    private static partial Regex Fallback();

    [GeneratedRegex(@"^If\s+(?<c>[^,]{4,200}),\s+(?:then\s+)?(?:(?:this|the|that)\s+(?:method|option|procedure|workaround|solution|approach|step)\s+(?:\w+\s+)?(?<neg>won't|will\s+not|does\s+not|doesn't|cannot|can't|may\s+not)\s+(?:work|help|succeed|be\s+used)|(?:use|try|choose|select|follow)\s+(?:this|the\s+following|these)\s+(?:method|option|procedure|steps|workaround))", RegexOptions.IgnoreCase)]
    private static partial Regex IfThenThisMethod();

    [GeneratedRegex(@"\bFor\s+(?:this|the|that)\s+(?:method|option|workaround|procedure|solution)\s+to\s+work,\s+you\s+(?:must|need\s+to|have\s+to|should)\s+(?<c>.{4,150})", RegexOptions.IgnoreCase)]
    private static partial Regex ForThisToWork();

    [GeneratedRegex(@"\buntil\s+you\s+(?:can|are\s+able\s+to)\s+(?<c>[^,;]{4,120})", RegexOptions.IgnoreCase)]
    private static partial Regex UntilYouCan();

    [GeneratedRegex(@"\b(?:won't|will\s+not|does\s+not|doesn't|do\s+not|cannot|can't)\s+(?:work|be\s+used|succeed|help)\s+(?:if|when|unless)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    private static partial Regex WontWorkIf();

    [GeneratedRegex(@"^(?:Use|Choose|Select|Try|Apply)\s+(?:this|the\s+following)\s+(?:method|option|procedure|approach|workaround|solution)\s+to\s+(?<p>[^:;]{6,200})", RegexOptions.IgnoreCase)]
    private static partial Regex UseThisTo();

    [GeneratedRegex(@"\b(?:follow(?:ing)?\s+(?:these|the\s+following)\s+steps|perform\s+the\s+following\s+steps|to\s+do\s+(?:this|so)|as\s+follows)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StepsIntro();

    [GeneratedRegex(@"^(?:However|Otherwise|Alternatively|Or|And|But|Also|Similarly|Likewise),?\s+(?=if\s)", RegexOptions.IgnoreCase)]
    private static partial Regex IfOpener();

    [GeneratedRegex(@"\b(?:should|must|can|may)\s+be\s+(?:chosen|selected|used|applied)\s+(?:only\s+)?(?:when|if)\s+(?<c>.+)|\b(?:should|would|must|may|can|might)\s+(?:want\s+to\s+)?(?:choose|select|use|pick)\s+this\s+(?:option|method|setting|procedure)\s+(?:only\s+)?(?:when|if)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    private static partial Regex ChosenWhen();

    [GeneratedRegex(@"^(?:This|The)\s+(?:option|method|procedure|workaround|solution|approach)\s+(?:is\s+(?:useful|appropriate|recommended|best|preferred|required)\s+|works\s+(?:only\s+)?|applies\s+(?:only\s+)?|is\s+only\s+(?:available|possible)\s+)?(?:when|if)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    private static partial Regex ThisWorksWhen();

    [GeneratedRegex(@"\b(?:(?:do|use|try|perform|follow|apply|choose|select|take|implement)\s+(?:\w+\s+)?(?:one|either|any)\s+of\s+(?:the\s+)?(?:(?:two|three|four|2|3|4)\s+)?following(?:\s+(?<w>methods?|ways?|options?|workarounds?|procedures?|solutions?|approaches|resolutions?|alternatives?|steps))?|(?:one|either|any)\s+of\s+(?:the\s+)?following\s+(?<w>methods?|ways?|options?|workarounds?|procedures?|solutions?|approaches|resolutions?|alternatives?|steps)|the\s+following\s+(?:(?:two|three|four|five|2|3|4|5)\s+)?(?<w>methods|workarounds|options|solutions|alternatives|ways)\b|(?:the\s+)?appropriate\s+(?<w>methods?|workarounds?|options?|solutions?)\b|(?:two|three|four|several|various|a\s+few|multiple)\s+(?<w>methods|ways|workarounds|options|solutions)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OneOfFollowing();

    [GeneratedRegex(@"^\s*-*\s*(?:or|OR|Or)\s*-*\s*$")]
    private static partial Regex OrLine();


}
