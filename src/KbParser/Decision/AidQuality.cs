using Kb.Parser.Model;

namespace Kb.Parser.Decision;

/// <summary>
/// The checks the decision aid's questions and factors are held to, shared by <c>kb parse --stats</c>
/// and the corpus-wide tests: a question is a short yes/no question, never cut, and a multi-option
/// article has a factor that tells its options apart.
/// </summary>
public static class AidQuality
{
    /// <summary>The longest question, in characters, that is not counted as long.</summary>
    public const int MaxQuestionChars = 160;

    /// <summary>The most words a question should have ("at most about 20").</summary>
    public const int MaxQuestionWords = 20;

    private static readonly HashSet<string> YesNoOpeners = new(StringComparer.Ordinal)
    {
        "Is", "Are", "Was", "Were", "Do", "Does", "Did", "Have", "Has", "Had",
        "Can", "Could", "Will", "Would", "Should", "Must", "May", "Might",
    };

    // A question whose last word is one of these stops mid-sentence ("Do you see the error in the?").
    private static readonly HashSet<string> Dangling = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "with", "by", "from", "at", "as",
        "that", "which", "who", "whose", "when", "if", "but", "than", "into", "your", "its", "their", "is", "are",
    };

    /// <summary>Words of a question: runs separated by spaces.</summary>
    public static int WordCount(string question)
    {
        var n = 0;
        var inWord = false;
        foreach (var ch in question)
        {
            var space = char.IsWhiteSpace(ch);
            if (!space && !inWord)
            {
                n++;
            }

            inWord = !space;
        }

        return n;
    }

    /// <summary>True when the question opens with an auxiliary verb ("Does ...", "Are you ...") and ends with "?".</summary>
    public static bool IsYesNo(string question)
    {
        if (!question.EndsWith('?'))
        {
            return false;
        }

        var space = question.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && YesNoOpeners.Contains(question[..space]);
    }

    /// <summary>
    /// True when a question is not generated from its clause but wraps pasted text
    /// ("Does this apply: ...?", "Is this your problem: ...?").
    /// </summary>
    public static bool IsPasted(string question) =>
        question.StartsWith("Does this apply:", StringComparison.Ordinal);

    /// <summary>
    /// True when a question is cut short: no "?" at the end, an ellipsis just before it, or a last word
    /// that cannot end a sentence ("the", "of", "with"), so the question stops mid-sentence.
    /// </summary>
    public static bool IsCut(string question)
    {
        if (!question.EndsWith('?') || question.EndsWith("...?", StringComparison.Ordinal) || question.EndsWith("\u2026?", StringComparison.Ordinal))
        {
            return true;
        }

        var body = question.AsSpan(0, question.Length - 1).TrimEnd();
        var space = body.LastIndexOf(' ');
        var last = space < 0 ? body : body[(space + 1)..];
        return Dangling.Contains(last.ToString());
    }

    /// <summary>True when the question is within both limits: characters and words.</summary>
    public static bool IsShort(string question) =>
        question.Length <= MaxQuestionChars && WordCount(question) <= MaxQuestionWords;

    /// <summary>True when some factor separates two options: one needs an answer the other does not, or the opposite one.</summary>
    public static bool Discriminates(ArticleRecord r)
    {
        foreach (var f in r.Factors)
        {
            int? first = null;
            foreach (var o in r.Options)
            {
                var want = 0;
                foreach (var c in o.Conditions)
                {
                    if (c.Factor == f.Id)
                    {
                        want = c.Expect ? 1 : -1;
                        break;
                    }
                }

                if (first is null)
                {
                    first = want;
                }
                else if (first != want)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the record has a triage factor (applicability, symptom or cause) whose question is crisp: short, yes/no, not cut.</summary>
    public static bool HasCrispTriage(ArticleRecord r)
    {
        foreach (var f in r.Factors)
        {
            if (f.Role is "applicability" or "symptom" or "cause" && f.Question.Length <= MaxQuestionChars && IsYesNo(f.Question) && !IsCut(f.Question))
            {
                return true;
            }
        }

        return false;
    }
}
