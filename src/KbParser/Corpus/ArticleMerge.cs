using System.Globalization;
using Kb.Parser.Model;

namespace Kb.Parser.Corpus;

/// <summary>What a merge needs to know of one copy of an article.</summary>
public sealed record MergeCandidate(string Id, string? SourcePath, string? SourceForm, string? LastModified, string Title, long Completeness, int Order);

/// <summary>
/// Several sources (of any forms) merged into one record per article number. The copy kept is the newest
/// by last-modified date, then the most complete (<see cref="MergeCandidate.Completeness"/>: the size of
/// its source text, which the site's first pass knows without a full parse), then the first in source order; the others are recorded as the kept record's
/// <see cref="ArticleRecord.Provenance"/>, and a copy under another title is reported (KBP120).
/// Built in a first pass over cheap candidates, applied to full records in a second pass.
/// </summary>
public sealed class ArticleMerge
{
    private readonly Dictionary<string, List<MergeCandidate>> _byId = new(StringComparer.Ordinal);
    private int _order;

    /// <summary>How many copies were set aside (not kept) so far.</summary>
    public int Dropped => _byId.Values.Sum(l => l.Count - 1);

    /// <summary>
    /// The first pass over several sources, in the order given: every article parsed once for its candidate.
    /// <paramref name="onArticle"/> is called per file read (for progress).
    /// </summary>
    public static ArticleMerge Scan(IEnumerable<string> sources, Action? onArticle = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var merge = new ArticleMerge();
        foreach (var source in sources)
        {
            foreach (var candidate in CorpusReader.Parse(source, r => CandidateOf(r, 0), cancellationToken: cancellationToken))
            {
                onArticle?.Invoke();
                if (candidate is not null)
                {
                    merge.Add(candidate with { Order = merge._order++ });
                }
            }
        }

        return merge;
    }

    /// <summary>The candidate of a parsed file; completeness is the size of its source text.</summary>
    public static MergeCandidate? CandidateOf(ParseResult result, int order)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Record is not { } r ? null
            : new MergeCandidate(r.Id, r.SourcePath, r.SourceForm, r.LastModified, r.Title, result.SourceLength, order);
    }

    /// <summary>Adds a parsed file, numbered in the order added.</summary>
    public void Add(ParseResult result)
    {
        if (CandidateOf(result, _order++) is { } c)
        {
            Add(c);
        }
    }

    /// <summary>Adds one copy of an article to weigh against the others of the same number.</summary>
    public void Add(MergeCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Id.Length == 0)
        {
            return;
        }

        if (!_byId.TryGetValue(candidate.Id, out var list))
        {
            _byId[candidate.Id] = list = [];
        }

        list.Add(candidate);
    }

    /// <summary>The copy kept for an article number.</summary>
    public MergeCandidate? Winner(string id) => _byId.TryGetValue(id, out var list) ? list.OrderBy(c => c, Preference).First() : null;

    /// <summary>True when <paramref name="a"/> is preferred over <paramref name="b"/>.</summary>
    public static bool Prefers(MergeCandidate a, MergeCandidate b) => Preference.Compare(a, b) < 0;

    /// <summary>
    /// The record as the merge keeps it: null when another copy is kept; otherwise with the other copies as
    /// provenance and a diagnostic for each that carries another title.
    /// </summary>
    public ArticleRecord? Apply(ArticleRecord record, string? sourcePath)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Id.Length == 0 || !_byId.TryGetValue(record.Id, out var list) || list.Count == 1)
        {
            return record;
        }

        var winner = list.OrderBy(c => c, Preference).First();
        if (!string.Equals(winner.SourcePath, sourcePath, StringComparison.Ordinal))
        {
            return null;
        }

        var others = list.Where(c => !ReferenceEquals(c, winner)).OrderBy(c => c.Order).ToList();
        var diagnostics = record.Diagnostics.ToList();
        foreach (var o in others.Where(o => !SameTitle(o.Title, record.Title)))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.TitleConflict, 0,
                $"{SourcePaths.Show(o.SourcePath ?? "?")} holds {record.Id} under another title: '{o.Title}'"));
        }

        return record with
        {
            Provenance = others.Select(o => new ProvenanceEntry(o.SourcePath, o.SourceForm, o.LastModified, o.Title)).ToList(),
            Diagnostics = diagnostics,
        };
    }

    /// <summary>Titles compared without case and runs of blanks: mirrors re-wrap and re-case them.</summary>
    public static bool SameTitle(string a, string b) =>
        string.Equals(string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', b.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);

    private static readonly Comparer<MergeCandidate> Preference = Comparer<MergeCandidate>.Create((a, b) =>
    {
        // Newest first (a missing date is oldest), then the larger source, then source order.
        var byDate = string.CompareOrdinal(b.LastModified ?? "", a.LastModified ?? "");
        if (byDate != 0)
        {
            return byDate;
        }

        var byText = b.Completeness.CompareTo(a.Completeness);
        return byText != 0 ? byText : a.Order.CompareTo(b.Order);
    });

    /// <summary>A summary line for reports: "merged N sources: M copies set aside".</summary>
    public string Describe(int sources) =>
        string.Create(CultureInfo.InvariantCulture, $"merged {sources} sources: {_byId.Count} articles, {Dropped} older or smaller copies set aside");
}
