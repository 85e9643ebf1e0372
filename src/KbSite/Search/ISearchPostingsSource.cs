namespace Kb.Site.Search;

/// <summary>
/// Where the static search's postings come from: <see cref="IndexPostingsSource"/>, KbIndex's
/// Lucene export (per-posting BM25F weights quantised to a byte, document numbers mapped to the
/// catalog's). The file format (<see cref="SearchExporter"/>) depends only on this contract.
/// </summary>
internal interface ISearchPostingsSource
{
    /// <summary>Number of documents; document numbers are catalog positions.</summary>
    int Documents { get; }

    /// <summary>Adds a filter term (impact 0) for the given documents.</summary>
    void AddProductFilter(string term, IEnumerable<int> docs);

    /// <summary>Every term in ordinal order with its postings sorted by document, at most <paramref name="maxPostingsPerTerm"/> (the highest impacts).</summary>
    IEnumerable<(string Term, (int Doc, byte Impact)[] Postings)> Postings(int maxPostingsPerTerm, int parallelism);
}
