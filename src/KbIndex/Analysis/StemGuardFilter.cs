using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kb.Index.Analysis;

/// <summary>
/// Marks every word that is not made only of the letters a-z as a keyword, so the Porter
/// stemmer leaves version numbers, codes and file names (<c>2.0</c>, <c>nt4</c>, <c>win.ini</c>)
/// alone. The rule is one line in the site's JavaScript: stem only <c>/^[a-z]+$/</c>. The product
/// names of <see cref="Unstemmed"/> are left whole too: Porter makes "windows" "window" (the
/// operating system becomes a part of the screen) and "dos" "do".
/// </summary>
public sealed class StemGuardFilter : TokenFilter
{
    /// <summary>Product names whose stems would be other, common words.</summary>
    public static IReadOnlyList<string> Unstemmed { get; } =
        ["windows", "dos"];

    private static readonly Lucene.Net.Analysis.Util.CharArraySet UnstemmedSet =
        Lucene.Net.Analysis.Util.CharArraySet.Copy(KbIndexVersion.Lucene, Unstemmed.ToHashSet(StringComparer.Ordinal)).AsReadOnly();

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    /// <summary>A filter over <paramref name="input"/>.</summary>
    public StemGuardFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        if (UnstemmedSet.Contains(buffer, 0, _term.Length))
        {
            _keyword.IsKeyword = true;
            return true;
        }

        for (var i = 0; i < _term.Length; i++)
        {
            if (buffer[i] is < 'a' or > 'z')
            {
                _keyword.IsKeyword = true;
                break;
            }
        }

        return true;
    }
}
