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
    private readonly IOffsetAttribute _offset;
    private readonly Queue<string> _parts = new();
    private int _start;
    private int _end;

    /// <summary>A filter over <paramref name="input"/>.</summary>
    public DottedPartsFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_parts.Count > 0)
        {
            // A part is the word's token as the tokenizer made it (every attribute at its default but
            // term and offsets) with another term at the same position. Later filters may have changed
            // the word's attributes (the stem guard marks it a keyword), so they are cleared, not kept.
            // Clearing is what capturing and restoring the word's state did, at a fraction of the cost.
            ClearAttributes();
            _offset.SetOffset(_start, _end);
            _term.Append(_parts.Dequeue());
            _increment.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        // Most words have no dot: look at the buffer before making a string of it.
        if (_term.Buffer.AsSpan(0, _term.Length).IndexOfAny('.', '_') >= 0)
        {
            foreach (var part in _term.ToString().Split('.', '_'))
            {
                if (part.Length >= 2 && part.Any(char.IsLetter))
                {
                    _parts.Enqueue(part);
                }
            }

            _start = _offset.StartOffset;
            _end = _offset.EndOffset;
        }

        return true;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _parts.Clear();
    }
}
