using System.Globalization;
using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>
/// Finds the alternative courses of action an article offers and when to choose each, and builds the article's
/// decision model (factors shared across options). The forms are recognisers (<see cref="Recognizers.OptionRecognizers"/>)
/// that <see cref="OptionWalk"/> runs in one declared order over each section.
/// </summary>
internal static class OptionExtractor
{
    private const int MaxText = 1500;
    private const int MaxOptions = 100;

    public static (IReadOnlyList<ArticleOption> Options, IReadOnlyList<Factor> Factors) Extract(ArticleRecord record) =>
        Extract(record, Recognizers.OptionRecognizers.Default);

    /// <summary>Extracts with the given recognisers (tests leave one out to see what it contributes).</summary>
    public static (IReadOnlyList<ArticleOption> Options, IReadOnlyList<Factor> Factors) Extract(ArticleRecord record,
        Recognizers.OptionRecognizers recognizers)
    {
        var problem = ArticleKinds.IsProblem(record);
        var walk = new OptionWalk(recognizers, problem);
        foreach (var section in record.Sections)
        {
            if (DescribesProblem(section.Heading))
            {
                // SYMPTOMS and CAUSE list alternative messages and causes, not courses of action.
                continue;
            }

            walk.Add(section);
            if (walk.Found.Count > MaxOptions)
            {
                // No real article offers this many alternatives; stop before factor matching grows quadratic.
                break;
            }
        }

        var found = walk.Found;
        found.Sort((a, b) => a.Line.CompareTo(b.Line));
        OverviewMerge.Apply(found);
        NoteTies.Apply(record, found);
        if (found.Count > MaxOptions)
        {
            found.RemoveRange(MaxOptions, found.Count - MaxOptions);
        }

        var clauses = problem ? new ProblemConditions.ProblemClauses(record) : null;
        if (clauses is not null)
        {
            ProblemConditions.Inherit(clauses, found);
        }

        var factors = new FactorRegistry();
        TriageFactors.AddApplicability(record, factors);
        if (clauses is not null)
        {
            // Registered before the options' conditions, so a cause an option inherits is the same factor, in the triage role.
            TriageFactors.AddProblemFactors(record, clauses, factors);
        }

        var options = new List<ArticleOption>(found.Count);
        foreach (var c in found)
        {
            options.Add(new ArticleOption
            {
                Id = "o" + (options.Count + 1).ToString(CultureInfo.InvariantCulture),
                Kind = c.Kind,
                Title = c.Title,
                Text = c.Text.Length <= MaxText ? c.Text : c.Text[..MaxText] + "...",
                Section = c.Section,
                Conditions = c.Conditions.Select(p => factors.Condition(p)).DistinctBy(x => x.Factor).ToList(),
                Logic = c.Logic,
                Form = c.Form,
            });
        }

        return (options, factors.Factors);
    }

    private static bool DescribesProblem(string? heading) =>
        heading is not null && (heading.StartsWith("SYMPTOM", StringComparison.OrdinalIgnoreCase)
            || heading.StartsWith("CAUSE", StringComparison.OrdinalIgnoreCase)
            || heading.StartsWith("STATUS", StringComparison.OrdinalIgnoreCase));
}
