using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kb.Index.Analysis;

/// <summary>
/// Product abbreviations learned from the corpus: a short upper-case tag that titles use
/// (the title prefix <c>SMS:</c>, or a word such as <c>IIS</c> in the title) is linked to the
/// products of the articles that carry it when most of them share a product. So <c>sms</c>
/// expands to "Microsoft Systems Management Server" and <c>xadm</c> to "Microsoft Exchange"
/// without a hand-written list, and a new corpus teaches its own tags.
/// </summary>
public sealed partial class Abbreviations
{
    /// <summary>A tag must be seen on at least this many articles...</summary>
    public const int MinArticles = 5;

    /// <summary>...and at least this share of them must name the product.</summary>
    public const double MinShare = 0.5;

    private static readonly char[] Separators = [' ', ':', ',', '(', ')', '/', '"', ';'];
    private readonly Dictionary<string, IReadOnlyList<Expansion>> _map;

    private Abbreviations(Dictionary<string, IReadOnlyList<Expansion>> map, Dictionary<string, string>? definitions = null, Learned? learned = null)
    {
        _map = map;
        Definitions = definitions ?? [];
        DefinitionCounts = learned?.DefinitionCounts ?? [];
        Shorthands = learned?.Shorthand ?? [];
    }

    /// <summary>In how many articles each definition of <see cref="Definitions"/> was seen.</summary>
    public IReadOnlyDictionary<string, int> DefinitionCounts { get; }

    /// <summary>The name part of glued product versions (<c>win</c> → <c>windows</c>, <c>ppt</c> → <c>powerpoint</c>), see <see cref="Analysis.Shorthand"/>.</summary>
    public IReadOnlyDictionary<string, string> Shorthands { get; }

    /// <summary>No abbreviations (an empty index).</summary>
    public static Abbreviations Empty { get; } = new([]);

    /// <summary>A definition must be seen in at least this many articles.</summary>
    public const int MinDefinitions = 3;

    /// <summary>Abbreviation (lower case) to the words articles spell it out with (<c>vfp</c> → <c>visual foxpro</c>), see <see cref="Analysis.Definitions"/>.</summary>
    public IReadOnlyDictionary<string, string> Definitions { get; }

    /// <summary>Tag (lower case) to products, most likely first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Expansion>> Map => _map;

    /// <summary>The products a lower-case word abbreviates, or none.</summary>
    public IReadOnlyList<Expansion> Expand(string word) => _map.TryGetValue(word, out var e) ? e : [];

    /// <summary>
    /// What a document records for learning: <c>t:</c> + each tag (<see cref="TagsOf"/>) and <c>w:</c> +
    /// each title word in any case, so a tag that is mostly an ordinary word ("CREATE TABLE" beside
    /// "How to Create") can be told from a real abbreviation.
    /// </summary>
    public static IEnumerable<string> LearningValues(string title, string? prefix)
    {
        ArgumentNullException.ThrowIfNull(title);
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in TagsOf(title, prefix))
        {
            values.Add("t:" + tag);
        }

        foreach (var word in title.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            values.Add("w:" + word.TrimEnd('.').ToLowerInvariant());
        }

        if (prefix is { Length: > 0 } && !prefix.Contains(' ', StringComparison.Ordinal))
        {
            values.Add("w:" + prefix.ToLowerInvariant());
        }

