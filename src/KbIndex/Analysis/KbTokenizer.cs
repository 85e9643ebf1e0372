using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kb.Index.Analysis;

/// <summary>
/// Splits text into words: maximal runs of letters and decimal digits, where a <c>.</c> or <c>_</c>
/// between two such characters stays inside the word (<c>1.2</c>, <c>win.ini</c>, <c>q199250</c>,
/// <c>sms_def</c>). Deliberately simpler than Lucene's StandardTokenizer so the static site can
/// mirror it with one regular expression: <c>/[\p{L}\p{Nd}]+(?:[._][\p{L}\p{Nd}]+)*/gu</c>.
/// Words longer than <see cref="MaxTokenLength"/> are dropped (encoded blobs, not words).
/// </summary>
public sealed class KbTokenizer : Tokenizer
{
    /// <summary>Longest word kept, in characters; longer ones are dropped.</summary>
    public const int MaxTokenLength = 255;

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private char[] _text = new char[4096];
    private int _length = -1;
    private int _position;

    /// <summary>A tokenizer reading <paramref name="input"/>.</summary>
    public KbTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>The word-character test the site's tokenizer must copy.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_length < 0)
        {
            Fill();
        }

        while (true)
        {
            var i = _position;
            while (i < _length && !IsWordChar(_text[i]))
            {
                i++;
            }

            if (i >= _length)
            {
                _position = _length;
                return false;
            }

            var start = i;
            while (i < _length)
            {
                var c = _text[i];
                if (IsWordChar(c) || ((c == '.' || c == '_') && i + 1 < _length && IsWordChar(_text[i + 1])))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            _position = i;
            if (i - start > MaxTokenLength)
            {
                continue;
            }

            _term.CopyBuffer(_text, start, i - start);
            _offset.SetOffset(CorrectOffset(start), CorrectOffset(i));
            return true;
        }
    }

    /// <inheritdoc/>
    public override void End()
    {
        base.End();
        var final = CorrectOffset(Math.Max(_length, 0));
        _offset.SetOffset(final, final);
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _length = -1;
        _position = 0;
    }

    // Field values are at most a few hundred KB, so reading the whole value once keeps the
    // scanner simple (no word can straddle a buffer boundary).
    private void Fill()
    {
        _length = 0;
        while (true)
        {
            if (_length == _text.Length)
            {
                Array.Resize(ref _text, _text.Length * 2);
            }

            var n = m_input.Read(_text, _length, _text.Length - _length);
            if (n <= 0)
            {
                return;
            }

            _length += n;
        }
    }
}
