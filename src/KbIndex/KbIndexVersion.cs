using Lucene.Net.Util;

namespace Kb.Index;

/// <summary>
/// The index format this code writes. An index written with another value is rebuilt from
/// scratch instead of updated, because its fields or analysis may differ.
/// </summary>
public static class KbIndexVersion
{
    /// <summary>Bump when fields, analysis or the stored record change meaning.</summary>
    public const int Current = 2;

    /// <summary>The Lucene compatibility version every analyzer and writer uses.</summary>
    public const LuceneVersion Lucene = LuceneVersion.LUCENE_48;
}
