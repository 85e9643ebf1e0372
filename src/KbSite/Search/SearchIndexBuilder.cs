namespace Kb.Site.Search;

/// <summary>
/// Collects term frequencies per document (documents added in ascending number order, from one
/// thread) and computes BM25 impacts for the static search export.
/// </summary>
internal sealed class SearchIndexBuilder : ISearchPostingsSource
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    /// <summary>Impacts are stored as one byte: score times this scale, rounded.</summary>
    public const double ImpactScale = 10;

    private readonly List<int> _lengths = [];
    private PostingList?[] _postings = new PostingList?[1 << 16];

    public SearchIndexBuilder(SearchTermTable table) => Table = table;

    /// <summary>The term numbers the reading threads use.</summary>
    public SearchTermTable Table { get; }

    public int Documents => _lengths.Count;

    public void Add(int doc, Dictionary<int, int> counts, int length)
    {
        while (_lengths.Count <= doc)
        {
            _lengths.Add(0);
        }

        _lengths[doc] = length;
        foreach (var (term, tf) in counts)
        {
            Slot(term).Add(doc, tf);
        }
    }

    private PostingList Slot(int id)
    {
        if (id >= _postings.Length)
        {
            Array.Resize(ref _postings, Math.Max(id + 1, _postings.Length * 2));
        }

        return _postings[id] ??= new PostingList();
    }

    /// <summary>Adds a filter term (a product) whose postings carry no score.</summary>
    public void AddFilter(string term, int doc)
    {
        Slot(Table.Id(term)).Add(doc, 0);
    }

    /// <summary>Terms that occur in some document, in ordinal order, with their numbers.</summary>
    public (string Term, int Id)[] SortedTerms() =>
        Table.Sorted().Where(t => t.Id < _postings.Length && _postings[t.Id] is { Count: > 0 }).ToArray();

    /// <inheritdoc/>
    public void AddProductFilter(string term, IEnumerable<int> docs)
    {
        foreach (var d in docs)
        {
            AddFilter(term, d);
        }
    }

    /// <inheritdoc/>
    public IEnumerable<(string Term, (int Doc, byte Impact)[] Postings)> Postings(int maxPostingsPerTerm, int parallelism)
    {
        Prepare();
        var sorted = SortedTerms();
        var encoded = new (int Doc, byte Impact)[sorted.Length][];
        Parallel.For(0, sorted.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
            encoded[i] = Impacts(sorted[i].Id, maxPostingsPerTerm));
        for (var i = 0; i < sorted.Length; i++)
        {
            yield return (sorted[i].Term, encoded[i]);
        }
    }

    /// <summary>
    /// The term's postings as (doc, impact) pairs sorted by doc, keeping only the
    /// <paramref name="maxPostings"/> highest impacts (the ones that can reach the first pages of results).
    /// </summary>
    public (int Doc, byte Impact)[] Impacts(int term, int maxPostings)
    {
        var p = _postings[term]!;
        var n = Documents;
        var avg = AverageLength;
        var idf = Math.Log(1 + ((n - p.Count + 0.5) / (p.Count + 0.5)));
        var result = new (int Doc, byte Impact)[p.Count];
        for (var i = 0; i < p.Count; i++)
        {
            var doc = p.Docs[i];
            var tf = p.Freqs[i];
            var score = tf == 0 ? 0 : idf * (tf * (K1 + 1)) / (tf + (K1 * (1 - B + (B * _lengths[doc] / avg))));
            result[i] = (doc, (byte)Math.Clamp(Math.Round(score * ImpactScale), tf == 0 ? 0 : 1, 255));
        }

        if (result.Length > maxPostings)
        {
            Array.Sort(result, (a, b) => a.Impact != b.Impact ? b.Impact.CompareTo(a.Impact) : a.Doc.CompareTo(b.Doc));
            Array.Resize(ref result, maxPostings);
            Array.Sort(result, (a, b) => a.Doc.CompareTo(b.Doc));
        }

        return result;
    }

    /// <summary>Fixes the average document length; call once before <see cref="Impacts"/> (which may then run in parallel).</summary>
    public void Prepare()
    {
        long sum = 0;
        foreach (var l in _lengths)
        {
            sum += l;
        }

        AverageLength = _lengths.Count == 0 ? 1 : Math.Max(1, (double)sum / _lengths.Count);
    }

    private double AverageLength { get; set; } = 1;

    private sealed class PostingList
    {
        public int[] Docs = new int[2];
        public int[] Freqs = new int[2];
        public int Count;

        public void Add(int doc, int tf)
        {
            if (Count == Docs.Length)
            {
                Array.Resize(ref Docs, Count * 2);
                Array.Resize(ref Freqs, Count * 2);
            }

            Docs[Count] = doc;
            Freqs[Count] = tf;
            Count++;
        }
    }
}
