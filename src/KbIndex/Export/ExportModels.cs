namespace Kb.Index.Export;

/// <summary>Per-article data the static search shows and ranks with; <see cref="Doc"/> is the number postings use.</summary>
public sealed record ExportDocument
{
    /// <summary>0-based position in <see cref="SearchExport.Documents"/> (articles in ordinal id order).</summary>
    public required int Doc { get; init; }
    /// <summary>The article number (<c>Q199250</c>).</summary>
    public required string Id { get; init; }
    /// <summary>The article's title.</summary>
    public required string Title { get; init; }
    /// <summary>The article's products.</summary>
    public IReadOnlyList<string> Products { get; init; } = [];
    /// <summary>Year of last modification, or null when unknown.</summary>
    public int? Year { get; init; }
    /// <summary>The article's kind (info, problem, howto, bug, fix, sample, other).</summary>
    public string Kind { get; init; } = "";
    /// <summary>The article's own permalink, or null for the default path.</summary>
    public string? Permalink { get; init; }
    /// <summary>Plain text: the start of the summary (SUMMARY or SYMPTOMS), at most <see cref="SearchExport.SnippetLength"/> characters.</summary>
    public string Snippet { get; init; } = "";
    /// <summary>Number of options, for a "has options" filter.</summary>
    public int Options { get; init; }
}

/// <summary>One index term and the articles it occurs in, with a precomputed weight per article.</summary>
public sealed record ExportTerm(string Term, int DocumentFrequency, IReadOnlyList<ExportPosting> Postings);

/// <summary>An article a term occurs in and the term's BM25F weight there; a query's score is the sum of its terms' weights.</summary>
public readonly record struct ExportPosting(int Doc, float Weight);

/// <summary>What the site's JavaScript must do to a query so its words match the exported terms.</summary>
public sealed record ExportAnalysis
{
    /// <summary>Words: <c>[\p{L}\p{Nd}]+(?:[._][\p{L}\p{Nd}]+)*</c> with the <c>u</c> flag.</summary>
    public string TokenPattern { get; init; } = @"[\p{L}\p{Nd}]+(?:[._][\p{L}\p{Nd}]+)*";
    /// <summary>Longest word kept, in characters.</summary>
    public int MaxTokenLength { get; init; } = Analysis.KbTokenizer.MaxTokenLength;
    /// <summary>Dropped after lower-casing.</summary>
    public IReadOnlyList<string> StopWords { get; init; } = Analysis.KbStopWords.Words;
    /// <summary>"porter": Martin Porter's 1980 algorithm (Lucene's PorterStemmer), applied only to words matching <see cref="StemOnly"/>.</summary>
    public string Stemmer { get; init; } = "porter";
    /// <summary>Only words matching this pattern are stemmed.</summary>
    public string StemOnly { get; init; } = "^[a-z]+$";
    /// <summary>Words matching <see cref="StemOnly"/> that are left whole all the same (product names: "windows", "dos").</summary>
    public IReadOnlyList<string> Unstemmed { get; init; } = Analysis.StemGuardFilter.Unstemmed;
    /// <summary>Optional query variants, as <c>kb search</c> adds them: stems that stand in for one another.</summary>
    public IReadOnlyList<string> UpgradeWords { get; init; } = Analysis.QueryVariantsFilter.UpgradeWords;
}

/// <summary>
/// The collection statistics every exported weight depends on: the number of articles (in the idf) and
/// each weighted field's average length (in the length normalisation; fields normalised by the article's
/// whole text share one average).
/// </summary>
/// <param name="Documents">Number of live articles.</param>
/// <param name="Averages">Average length by field name.</param>
public sealed record ExportStatistics(int Documents, IReadOnlyDictionary<string, float> Averages)
{
    /// <summary>
    /// The largest relative difference between the two sets of averages (infinity when the document counts
    /// or the fields differ).
    /// </summary>
    public double Drift(ExportStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Documents != Documents || other.Averages.Count != Averages.Count)
        {
            return double.PositiveInfinity;
        }

        var drift = 0.0;
        foreach (var (field, average) in Averages)
        {
            if (!other.Averages.TryGetValue(field, out var theirs))
            {
                return double.PositiveInfinity;
            }

            drift = Math.Max(drift, Math.Abs(theirs - average) / Math.Max(average, 1e-6));
        }

        return drift;
    }
}
