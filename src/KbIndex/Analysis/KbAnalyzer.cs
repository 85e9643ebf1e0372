using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;

namespace Kb.Index.Analysis;

/// <summary>
/// English text analysis: <see cref="KbTokenizer"/>, lower case, <see cref="KbStopWords"/>,
/// then the Porter stemmer for words of letters a-z only (<see cref="StemGuardFilter"/>).
/// Every step is simple enough to mirror in the static site's JavaScript.
/// </summary>
public sealed class KbAnalyzer : Analyzer
{
    private readonly bool _forIndex;
    private readonly bool _phrases;

    /// <param name="forIndex">
    /// True for documents: also emit the parts of dotted words (<see cref="DottedPartsFilter"/>), and keep
    /// the stop words of <see cref="KbStopWords.Indexed"/> (negations and modal verbs).
    /// </param>
    /// <param name="phrases">For a query's phrases (<paramref name="forIndex"/> false): keep the stop words the index keeps, add no variants.</param>
    public KbAnalyzer(bool forIndex = true, bool phrases = false)
    {
        _forIndex = forIndex;
        _phrases = phrases && !forIndex;
    }

    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new KbTokenizer(reader);
        TokenStream sink = new LowerCaseFilter(KbIndexVersion.Lucene, source);
        if (_forIndex)
        {
            sink = new DottedPartsFilter(sink);
        }

        sink = new StopFilter(KbIndexVersion.Lucene, sink, _forIndex || _phrases ? KbStopWords.IndexSet : KbStopWords.Set);
        sink = new StemGuardFilter(sink);
        sink = new PorterStemFilter(sink);
        if (!_forIndex && !_phrases)
        {
            sink = new QueryVariantsFilter(sink);
        }

        return new TokenStreamComponents(source, sink);
    }
}

/// <summary>Codes (ids, keywords, prefixes, kinds, versions): the whole value as one lower-cased token.</summary>
public sealed class CodeAnalyzer : Analyzer
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new KeywordTokenizer(reader);
        return new TokenStreamComponents(source, new LowerCaseFilter(KbIndexVersion.Lucene, source));
    }
}

/// <summary>Lower-cased codes separated by spaces (the article number's forms): one token each.</summary>
public sealed class FormsAnalyzer : Analyzer
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WhitespaceTokenizer(KbIndexVersion.Lucene, reader);
        return new TokenStreamComponents(source, new LowerCaseFilter(KbIndexVersion.Lucene, source));
    }
}

/// <summary>The analyzers of every field, for the writer and the query parser alike.</summary>
public static class KbAnalyzers
{
    private static readonly string[] CodeFields =
    [
        KbFields.Id, KbFields.IdForm, KbFields.Prefix, KbFields.Keyword, KbFields.Kind,
        KbFields.Version, KbFields.Reference, KbFields.ProductExact,
    ];

    /// <summary>
    /// A new per-field analyzer: <see cref="KbAnalyzer"/> by default, <see cref="CodeAnalyzer"/> for codes.
    /// The writer's reads <see cref="KbFields.IdForm"/> as the article number's forms separated by spaces
    /// (<see cref="Indexing.ArticleDocumentBuilder"/> writes them so); queries look up one code.
    /// </summary>
    /// <param name="forIndex">True for the writer, false for queries (see <see cref="KbAnalyzer"/>).</param>
    /// <param name="phrases">For a query's phrases: the stop words of the index (see <see cref="KbAnalyzer"/>).</param>
    public static Analyzer Create(bool forIndex = false, bool phrases = false)
    {
        var code = new CodeAnalyzer();
        var fields = CodeFields.ToDictionary(f => f, _ => (Analyzer)code, StringComparer.Ordinal);
        if (forIndex)
        {
            fields[KbFields.IdForm] = new FormsAnalyzer();
        }

        return new PerFieldAnalyzerWrapper(new KbAnalyzer(forIndex, phrases), fields);
    }

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/>, each with its position (gaps where stop words were).</summary>
    public static List<(string Term, int Position)> Positioned(Analyzer analyzer, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            if (increment.PositionIncrement > 0 || terms.Count == 0)
            {
                terms.Add((term.ToString(), Math.Max(position, 0)));
            }
        }

        stream.End();
        return terms;
    }

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/> for <paramref name="field"/>.</summary>
    /// <param name="analyzer">The analyzer.</param>
    /// <param name="field">The field whose analysis to use.</param>
    /// <param name="text">The text.</param>
    /// <param name="alternatives">Also return the alternatives at a word's position (<c>4.0</c> beside <c>4</c>).</param>
    public static List<string> Terms(Analyzer analyzer, string field, string text, bool alternatives = false)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            // Alternatives at the same position (synonyms, parts) are not words of their own.
            if (alternatives || increment.PositionIncrement > 0 || terms.Count == 0)
            {
                terms.Add(term.ToString());
            }
        }

        stream.End();
        return terms;
    }
}
