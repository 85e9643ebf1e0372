using Lucene.Net.Analysis.Util;

namespace Kb.Index.Analysis;

/// <summary>
/// Words dropped from text fields and queries: Lucene's English stop set plus the question and
/// pronoun words people put around a search ("how do I ...", "why does my ...") and the
/// one-letter leftovers of contractions and possessives ("don't", "Microsoft's").
/// </summary>
public static class KbStopWords
{
    /// <summary>The list, lower case; the site's tokenizer drops exactly these words.</summary>
    public static IReadOnlyList<string> Words { get; } =
    [
        // Lucene's English stop set (StopAnalyzer.ENGLISH_STOP_WORDS_SET).
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
        "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
        "they", "this", "to", "was", "will", "with",
        // How people phrase questions: these words say nothing about the article wanted.
        "i", "me", "my", "we", "our", "you", "your", "do", "does", "did", "how", "what", "why",
        "when", "where", "which", "who", "can", "could", "should", "would", "from", "s", "t",
    ];

    /// <summary>The same words as a Lucene set.</summary>
    public static CharArraySet Set { get; } = CharArraySet.Copy(KbIndexVersion.Lucene, Words.ToHashSet(StringComparer.Ordinal)).AsReadOnly();

    /// <summary>
    /// Stop words that are indexed all the same: negations and the modal verbs of error messages
    /// ("could not open", "cannot be found", "does not exist"). A query's words never look them up,
    /// but the phrases of a pasted message do, so "could not find" is not "could find".
    /// </summary>
    public static IReadOnlyList<string> Indexed { get; } = ["no", "not", "can", "could", "would", "should", "will", "does", "did"];

    /// <summary>The words the index drops: <see cref="Words"/> but <see cref="Indexed"/>.</summary>
    public static CharArraySet IndexSet { get; } = CharArraySet.Copy(KbIndexVersion.Lucene, Words.Except(Indexed).ToHashSet(StringComparer.Ordinal)).AsReadOnly();
}
