using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>The factors every record gets before its options' conditions: applicability, and for problem articles the triage checklist.</summary>
internal static class TriageFactors
{
    /// <summary>"Are you using Microsoft Systems Management Server 2.0?" for each product the article applies to.</summary>
    public static void AddApplicability(ArticleRecord r, FactorRegistry factors)
    {
        var seen = 0;
        foreach (var a in r.AppliesTo)
        {
            if (seen++ >= 6 || string.IsNullOrWhiteSpace(a.Product))
            {
                continue;
            }

            var product = a.Version is null ? a.Product : a.Product + " " + a.Version;
            if (product.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            {
                product = product[(product.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }

            factors.Add("You are using " + product, "applicability", $"Are you using {product}?");
        }

        if (r.AppliesTo.Count == 0)
        {
            foreach (var p in r.Products.Where(p => !string.IsNullOrWhiteSpace(p)).Take(3))
            {
                factors.Add("You are using " + p, "applicability", $"Are you using {p}?");
            }
        }
    }

    /// <summary>
    /// For problem articles, the triage checklist ("Is this your problem?"): crisp yes/no factors from the
    /// SYMPTOMS' if/when clauses and the message it quotes, and from the CAUSE's conditions. Never a pasted paragraph.
    /// </summary>
    public static void AddProblemFactors(ArticleRecord r, ProblemConditions.ProblemClauses clauses, FactorRegistry factors)
    {
        var symptoms = 0;
        foreach (var c in clauses.Symptoms.Take(2))
        {
            factors.Add(c.Statement, "symptom");
            symptoms++;
        }

        if (ProblemConditions.QuotedMessage(r) is { } message)
        {
            factors.Add($"You see the message \"{message}\"", "symptom", $"Do you see the message \"{message}\"?");
            symptoms++;
        }

        // Failing a stated symptom, the title names the problem in a few words ("QB.EXE Hangs If BACKSPACE after IF GOTO").
        var title = TextUtil.TrimSentenceEnd(r.Title);
        if (symptoms == 0 && title.Length is > 8 and <= 120)
        {
            factors.Add("You have this problem: " + title, "symptom", $"Is this your problem: {title}?");
        }

        foreach (var c in clauses.Cause.Take(3))
        {
            factors.Add(c.Statement, "cause");
        }
    }
}
