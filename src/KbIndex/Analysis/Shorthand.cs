using System.Text.RegularExpressions;

namespace Kb.Index.Analysis;

/// <summary>
/// Product names glued to their versions, as people type them and as articles list them in their
/// "Additional query words": <c>win95</c>, <c>nt4</c>, <c>exch55</c>, <c>ppt97</c>, <c>fs2k</c>,
/// <c>win98se</c>. The name part is learned from the articles themselves: an article whose query
/// words say <c>ppt97</c> and whose title or products say "PowerPoint 97" teaches <c>ppt</c> →
/// "powerpoint" (the name's letters, in order, starting each word: initials or a contraction).
/// </summary>
public static partial class Shorthand
{
    /// <summary>A learned name must be seen in at least this many articles.</summary>
    public const int MinArticles = 3;

    /// <summary>Splits a lower-case word into name and version (<c>win98se</c> → <c>win</c>, <c>98</c>), or returns false.</summary>
    public static bool TrySplit(string word, out string name, out string version)
    {
        ArgumentNullException.ThrowIfNull(word);
        var m = Glued().Match(word);
        name = m.Success ? m.Groups["name"].Value : "";
        version = m.Success ? m.Groups["version"].Value : "";
        return m.Success && !name.StartsWith("kb", StringComparison.Ordinal) && !name.StartsWith("prod", StringComparison.Ordinal);
    }

    /// <summary>How articles write a glued version: <c>4</c> → 4.0 and 4, <c>55</c> → 5.5, <c>311</c> → 3.11, <c>2k</c> → 2000; 95, 97, 98 as they are.</summary>
    public static IReadOnlyList<string> VersionForms(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version switch
        {
            "2k" => ["2000"],
            { Length: 1 } => [version + ".0", version],
            { Length: 2 } when version[0] is '9' or '0' => [version],
            { Length: 2 } => [version[0] + "." + version[1], version],
            { Length: 3 } => [version[0] + "." + version[1..], version],
            _ => [version],
        };
    }

    /// <summary>
    /// The names an article's glued query words stand for, read from its title and products: each
    /// <c>(name, words)</c> where the words are followed by the version and the name spells them.
    /// </summary>
    public static IEnumerable<(string Name, string Words)> Learn(IEnumerable<string> queryWords, string title, IEnumerable<string> products)
    {
        ArgumentNullException.ThrowIfNull(queryWords);
        ArgumentNullException.ThrowIfNull(products);
        var text = new List<string>[] { Words(title) }.Concat(products.Select(Words)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in queryWords.SelectMany(q => q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
        {
            var word = raw.ToLowerInvariant();
            if (!TrySplit(word, out var name, out var version) || !seen.Add(name))
            {
                continue;
            }

            var forms = VersionForms(version);
            foreach (var words in text)
            {
                var found = Find(words, name, forms);
                if (found is not null)
                {
                    yield return (name, found);
                    break;
                }
            }
        }
    }

    /// <summary>The shortest run of one to three words, just before a version form, that <paramref name="name"/> spells.</summary>
    private static string? Find(List<string> words, string name, IReadOnlyList<string> forms)
    {
        for (var j = 1; j < words.Count; j++)
        {
            if (!forms.Contains(words[j]))
            {
                continue;
            }

            for (var k = 1; k <= Math.Min(3, j); k++)
            {
                var run = words.GetRange(j - k, k);
                if (Spells(name, run, 0, 0))
                {
                    return string.Join(' ', run);
                }
            }
        }

        return null;
    }

    /// <summary>Each word starts with the name's next letter and may give more of its letters in order (<c>ppt</c> spells "powerpoint", <c>fs</c> "flight simulator").</summary>
    private static bool Spells(string name, List<string> run, int word, int at)
    {
        if (word == run.Count)
        {
            return at == name.Length;
        }

        var w = run[word];
        if (at >= name.Length || w.Length == 0 || w[0] != name[at])
        {
            return false;
        }

        // Take the first letter, then any further letters of the name found in order inside the word.
        var next = at + 1;
        var options = new List<int> { next };
        for (var i = 1; i < w.Length && next < name.Length; i++)
        {
            if (w[i] == name[next])
            {
                next++;
                options.Add(next);
            }
        }

        for (var o = options.Count - 1; o >= 0; o--)
        {
            if (Spells(name, run, word + 1, options[o]))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Words(string text) =>
        [.. WordPattern().Matches(text ?? "").Select(m => m.Value.ToLowerInvariant())];

    [GeneratedRegex(@"^(?<name>[a-z]{2,})(?<version>2k|\d{1,3})(?:[a-z]{1,2})?$")]
    private static partial Regex Glued();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+(?:[._][\p{L}\p{Nd}]+)*")]
    private static partial Regex WordPattern();
}
