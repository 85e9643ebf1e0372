using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kb.Index.Analysis;

/// <summary>
/// Index side only: after a dotted or underscored word that has letters (<c>nwconv.exe</c>,
/// <c>win.ini</c>, <c>sms_def.mof</c>, <c>nt4.0</c>) also emits its parts of two or more
/// characters that contain a letter, at the same position, so <c>nwconv</c> finds <c>Nwconv.exe</c>.
/// Plain versions (<c>4.0</c>) are left alone. Queries are not split, so the site's tokenizer needs
/// no such step: the whole word is in the index too.
/// </summary>
public sealed class DottedPartsFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly Queue<string> _parts = new();
    private State? _state;

    public DottedPartsFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_parts.Count > 0)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_parts.Dequeue());
            _increment.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var text = _term.ToString();
        if (text.AsSpan().IndexOfAny('.', '_') >= 0)
        {
            foreach (var part in text.Split('.', '_'))
            {
                if (part.Length >= 2 && part.Any(char.IsLetter))
                {
                    _parts.Enqueue(part);
                }
            }

            if (_parts.Count > 0)
            {
                _state = CaptureState();
            }
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _parts.Clear();
        _state = null;
    }
}
