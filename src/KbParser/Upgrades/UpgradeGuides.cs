using System.Globalization;
using System.Text;
using Kb.Parser.Model;
using Kb.Parser.Products;

namespace Kb.Parser.Upgrades;

/// <summary>The articles of one guide's group, in article-number order.</summary>
public sealed record UpgradeGuideGroup(UpgradeGroup Group, string Heading, IReadOnlyList<UpgradeArticle> Articles);

/// <summary>
/// An upgrade guide: every article that speaks about going from <see cref="From"/> to <see cref="To"/>
/// (both with versions for one family; another family for product to product), grouped in the order
/// a reader needs them, at <see cref="Path"/> (<c>upgrade/windows-nt/3-51-to-4-0/</c>).
/// </summary>
public sealed record UpgradeGuide(UpgradeEnd From, UpgradeEnd To, string Title, string Path, IReadOnlyList<UpgradeGuideGroup> Groups)
{
    /// <summary>Article places over all groups (an article in two groups counts twice).</summary>
    public int ArticleCount => Groups.Sum(g => g.Articles.Count);
}

/// <summary>
/// Builds upgrade guides from articles: every path an article names with both ends known makes (or
/// joins) a guide; an article about "upgrading to B" without a starting point joins every guide to B.
/// Library entry point: <see cref="Build(IEnumerable{ArticleRecord})"/>, then <see cref="Find"/>.
/// </summary>
public sealed class UpgradeGuides
{
    /// <summary>Group headings, in reading order.</summary>
    public static readonly IReadOnlyDictionary<UpgradeGroup, string> Headings = new Dictionary<UpgradeGroup, string>
    {
        [UpgradeGroup.Plan] = "Plan and prerequisites",
        [UpgradeGroup.How] = "How to upgrade",
        [UpgradeGroup.During] = "Problems during the upgrade",
        [UpgradeGroup.After] = "After the upgrade",
    };

    private UpgradeGuides(IReadOnlyList<UpgradeGuide> guides) => Guides = guides;

    /// <summary>Every guide, ordered by family, then versions in release order.</summary>
    public IReadOnlyList<UpgradeGuide> Guides { get; }

    /// <summary>Guides from parsed records (read once, in any order; only the upgrade articles are kept).</summary>
    public static UpgradeGuides Build(IEnumerable<ArticleRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Assemble(records.Select(UpgradeArticles.Describe).OfType<UpgradeArticle>());
    }

    /// <summary>Guides from articles already described by <see cref="UpgradeArticles.Describe"/>.</summary>
    public static UpgradeGuides Assemble(IEnumerable<UpgradeArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var byPair = new Dictionary<(UpgradeEnd From, UpgradeEnd To), List<UpgradeArticle>>();
        var toOnly = new List<(UpgradeEnd To, UpgradeArticle Article)>();
        foreach (var a in articles)
        {
            foreach (var p in a.Paths)
            {
                if (p.From is null)
                {
                    toOnly.Add((p.To, a));
                    continue;
                }

                if (!byPair.TryGetValue((p.From, p.To), out var list))
                {
                    byPair[(p.From, p.To)] = list = [];
                }

                if (!list.Any(x => x.Id == a.Id))
                {
                    list.Add(a);
                }
            }
        }

        foreach (var (to, article) in toOnly)
        {
            foreach (var (key, list) in byPair)
            {
                if (key.To == to && !list.Any(x => x.Id == article.Id))
                {
                    list.Add(article);
                }
            }
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        var guides = byPair
            .OrderBy(p => p.Key.From.Family, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Key.From.Version ?? "", ProductNames.VersionComparer)
            .ThenBy(p => p.Key.To.Family, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Key.To.Version ?? "", ProductNames.VersionComparer)
            .Select(p => Guide(p.Key.From, p.Key.To, p.Value, paths))
            .ToList();
        return new UpgradeGuides(guides);
    }

    /// <summary>
    /// The guides of a family (as named by the product model, case-insensitive; "Windows NT"), optionally
    /// from and to given versions (or, for <paramref name="to"/>, another family: "Windows 2000").
    /// </summary>
    public IReadOnlyList<UpgradeGuide> Find(string family, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        var name = Canonical(family);
        return Guides.Where(g =>
                (g.From.Family.Equals(name, StringComparison.OrdinalIgnoreCase) || g.To.Family.Equals(name, StringComparison.OrdinalIgnoreCase))
                && (from is null || VersionIs(g.From, from))
                && (to is null || VersionIs(g.To, to) || g.To.ToString().Equals(to, StringComparison.OrdinalIgnoreCase)
                    || g.To.Family.Equals(Canonical(to), StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>The family name the product model gives <paramref name="name"/> ("Microsoft Exchange Server" → Exchange), else the name.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = name.Trim();
        return n.Length > 0 && ProductNames.Read(char.ToUpperInvariant(n[0]) + n[1..]) is { } p ? p.Family : n;
    }

    private static bool VersionIs(UpgradeEnd end, string version) =>
        end.Version is { } v && (v.Equals(version, StringComparison.OrdinalIgnoreCase) || v == ProductNames.NormalizeVersion(version.Trim()));

    private static UpgradeGuide Guide(UpgradeEnd from, UpgradeEnd to, List<UpgradeArticle> articles, HashSet<string> paths)
    {
        var title = from.Family == to.Family
            ? $"Upgrading {from.Family} {from.Version} to {to.Version}"
            : $"Upgrading from {from} to {to}";
        var tail = from.Family == to.Family
            ? Slug(from.Version!) + "-to-" + Slug(to.Version!)
            : (from.Version is null ? "" : Slug(from.Version) + "-") + "to-" + Slug(to.ToString());
        var path = "upgrade/" + Slug(from.Family) + "/" + tail + "/";
        for (var n = 2; !paths.Add(path); n++)
        {
            path = "upgrade/" + Slug(from.Family) + "/" + tail + "-" + n.ToString(CultureInfo.InvariantCulture) + "/";
        }

        var groups = articles
            .GroupBy(a => a.Group)
            .OrderBy(g => g.Key)
            .Select(g => new UpgradeGuideGroup(g.Key, Headings[g.Key],
                g.OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal).ToList()))
            .ToList();
        return new UpgradeGuide(from, to, title, path, groups);
    }

    /// <summary>Lower-case letters and digits joined by single hyphens ("3.51" → "3-51", "Windows NT" → "windows-nt").</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                sb.Append(c);
            }
            else if (c == '+')
            {
                sb.Append("pp");
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var s = sb.ToString().Trim('-');
        return s.Length == 0 ? "x" : s;
    }
}
