using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>The factors of one article: one per idea, shared by every option that mentions it.</summary>
internal sealed class FactorRegistry
{
    /// <summary>Statements at least this similar (content words) are the same idea.</summary>
    private const double SameIdea = 0.75;

    private readonly List<(Factor Factor, HashSet<string> Words)> _factors = [];

    public IReadOnlyList<Factor> Factors => _factors.Select(f => f.Factor).ToList();

    /// <summary>Returns the id of the factor for this statement, adding it when no factor says the same.</summary>
    public string Add(string statement, string role, string? question = null)
    {
        var words = TextUtil.ContentWords(statement);
        foreach (var (factor, w) in _factors)
        {
            if (TextUtil.Jaccard(words, w) >= SameIdea)
            {
                return factor.Id;
            }
        }

        var id = "f" + (_factors.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clean = TextUtil.UpperFirst(TextUtil.TrimSentenceEnd(statement));
        _factors.Add((new Factor { Id = id, Statement = clean, Question = question ?? ConditionParser.Question(clean), Role = role }, words));
        return id;
    }

    public Condition Condition(ParsedCondition parsed, string role = "condition") =>
        new(Add(parsed.Statement, role), parsed.Expect, parsed.Text);
}
