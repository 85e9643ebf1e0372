using System.Globalization;
using Kb.Parser.Model;
using Kb.Parser.Options;

namespace Kb.Parser.Tests;

/// <summary>
/// Matches extracted options to labelled ones (title word overlap) and, within matched pairs,
/// conditions (statement word overlap and the same expected answer); sums precision and recall.
/// </summary>
internal sealed class Score
{
    /// <summary>Two texts name the same thing when half the content words of the shorter one are shared.</summary>
    private const double Same = 0.5;

    private int _optionsPredicted, _optionsGold, _optionsMatched;
    private int _conditionsPredicted, _conditionsGold, _conditionsMatched;

    public double OptionF1 => F1(_optionsMatched, _optionsPredicted, _optionsGold);
    public double ConditionF1 => F1(_conditionsMatched, _conditionsPredicted, _conditionsGold);

    public string Add(ExtractionQualityTests.Label label, ArticleRecord record)
    {
        var statements = record.Factors.ToDictionary(f => f.Id, f => f.Statement);
        var predicted = record.Options;
        var gold = label.Options;
        _optionsPredicted += predicted.Count;
        _optionsGold += gold.Count;
        _conditionsPredicted += predicted.Sum(o => o.Conditions.Count);
        _conditionsGold += gold.Sum(o => o.Conditions.Count);

        var pairs = Match(predicted.Select(o => o.Title).ToList(), gold.Select(o => o.Title).ToList());
        var conditionMatches = 0;
        foreach (var (p, g) in pairs)
        {
            var predictedConditions = predicted[p].Conditions.Select(c => (statements[c.Factor], c.Expect)).ToList();
            var goldConditions = gold[g].Conditions.Select(c => (c.Statement, c.Expect)).ToList();
            conditionMatches += Match(predictedConditions.Select(c => c.Item1).ToList(), goldConditions.Select(c => c.Statement).ToList())
                .Count(m => predictedConditions[m.P].Expect == goldConditions[m.G].Expect);
        }

        _optionsMatched += pairs.Count;
        _conditionsMatched += conditionMatches;
        return string.Create(CultureInfo.InvariantCulture,
            $"options {pairs.Count}/{predicted.Count} predicted, {gold.Count} labelled; conditions {conditionMatches}/{predicted.Sum(o => o.Conditions.Count)} predicted, {gold.Sum(o => o.Conditions.Count)} labelled");
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"options: precision {P(_optionsMatched, _optionsPredicted):F3} recall {P(_optionsMatched, _optionsGold):F3} F1 {OptionF1:F3} ({_optionsMatched} matched, {_optionsPredicted} extracted, {_optionsGold} labelled)\n" +
        $"conditions: precision {P(_conditionsMatched, _conditionsPredicted):F3} recall {P(_conditionsMatched, _conditionsGold):F3} F1 {ConditionF1:F3} ({_conditionsMatched} matched, {_conditionsPredicted} extracted, {_conditionsGold} labelled)");

    /// <summary>Greedy one-to-one matching, most similar pairs first.</summary>
    private static List<(int P, int G)> Match(List<string> predicted, List<string> gold)
    {
        var candidates = new List<(double Sim, int P, int G)>();
        for (var p = 0; p < predicted.Count; p++)
        {
            var pw = TextUtil.ContentWords(predicted[p]);
            for (var g = 0; g < gold.Count; g++)
            {
                var gw = TextUtil.ContentWords(gold[g]);
                var shorter = Math.Min(pw.Count, gw.Count);
                var sim = shorter == 0 ? 0 : pw.Count(gw.Contains) / (double)shorter;
                if (sim >= Same)
                {
                    candidates.Add((sim, p, g));
                }
            }
        }

        var result = new List<(int, int)>();
        var usedP = new HashSet<int>();
        var usedG = new HashSet<int>();
        foreach (var (_, p, g) in candidates.OrderByDescending(c => c.Sim))
        {
            if (!usedP.Contains(p) && !usedG.Contains(g))
            {
                usedP.Add(p);
                usedG.Add(g);
                result.Add((p, g));
            }
        }

        return result;
    }

    private static double P(int matched, int total) => total == 0 ? 1 : matched / (double)total;

    private static double F1(int matched, int predicted, int gold)
    {
        var p = P(matched, predicted);
        var r = P(matched, gold);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
