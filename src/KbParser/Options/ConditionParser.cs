using System.Text.RegularExpressions;

namespace Kb.Parser.Options;

/// <summary>A condition clause read from text: a positive statement, the answer that selects, and the words as written.</summary>
internal sealed record ParsedCondition(string Statement, bool Expect, string Text);

/// <summary>
/// Reads "X and when Y" / "X or if Y" / "X but Y" clauses into conditions, turning negations into
/// a positive statement plus an expected "no" ("does not have an administrator" -> "has an administrator", false).
/// </summary>
internal static partial class ConditionParser
{
    private static readonly string[] Auxiliaries =
        ["is", "are", "was", "were", "can", "could", "will", "would", "should", "must", "may", "might", "has", "have", "had", "do", "does", "did"];

    /// <summary>Splits a clause into conditions; <paramref name="logic"/> is "any" when the parts are joined by "or".</summary>
    public static List<ParsedCondition> Parse(string clause, out string logic)
    {
        logic = "all";
        var text = TextUtil.TrimSentenceEnd(clause);
        if (text.Length == 0 || text.Length > 400)
        {
            return [];
        }

        var parts = new List<string>();
        var last = 0;
        foreach (Match m in Joiner().Matches(text))
        {
            parts.Add(text[last..m.Index]);
            if (m.Groups["j"].Value.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                logic = "any";
            }

            last = m.Index + m.Length;
        }

        parts.Add(text[last..]);
        if (parts.Count == 1 && EnvironmentList().Match(text) is { Success: true } env)
        {
            // "you are using Windows 95/98 or Windows NT 4.0": one condition per environment.
            parts = env.Groups["items"].Value.Split([" or ", " and ", ", "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(item => env.Groups["lead"].Value + " " + item).ToList();
            logic = env.Groups["items"].Value.Contains(" or ", StringComparison.Ordinal) ? "any" : "all";
        }

        if (parts.Count == 1 && StateAlternatives().Match(text) is { Success: true } alt)
        {
            // "the Mstcp.dll file is missing or damaged": one condition per state, either selects.
            parts = [alt.Groups["s"].Value + " " + alt.Groups["v"].Value + " " + alt.Groups["a"].Value, alt.Groups["s"].Value + " " + alt.Groups["v"].Value + " " + alt.Groups["b"].Value];
            logic = "any";
        }
        else if (parts.Count == 1 && BothAnd().Match(text) is { Success: true } both)
        {
            // "you have both PC Tools for Windows 2.0 and Windows for Workgroups 3.11": one condition each.
            parts = [both.Groups["lead"].Value + " " + both.Groups["a"].Value, both.Groups["lead"].Value + " " + both.Groups["b"].Value];
        }

        var result = new List<ParsedCondition>();
        string? subject = null;
        foreach (var raw in parts)
        {
            var part = raw.Trim().Trim(',').Trim();
            if (part.Length < 3)
            {
                continue;
            }

            // "... but want to minimize X": the second part borrows the first part's subject.
            if (subject is not null && StartsWithVerb(part))
            {
                part = subject + " " + part;
            }

            subject ??= SubjectOf(part);
            var (statement, expect) = Normalize(part);
            result.Add(new ParsedCondition(TextUtil.UpperFirst(statement), expect, raw.Trim()));
        }

        return result;
    }

    /// <summary>Turns the first negation into its positive form: returns the positive statement and whether the text affirmed it.</summary>
    public static (string Statement, bool Expect) Normalize(string text)
    {
        // "no service packs have been installed" -> "service packs have been installed", false.
        if (text.StartsWith("no ", StringComparison.OrdinalIgnoreCase) && text.Length > 8)
        {
            return (text[3..], false);
        }

        // "neither method 1 nor method 2 corrects the problem" -> "method 1 or method 2 corrects the problem", false.
        if (text.StartsWith("neither ", StringComparison.OrdinalIgnoreCase) && text.Contains(" nor ", StringComparison.OrdinalIgnoreCase))
        {
            return (text[8..].Replace(" nor ", " or ", StringComparison.OrdinalIgnoreCase), false);
        }

        var m = Negation().Match(text);
        // A negation inside a relative clause ("a file that you did not intend to delete") is not the condition's.
        var relative = RelativePronoun().Match(text);
        if (!m.Success || (relative.Success && relative.Index < m.Index))
        {
            return (text, true);
        }

        var aux = m.Groups["aux"].Value.ToLowerInvariant();
        var positive = aux switch
        {
            "does" or "doesn" => ThirdPerson(m.Groups["verb"].Value),
            "do" or "don" or "did" or "didn" => m.Groups["verb"].Value.Length > 0 ? m.Groups["verb"].Value : aux,
            "can" or "cann" => "can",
            "won" => "will",
            "isn" => "is",
            "aren" => "are",
            "wasn" => "was",
            "weren" => "were",
            "hasn" => "has",
            "haven" => "have",
            "couldn" => "could",
            "shouldn" => "should",
            "wouldn" => "would",
            _ => aux,
        };
        if (aux is "did" or "didn")
        {
            positive = "did " + m.Groups["verb"].Value;
        }

        if (m.Groups["verb"].Success && m.Groups["verb"].Length > 0 && aux is not ("does" or "doesn" or "do" or "don" or "did" or "didn"))
        {
            positive += " " + m.Groups["verb"].Value;
        }

        var statement = text[..m.Index] + positive.Trim() + text[(m.Index + m.Length)..];
        // "have not yet typed" -> "have already typed".
        statement = statement.Replace("have yet ", "have already ", StringComparison.Ordinal).Replace("has yet ", "has already ", StringComparison.Ordinal);
        return (DoubleSpace().Replace(statement, " ").Trim(), false);
    }

    /// <summary>The longest question a reader is asked; longer statements are cut at a clause boundary first.</summary>
    public const int MaxQuestion = 160;

    /// <summary>The most words a question is allowed before it is cut at a clause boundary ("at most about 20").</summary>
    public const int MaxQuestionWords = 20;

    /// <summary>"The secondary site has an administrator" -> "Does the secondary site have an administrator?"</summary>
    public static string Question(string statement)
    {
        var s = FirstSentence(TextUtil.TrimSentenceEnd(statement));
        var q = QuestionOf(s);
        if (FitsQuestion(q))
        {
            return q;
        }

        // Keep the clause that carries the idea: cut at the last clause boundary that leaves a question short enough.
        foreach (Match m in ClauseBoundary().Matches(s).Reverse())
        {
            if (m.Index >= 20)
            {
                var shorter = QuestionOf(s[..m.Index]);
                if (FitsQuestion(shorter))
                {
                    return shorter;
                }
            }
        }

        return Tidy(q);
    }

    /// <summary>
    /// Makes a finished question end cleanly: only its first sentence, and no last word that cannot end a
    /// sentence ("for", "and", "the"), which a statement cut upstream can leave behind.
    /// </summary>
    public static string Tidy(string question)
    {
        var body = TextUtil.TrimSentenceEnd(question.TrimEnd('?').TrimEnd());
        body = FirstSentence(body);
        var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 3 && DanglingEnd(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        var tidy = string.Join(' ', words).TrimEnd(',', ';', ':', '(', '-', ' ');
        return tidy.Length == 0 ? question : tidy + "?";
    }

    private static bool FitsQuestion(string q) =>
        q.Length <= MaxQuestion && q.AsSpan().Count(' ') + 1 <= MaxQuestionWords && !DanglingEnd(LastWord(q));

    private static string LastWord(string q)
    {
        var body = q.TrimEnd('?').TrimEnd();
        var space = body.LastIndexOf(' ');
        return space < 0 ? body : body[(space + 1)..];
    }

    private static bool DanglingEnd(string word) =>
        word.ToLowerInvariant().TrimEnd(',', ';', ':') is "the" or "a" or "an" or "of" or "to" or "and" or "or" or "in" or "on" or "for"
            or "with" or "by" or "from" or "at" or "as" or "that" or "which" or "who" or "whose" or "when" or "if" or "but" or "than"
            or "into" or "your" or "its" or "their" or "is" or "are" or "(that" or "";

    /// <summary>The text up to the first sentence end inside it ("You are using DriveSpace. For MS-DOS ..." -> "You are using DriveSpace").</summary>
    private static string FirstSentence(string s)
    {
        for (var i = s.IndexOf(". ", StringComparison.Ordinal); i > 0; i = s.IndexOf(". ", i + 1, StringComparison.Ordinal))
        {
            // "2.0. For" ends a sentence; "Dr. Watson", "e.g. the" and "1. Click" do not.
            var before = s[..i];
            var space = before.LastIndexOf(' ');
            var word = before[(space + 1)..];
            if (i + 2 < s.Length && char.IsUpper(s[i + 2]) && word.Length > 2 && word is not ("etc" or "Inc" or "Corp" or "Ltd" or "vs") && !word.Contains('.', StringComparison.Ordinal))
            {
                return before;
            }
        }

        return s;
    }

    [GeneratedRegex(@"^(?<s>.{3,120}?)\s+(?<v>is|are|was|were|has been|have been)\s+(?<a>missing|damaged|corrupt(?:ed)?|deleted|renamed|moved|disabled|enabled|incorrect|invalid|outdated|not registered|unregistered)\s+or\s+(?<b>missing|damaged|corrupt(?:ed)?|deleted|renamed|moved|disabled|enabled|incorrect|invalid|outdated|not registered|unregistered)$", RegexOptions.IgnoreCase)]
    private static partial Regex StateAlternatives();

    [GeneratedRegex(@"^(?<lead>(?:you|the computer|your computer|the server)\s+(?:have|has|use|uses|run|runs|installed|are using|are running))\s+both\s+(?<a>.{2,80}?)\s+and\s+(?<b>.{2,80})$", RegexOptions.IgnoreCase)]
    private static partial Regex BothAnd();

    [GeneratedRegex(@",\s|\s(?:that|which|who|because|so that|in order to|when|while|after|before|by|with|from|on|in|for|to)\s|\s\(")]
    private static partial Regex ClauseBoundary();

    private static string QuestionOf(string statement)
    {
        var s = TextUtil.TrimSentenceEnd(statement);
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "Does this apply to you?";
        }

        if (words[0].Equals("you", StringComparison.OrdinalIgnoreCase))
        {
            // "You installed X" -> "Have you installed X?" (a regular past tense is also the participle).
            return QuestionWithVerbAt(words, 1)
                ?? (words.Length > 2 && words[1].Length > 4 && words[1].EndsWith("ed", StringComparison.Ordinal) && !words[1].EndsWith("need", StringComparison.Ordinal)
                    ? $"Have you {Rest(words, 1)}?"
                    : $"Do you {Rest(words, 1)}?");
        }

        for (var i = 1; i < words.Length && i < 7; i++)
        {
            var w = words[i].ToLowerInvariant();
            if (Auxiliaries.Contains(w))
            {
                var q = QuestionWithVerbAt(words, i);
                if (q is not null)
                {
                    return q;
                }
            }
            else if (LooksLikeThirdPersonVerb(words, i))
            {
                // "the document contains X" -> "Does the document contain X?"
                return $"Does {LowerFirst(string.Join(' ', words[..i]))} {BaseForm(w)} {Rest(words, i + 1)}".TrimEnd() + "?";
            }
        }

        // "using DAO and ODBCDirect", "you're using X": the reader's own activity.
        if (words[0].StartsWith("you're", StringComparison.OrdinalIgnoreCase) && words.Length > 1)
        {
            return $"Are you {Rest(words, 1)}?";
        }

        if (words.Length > 1 && IsGerund(words[0]))
        {
            return $"Are you {LowerFirst(s)}?";
        }

        return $"Does this apply: {LowerFirst(s)}?";
    }

    /// <summary>"Using", "printing", "connecting": a verb's -ing form opening a clause, not a noun such as "String" or "Warning".</summary>
    private static bool IsGerund(string word)
    {
        var w = word.ToLowerInvariant();
        return w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal) && w.All(char.IsLetter) && (char.IsLower(word[0]) || char.IsLower(word[1]))
            && w is not ("nothing" or "something" or "anything" or "everything" or "string" or "during" or "warning" or "morning" or "evening"
                or "spring" or "ceiling" or "heading" or "building" or "setting" or "pricing" or "wording" or "padding");
    }

    private static string? QuestionWithVerbAt(string[] words, int i)
    {
        if (i >= words.Length)
        {
            return null;
        }

        var subject = LowerFirst(string.Join(' ', words[..i]));
        var verb = words[i].ToLowerInvariant();
        var rest = Rest(words, i + 1);
        var next = i + 1;
        while (next < words.Length && words[next] is "already" or "just" or "previously" or "recently" or "also" or "ever" or "not")
        {
            next++;
        }

        var participle = next < words.Length && (words[next].EndsWith("ed", StringComparison.Ordinal) || words[next] is "been" or "got" or "run" or "made" or "done" or "seen" or "written");
        switch (verb)
        {
            case "has" when !participle:
                return $"Does {subject} have {rest}?".Replace("  ", " ", StringComparison.Ordinal);
            case "have" when !participle:
                return $"Do {subject} have {rest}?".Replace("  ", " ", StringComparison.Ordinal);
            case "had" when !participle:
                return $"Did {subject} have {rest}?".Replace("  ", " ", StringComparison.Ordinal);
        }

        return Auxiliaries.Contains(verb) ? TextUtil.UpperFirst($"{verb} {subject} {rest}".Trim()) + "?" : null;
    }

    private static bool LooksLikeThirdPersonVerb(string[] words, int i)
    {
        var w = words[i];
        if (w.Length < 4 || !w.EndsWith('s') || w.EndsWith("ss", StringComparison.Ordinal) || w.EndsWith("us", StringComparison.Ordinal)
            || w.EndsWith("is", StringComparison.Ordinal) || char.IsUpper(w[0]) || !char.IsLetter(w[^2]))
        {
            return false;
        }

        // A plural noun is followed by its verb ("service packs have"); a verb by its object.
        var next = i + 1 < words.Length ? words[i + 1].ToLowerInvariant() : "";
        var previous = words[i - 1].ToLowerInvariant();
        return !Auxiliaries.Contains(next) && previous is not ("the" or "a" or "an" or "all" or "some" or "many" or "these" or "those" or "your" or "of" or "and" or "or")
            && !next.EndsWith("ed", StringComparison.Ordinal);
    }

    private static string BaseForm(string verb) =>
        verb.EndsWith("ies", StringComparison.Ordinal) ? verb[..^3] + "y"
        : verb.EndsWith("sses", StringComparison.Ordinal) || verb.EndsWith("shes", StringComparison.Ordinal) || verb.EndsWith("ches", StringComparison.Ordinal)
            || verb.EndsWith("xes", StringComparison.Ordinal) || verb.EndsWith("oes", StringComparison.Ordinal) ? verb[..^2]
        : verb == "has" ? "have" : verb[..^1];

    private static string Rest(string[] words, int from) => from >= words.Length ? "" : string.Join(' ', words[from..]);

    private static string LowerFirst(string s) =>
        s.Length > 1 && char.IsUpper(s[0]) && char.IsLower(s[1]) && s[..Math.Min(s.Length, 4)] is not ("Microsoft" or "Windows")
            ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    private static string ThirdPerson(string verb)
    {
        if (verb.Length == 0)
        {
            return "does";
        }

        if (verb == "have")
        {
            return "has";
        }

        if (verb.EndsWith('s') || verb.EndsWith("sh", StringComparison.Ordinal) || verb.EndsWith("ch", StringComparison.Ordinal)
            || verb.EndsWith('x') || verb.EndsWith('o'))
        {
            return verb + "es";
        }

        if (verb.EndsWith('y') && verb.Length > 2 && !"aeiou".Contains(verb[^2], StringComparison.Ordinal))
        {
            return verb[..^1] + "ies";
        }

        return verb + "s";
    }

    private static bool StartsWithVerb(string part)
    {
        var first = part.Split(' ', 2)[0].ToLowerInvariant();
        return Auxiliaries.Contains(first) || first is "want" or "wants" or "need" or "needs" or "plan" or "plans" or "intend"
            or "use" or "uses" or "prefer" or "prefers" or "run" or "runs" or "require" or "requires" or "expect";
    }

    private static string? SubjectOf(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && words[0].Equals("you", StringComparison.OrdinalIgnoreCase))
        {
            return words[0];
        }

        for (var i = 1; i < words.Length && i < 8; i++)
        {
            if (Auxiliaries.Contains(words[i].ToLowerInvariant()))
            {
                return string.Join(' ', words[..i]);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\s*,?\s+(?<j>and|or|but)\s+(?:also\s+)?(?:when|if|where|whether|only if)\s+|\s*,?\s+(?<j>but)\s+(?=(?:you|want|also|need|do|does|is|are)\b)|\s*,?\s+(?<j>and)\s+(?=(?:you\s+)?(?:are|have|want|need|use|run|do|can|plan|intend|delete|install|remove|create)\s|(?:is|has|was|does)\s+(?!not\b))", RegexOptions.IgnoreCase)]
    private static partial Regex Joiner();

    [GeneratedRegex(@"\b(?:(?<aux>does|do|did|is|are|was|were|can|will|should|could|would|must|has|have)\s+not|(?<aux>cann)ot|(?<aux>doesn|don|didn|isn|aren|wasn|weren|can|won|hasn|haven|couldn|shouldn|wouldn)'t)\b(?:\s+(?<verb>[a-z]+))?", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"^(?<lead>you\s+are\s+(?:using|running)|you\s+use|you\s+run)\s+(?<items>(?:Microsoft\s+|MS-)?[A-Z][\w./+-]*(?:\s+[\w./+-]+){0,4}(?:(?:,\s+|\s+or\s+|\s+and\s+)(?:Microsoft\s+|MS-)?[A-Z][\w./+-]*(?:\s+[\w./+-]+){0,4})+)$")]
    private static partial Regex EnvironmentList();

    [GeneratedRegex(@"\b(?:that|which|who|whom|whose)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativePronoun();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex DoubleSpace();
}
