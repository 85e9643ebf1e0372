using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>The factors of one article: one per idea, shared by every option that mentions it.</summary>
internal sealed class FactorRegistry
{
    /// <summary>Statements at least this similar (content words) are the same idea.</summary>
    private const double SameIdea = 0.75;

    private readonly List<Entry> _factors = [];

    public IReadOnlyList<Factor> Factors => _factors.Select(f => f.Factor).ToList();

    /// <summary>Returns the id of the factor for this statement, adding it when no factor says the same.</summary>
    public string Add(string statement, string role, string? question = null)
    {
        var clean = TextUtil.UpperFirst(TextUtil.TrimSentenceEnd(statement));
        foreach (var f in _factors)
        {
            if (string.Equals(f.Factor.Statement, clean, StringComparison.OrdinalIgnoreCase))
            {
                return f.Factor.Id;
            }
        }

        // Word comparison is only needed for conditions, which few articles have; the words are made on demand.
        if (role == "condition")
        {
            var words = TextUtil.ContentWords(clean);
            foreach (var f in _factors)
            {
                if (TextUtil.Jaccard(words, f.Words) >= SameIdea)
                {
                    return f.Factor.Id;
                }
            }
        }

        var id = "f" + (_factors.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _factors.Add(new Entry(new Factor { Id = id, Statement = clean, Question = question is null ? ConditionParser.Question(clean) : ConditionParser.Tidy(question), Role = role }));
        return id;
    }

    public Condition Condition(ParsedCondition parsed, string role = "condition") =>
        new(Add(parsed.Statement, role), parsed.Expect, parsed.Text);

    private sealed class Entry(Factor factor)
    {
        private HashSet<string>? _words;

        public Factor Factor { get; } = factor;

        public HashSet<string> Words => _words ??= TextUtil.ContentWords(Factor.Statement);
    }
}
