using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kb.Index.Analysis;

/// <summary>
/// Query side only, after stemming: adds alternatives at the same position, so either matches.
/// A lone digit also matches its version form (<c>4</c> → <c>4.0</c>: "iis 4" finds "IIS 4.0").
/// <see cref="UpgradeWords"/> are expanded by the query builder instead, at a lower weight: as
/// equal alternatives they let "conversion" articles crowd out upgrade guidance.
/// </summary>
public sealed class QueryVariantsFilter : TokenFilter
{
    /// <summary>Stems for moving to a new version; people say "upgrade" where an article says "migration".</summary>
    public static IReadOnlyList<string> UpgradeWords { get; } = ["upgrad", "migrat", "convert", "convers"];

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly Queue<string> _variants = new();
    private State? _state;

    /// <summary>A filter over <paramref name="input"/>.</summary>
    public QueryVariantsFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_variants.Count > 0)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_variants.Dequeue());
            _increment.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var text = _term.ToString();
        if (text.Length == 1 && char.IsAsciiDigit(text[0]))
        {
            _variants.Enqueue(text + ".0");
        }

        if (_variants.Count > 0)
        {
            _state = CaptureState();
        }

        return true;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _variants.Clear();
        _state = null;
    }
}
