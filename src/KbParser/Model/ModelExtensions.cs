namespace Kb.Parser.Model;

/// <summary>The kind of an <see cref="ArticleOption"/>; the record (and its JSON) keeps the string from <see cref="OptionKinds"/>.</summary>
public enum OptionKind
{
    /// <summary><c>option</c>: one of several choices the article lists.</summary>
    Option,

    /// <summary><c>method</c>: a numbered method ("Method 1", "Method 2").</summary>
    Method,

    /// <summary><c>resolution</c>: the article's fix for its problem.</summary>
    Resolution,

    /// <summary><c>workaround</c>: a way around the problem without fixing it.</summary>
    Workaround,
}

/// <summary>How an option's conditions combine; the record keeps <c>all</c> or <c>any</c>.</summary>
public enum ConditionLogic
{
    /// <summary><c>all</c>: every condition must hold.</summary>
    All,

    /// <summary><c>any</c>: one condition is enough.</summary>
    Any,
}

/// <summary>What a <see cref="Factor"/>'s question is about; the record keeps the lower-case name.</summary>
public enum FactorRole
{
    /// <summary><c>condition</c>: a circumstance that selects between options.</summary>
    Condition,

    /// <summary><c>applicability</c>: whether the article applies to the reader at all (the product in use).</summary>
    Applicability,

    /// <summary><c>symptom</c>: whether the reader sees the article's symptom.</summary>
    Symptom,

    /// <summary><c>cause</c>: whether the article's cause is present.</summary>
    Cause,

    /// <summary><c>status</c>: the state of the product or the fix (for example, a service pack installed).</summary>
    Status,
}

/// <summary>A condition together with the factor it asks about.</summary>
/// <param name="Condition">The condition as the option records it.</param>
/// <param name="Factor">The record's factor whose id the condition names.</param>
public sealed record FactorCondition(Condition Condition, Factor Factor)
{
    /// <summary>The answer to the factor's question that selects the option.</summary>
    public bool Expect => Condition.Expect;

    /// <summary>The factor's yes/no question.</summary>
    public string Question => Factor.Question;
}

/// <summary>
/// Typed views of the record's string fields and the links between them, as extension members so the
/// records, and the JSON they serialise to, stay exactly as they are.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case", Justification = "The analyzer reads the compiler's names for C# 14 extension blocks as members.")]
public static class ModelExtensions
{
    /// <summary>Typed views of an option.</summary>
    /// <param name="option">The option.</param>
    extension(ArticleOption option)
    {
        /// <summary>The option's kind as an enum; an unrecognised string reads as <see cref="OptionKind.Option"/>.</summary>
        public OptionKind TypedKind => option.Kind switch
        {
            OptionKinds.Method => OptionKind.Method,
            OptionKinds.Resolution => OptionKind.Resolution,
            OptionKinds.Workaround => OptionKind.Workaround,
            _ => OptionKind.Option,
        };

        /// <summary>How the option's conditions combine, as an enum (<c>any</c> or else <see cref="ConditionLogic.All"/>).</summary>
        public ConditionLogic TypedLogic => option.Logic == "any" ? ConditionLogic.Any : ConditionLogic.All;
    }

    /// <summary>Typed views of a factor.</summary>
    /// <param name="factor">The factor.</param>
    extension(Factor factor)
    {
        /// <summary>The factor's role as an enum; an unrecognised string reads as <see cref="FactorRole.Condition"/>.</summary>
        public FactorRole TypedRole => factor.Role switch
        {
            "applicability" => FactorRole.Applicability,
            "symptom" => FactorRole.Symptom,
            "cause" => FactorRole.Cause,
            "status" => FactorRole.Status,
            _ => FactorRole.Condition,
        };
    }

    /// <summary>Conditions of a record's options resolved to the record's factors.</summary>
    /// <param name="record">The record holding the options and factors.</param>
    extension(ArticleRecord record)
    {
        /// <summary>The factor a condition asks about, or null when the record has no factor with its id.</summary>
        public Factor? FactorOf(Condition condition)
        {
            ArgumentNullException.ThrowIfNull(condition);
            return record.Factors.FirstOrDefault(f => f.Id == condition.Factor);
        }

        /// <summary>An option's conditions with their factor objects, in the option's order (conditions naming no factor of the record are left out).</summary>
        public IReadOnlyList<FactorCondition> ConditionsOf(ArticleOption option)
        {
            ArgumentNullException.ThrowIfNull(option);
            var byId = new Dictionary<string, Factor>(StringComparer.Ordinal);
            foreach (var f in record.Factors)
            {
                byId.TryAdd(f.Id, f);
            }

            return option.Conditions
                .Where(c => byId.ContainsKey(c.Factor))
                .Select(c => new FactorCondition(c, byId[c.Factor]))
                .ToList();
        }
    }
}