        return values;
    }

    /// <summary>The tags of a title: its prefix when it is one word, and its upper-case words of 2-8 characters.</summary>
    public static IEnumerable<string> TagsOf(string title, string? prefix)
    {
        ArgumentNullException.ThrowIfNull(title);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        if (prefix is { Length: > 0 } && !prefix.Contains(' ', StringComparison.Ordinal))
        {
            tags.Add(prefix.ToLowerInvariant());
        }

        foreach (var word in title.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.TrimEnd('.');
            if (w.Length is >= 2 and <= 8 && w.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) && w.Count(char.IsAsciiLetterUpper) >= 2)
            {
                tags.Add(w.ToLowerInvariant());
            }
        }

        return tags;
    }

    /// <summary>Learns the table from the tag and product doc values of every live document.</summary>
    public static Abbreviations Learn(IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tagCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var definitionCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var shorthandCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairCounts = new Dictionary<(string Tag, string Product), int>();
        var scratch = new BytesRef();
        var tags = new List<string>();
        foreach (var leaf in reader.Leaves)
        {
            var r = leaf.AtomicReader;
            var tagValues = r.GetSortedSetDocValues(KbFields.Tag);
            var products = r.GetSortedSetDocValues(KbFields.ProductExact);
            if (tagValues is null || products is null)
            {
                continue;
            }

            var live = r.LiveDocs;
            for (var doc = 0; doc < r.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                tags.Clear();
                tagValues.SetDocument(doc);
                for (var ord = tagValues.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = tagValues.NextOrd())
                {
                    tagValues.LookupOrd(ord, scratch);
                    var value = scratch.Utf8ToString();
                    if (value.StartsWith("d:", StringComparison.Ordinal))
                    {
                        definitionCounts[value[2..]] = definitionCounts.GetValueOrDefault(value[2..]) + 1;
                        continue;
                    }

                    if (value.StartsWith("g:", StringComparison.Ordinal))
                    {
                        shorthandCounts[value[2..]] = shorthandCounts.GetValueOrDefault(value[2..]) + 1;
                        continue;
                    }

                    if (value.StartsWith("w:", StringComparison.Ordinal))
                    {
                        wordCounts[value[2..]] = wordCounts.GetValueOrDefault(value[2..]) + 1;
                        continue;
                    }

                    var tag = value[2..];
                    tags.Add(tag);
                    tagCounts[tag] = tagCounts.GetValueOrDefault(tag) + 1;
                }

                products.SetDocument(doc);
                for (var ord = products.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = products.NextOrd())
                {
                    products.LookupOrd(ord, scratch);
                    var product = scratch.Utf8ToString();
                    foreach (var tag in tags)
                    {
                        pairCounts[(tag, product)] = pairCounts.GetValueOrDefault((tag, product)) + 1;
                    }
                }
            }
        }

        var map = pairCounts
            .Where(p => tagCounts[p.Key.Tag] >= MinArticles && p.Value >= MinArticles && p.Value >= MinShare * tagCounts[p.Key.Tag]
                && tagCounts[p.Key.Tag] >= MinShare * wordCounts.GetValueOrDefault(p.Key.Tag))
            .GroupBy(p => p.Key.Tag, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<Expansion>)g.Select(p => new Expansion(p.Key.Product, Math.Round((double)p.Value / tagCounts[g.Key], 3)))
                    .OrderByDescending(e => e.Share).ThenBy(e => e.Product, StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
        // The most frequent spelling of each abbreviation, when it is seen often enough.
        var best = MostFrequent(definitionCounts, MinDefinitions);
        var definitions = best.ToDictionary(p => p.Key, p => p.Value.Words, StringComparer.Ordinal);
        var shorthand = MostFrequent(shorthandCounts, Shorthand.MinArticles).ToDictionary(p => p.Key, p => p.Value.Words, StringComparer.Ordinal);
        var learned = new Learned { DefinitionCounts = best.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal), Shorthand = shorthand };
        return new Abbreviations(map, definitions, learned);
    }

    /// <summary>Per key of <c>key=words</c> counts, its most frequent words when seen at least <paramref name="min"/> times.</summary>
    private static Dictionary<string, (string Words, int Count)> MostFrequent(Dictionary<string, int> counts, int min) =>
        counts
            .Select(p => (Key: p.Key[..p.Key.IndexOf('=', StringComparison.Ordinal)], Words: p.Key[(p.Key.IndexOf('=', StringComparison.Ordinal) + 1)..], Count: p.Value))
            .Where(d => d.Count >= min)
            .GroupBy(d => d.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.Count).ThenBy(d => d.Words, StringComparer.Ordinal).Select(d => (d.Words, d.Count)).First(), StringComparer.Ordinal);
}

/// <summary>A product an abbreviation stands for, and the share of the tag's articles that name it.</summary>
public sealed record Expansion(string Product, double Share);
