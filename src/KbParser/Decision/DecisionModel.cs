using Kb.Parser.Model;

namespace Kb.Parser.Decision;

/// <summary>An answer to a factor's yes/no question.</summary>
public enum Answer
{
    /// <summary>Not answered (or the reader does not know).</summary>
    Unknown,
    /// <summary>The answer is yes.</summary>
    Yes,
    /// <summary>The answer is no.</summary>
    No,
}

/// <summary>How one option stands given the answers, with the reasons in words.</summary>
public sealed record OptionRecommendation(string OptionId, string Title, string Status, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// "Is this your problem?" in words: <see cref="Level"/> is <c>likely</c>, <c>maybe</c>, <c>unlikely</c>,
/// <c>unanswered</c>, or <c>none</c> when the article has no triage questions.
/// </summary>
public sealed record Verdict(string Level, string Text);

/// <summary>The ranked options, best first, whether the article applies at all (null: not known), and the triage verdict.</summary>
public sealed record Recommendation(bool? Applies, IReadOnlyList<OptionRecommendation> Options)
{
    /// <summary>The triage verdict ("is this your problem?").</summary>
    public Verdict Verdict { get; init; } = new("none", "");
}

/// <summary>
/// An article's decision model: its factors (yes/no questions) and options with conditions.
/// <see cref="Recommend"/> is the logic the site's decision aid runs; <c>decision.js</c>
/// (<see cref="DecisionScript"/>) is the same logic for the browser, and a test keeps them in step.
/// </summary>
public sealed class DecisionModel
{
    /// <summary>Status ranks: a met option first, contradicted last.</summary>
    private static readonly Dictionary<string, int> Rank = new(StringComparer.Ordinal)
    {
        ["met"] = 3, ["partial"] = 2, ["open"] = 1, ["contradicted"] = 0,
    };

    private readonly Dictionary<string, Factor> _factors;

    /// <summary>A model over these options and the factors their conditions name.</summary>
    public DecisionModel(IReadOnlyList<ArticleOption> options, IReadOnlyList<Factor> factors)
    {
        Options = options;
        Factors = factors;
        _factors = factors.ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    /// <summary>The options the model ranks.</summary>
    public IReadOnlyList<ArticleOption> Options { get; }
    /// <summary>The yes/no questions the options' conditions and the triage refer to.</summary>
    public IReadOnlyList<Factor> Factors { get; }

    /// <summary>The model of a parsed record's options and factors.</summary>
    public static DecisionModel From(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DecisionModel(record.Options, record.Factors);
    }

    /// <summary>Ranks the options for the given answers; factors not in the map are unknown.</summary>
    public Recommendation Recommend(IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var ranked = new List<(OptionRecommendation Rec, int Index)>();
        for (var i = 0; i < Options.Count; i++)
        {
            ranked.Add((Evaluate(Options[i], answers), i));
        }

        ranked.Sort((a, b) => a.Rec.Score != b.Rec.Score ? b.Rec.Score.CompareTo(a.Rec.Score) : a.Index.CompareTo(b.Index));
        return new Recommendation(Applies(answers), ranked.Select(r => r.Rec).ToList()) { Verdict = Judge(answers) };
    }

    /// <summary>True for the factors of the "Is this your problem?" checklist.</summary>
    public static bool IsTriage(Factor factor) => factor?.Role is "applicability" or "symptom" or "cause";

    /// <summary>
    /// The triage verdict: a symptom or cause answered no makes the article unlikely to be the reader's problem
    /// (it names what the article needs); every triage question answered and one yes makes it likely; some yes
    /// and some open, maybe; only product questions, all answered no, unlikely.
    /// </summary>
    private Verdict Judge(IReadOnlyDictionary<string, Answer> answers)
    {
        int yes = 0, no = 0, open = 0, total = 0;
        Factor? firstProduct = null;
        foreach (var f in Factors)
        {
            if (!IsTriage(f))
            {
                continue;
            }

            total++;
            var a = answers.TryGetValue(f.Id, out var v) ? v : Answer.Unknown;
            if (a == Answer.No && f.Role != "applicability")
            {
                return new Verdict("unlikely", $"Probably not your problem: this article needs a yes to \"{f.Question}\"");
            }

            if (a == Answer.Yes)
            {
                yes++;
            }
            else if (a == Answer.No)
            {
                no++;
                firstProduct ??= f;
            }
            else
            {
                open++;
            }
        }

        if (total == 0)
        {
            return new Verdict("none", "");
        }

        if (yes > 0 && open == 0)
        {
            return new Verdict("likely", "This article very likely applies to you.");
        }

        if (yes > 0)
        {
            return new Verdict("maybe", $"This article may apply to you; {open} of its {total} questions are still open.");
        }

        if (no > 0 && open == 0)
        {
            return new Verdict("unlikely", $"Probably not your problem: this article is for readers who answer yes to \"{firstProduct!.Question}\"");
        }

        return new Verdict("unanswered", "Answer the questions to see whether this article applies to you.");
    }

    private OptionRecommendation Evaluate(ArticleOption option, IReadOnlyDictionary<string, Answer> answers)
    {
        int met = 0, contra = 0, unknown = 0;
        var reasons = new List<string>();
        foreach (var c in option.Conditions)
        {
            var a = answers.TryGetValue(c.Factor, out var v) ? v : Answer.Unknown;
            var question = _factors.TryGetValue(c.Factor, out var f) ? f.Question : c.Text;
            if (a == Answer.Unknown)
            {
                unknown++;
                reasons.Add($"Open: \"{question}\"");
            }
            else if ((a == Answer.Yes) == c.Expect)
            {
                met++;
                reasons.Add($"Fits: you answered {Word(a)} to \"{question}\"");
            }
            else
            {
                contra++;
                reasons.Add($"Does not fit: you answered {Word(a)} to \"{question}\"");
            }
        }

        var n = option.Conditions.Count;
        if (n == 0)
        {
            reasons.Add("No conditions stated: this option applies generally");
        }

        var any = option.Logic == "any";
        string status;
        if (n == 0)
        {
            status = "open";
        }
        else if (any ? met > 0 : met == n)
        {
            status = "met";
        }
        else if (any ? contra == n : contra > 0)
        {
            status = "contradicted";
        }
        else
        {
            status = met > 0 ? "partial" : "open";
        }

        var score = (Rank[status] * 1000) + (met * 10) - unknown;
        return new OptionRecommendation(option.Id, option.Title, status, score, reasons);
    }

    /// <summary>
    /// Whether the article applies: false when the reader does not see its symptom or its cause does not
    /// apply (its resolution and workaround then do not either); otherwise true once an applicability,
    /// symptom or cause question is answered yes, false when every answered one is no.
    /// </summary>
    private bool? Applies(IReadOnlyDictionary<string, Answer> answers)
    {
        bool? applies = null;
        foreach (var f in Factors)
        {
            if (f.Role is not ("applicability" or "symptom" or "cause") || !answers.TryGetValue(f.Id, out var a) || a == Answer.Unknown)
            {
                continue;
            }

            if (f.Role is "symptom" or "cause" && a == Answer.No)
            {
                return false;
            }

            applies = applies == true || a == Answer.Yes;
        }

        return applies;
    }

    private static string Word(Answer a) => a == Answer.Yes ? "yes" : "no";
}
