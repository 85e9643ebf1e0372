using System.Collections.Concurrent;

namespace Kb.Site.Search;

/// <summary>
/// Every distinct search term of the build with a number, shared by the reading threads: a term's
/// string is allocated once for the whole corpus, and documents count terms by number.
/// Numbers may have gaps (two threads racing on a new term); they are never reused.
/// </summary>
internal sealed class SearchTermTable
{
    private readonly ConcurrentDictionary<string, int> _ids = new(Environment.ProcessorCount, 1 << 19, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int _next = -1;

    public SearchTermTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>One more than the highest number handed out.</summary>
    public int Capacity => Volatile.Read(ref _next) + 1;

    public int Id(ReadOnlySpan<char> term) =>
        _lookup.TryGetValue(term, out var id) ? id : _ids.GetOrAdd(new string(term), _ => Interlocked.Increment(ref _next));

    public int Id(string term) => _ids.GetOrAdd(term, _ => Interlocked.Increment(ref _next));

    /// <summary>Terms with their numbers, in ordinal order of the terms.</summary>
    public (string Term, int Id)[] Sorted()
    {
        var all = _ids.Select(p => (p.Key, p.Value)).ToArray();
        Array.Sort(all, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return all;
    }
}
