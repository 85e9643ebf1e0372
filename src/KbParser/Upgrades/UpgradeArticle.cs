using System.Text;
using System.Text.RegularExpressions;
using Kb.Parser.Model;
using Kb.Parser.Products;

namespace Kb.Parser.Upgrades;

/// <summary>One side of an upgrade: a family and, when the text gives it, a version.</summary>
public sealed record UpgradeEnd(string Family, string? Version)
{
    /// <summary>The family, then the version when there is one (<c>Windows NT 4.0</c>).</summary>
    public override string ToString() => Version is null ? Family : Family + " " + Version;
}

/// <summary>An upgrade an article speaks about: from one end to the other; <see cref="From"/> is null for "after upgrading to B".</summary>
public sealed record UpgradePath(UpgradeEnd? From, UpgradeEnd To);

/// <summary>Where an article stands in an upgrade guide, in the order a reader needs them.</summary>
public enum UpgradeGroup
{
    /// <summary>Plan and prerequisites: what to know and check before starting.</summary>
    Plan,

    /// <summary>How to upgrade: the procedures, with their options and conditions.</summary>
    How,

    /// <summary>Problems during the upgrade and their fixes.</summary>
    During,

    /// <summary>After the upgrade: problems and tasks on the upgraded system.</summary>
    After,
}

/// <summary>An option of a guide's article with the conditions that choose it.</summary>
public sealed record UpgradeOption(string Title, IReadOnlyList<string> Conditions);

/// <summary>What an upgrade guide keeps of one article: the paths it speaks about, its group and one line on why it is there.</summary>
public sealed record UpgradeArticle(string Id, string Title, string Kind, UpgradeGroup Group, string Why, IReadOnlyList<UpgradePath> Paths)
{
    /// <summary>The article's options (filled from a full parse; empty from a head-only one).</summary>
    public IReadOnlyList<UpgradeOption> Options { get; init; } = [];
}

/// <summary>
/// Finds the upgrades an article speaks about. It reads the title and the opening text (the first
/// 2,500 characters of the first sections, so a full record and a head-only parse agree) and takes
/// each sentence that has an upgrade word (upgrade, migrate, convert) and a version pair: "from A to
/// B", "to B from A", "A x to y" and "after upgrading to B". Each end is a product name the product
/// lexicon knows, or a bare version that takes its family from the other end or from the article's
/// first family.
/// </summary>
public static partial class UpgradeArticles
{
    /// <summary>How much opening text is read.</summary>
    public const int TextLimit = 2500;

    /// <summary>The article's upgrade paths, group and reason; null when it speaks of no upgrade between two versions or products.</summary>
    public static UpgradeArticle? Describe(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var home = record.ProductFamilies.Count > 0 ? record.ProductFamilies[0].Name : null;
        var paths = new List<UpgradePath>();
        string? reason = null;
        var sentences = Sentences(record).ToList();
        foreach (var s in sentences)
        {
            if (!UpgradeWord().IsMatch(s))
            {
                continue;
            }

            var found = Paths(s, home).ToList();
            foreach (var p in found)
            {
                if (!paths.Contains(p))
                {
                    paths.Add(p);
                }
            }

            if (found.Count > 0 && reason is null)
            {
                reason = s;
            }
        }

        if (paths.Count == 0)
        {
            return null;
        }

        var group = Classify(record, sentences);
        var options = record.Options.Select(o => new UpgradeOption(o.Title, o.Conditions.Select(c => c.Text).ToList())).ToList();
        return new UpgradeArticle(record.Id, record.Title, record.Kind, group, Why(group, record, reason!), paths) { Options = options };
    }

    /// <summary>The title and the opening sentences.</summary>
    internal static IEnumerable<string> Sentences(ArticleRecord record)
    {
        yield return record.Title;
        var text = new StringBuilder();
        foreach (var section in record.Sections)
        {
            foreach (var t in SectionText(section))
            {
                if (text.Length >= TextLimit)
                {
                    break;
                }

                text.Append(t).Append(' ');
            }
        }

        var all = text.Length > TextLimit ? text.ToString(0, TextLimit) : text.ToString();
        foreach (var s in SentenceBreak().Split(all))
        {
            var t = s.Trim();
            if (t.Length > 0)
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<string> SectionText(Section section)
    {
        foreach (var b in section.Blocks)
        {
            switch (b)
            {
                case ParagraphBlock p:
                    yield return p.Text;
                    break;
                case NoteBlock n:
                    yield return n.Text;
                    break;
                case ListBlock l:
                    foreach (var i in l.Items)
                    {
                        yield return i.Text.EndsWith('.') ? i.Text : i.Text + ".";
                    }

                    break;
            }
        }

        foreach (var sub in section.Subsections)
        {
            if (sub.Heading is { } h)
            {
                yield return h + ".";
            }

            foreach (var t in SectionText(sub))
            {
                yield return t;
            }
        }
    }

    /// <summary>The upgrade paths one sentence names.</summary>
    internal static IEnumerable<UpgradePath> Paths(string sentence, string? home)
    {
        foreach (Match m in FromTo().Matches(sentence))
        {
            if (Pair(m.Groups["a"].Value, m.Groups["b"].Value, home) is { } p)
            {
                yield return p;
            }
        }

        foreach (Match m in ToFrom().Matches(sentence))
        {
            if (Pair(m.Groups["a"].Value, m.Groups["b"].Value, home) is { } p)
            {
                yield return p;
            }
        }

        foreach (Match m in VersionTo().Matches(sentence))
        {
            if (Pair(m.Groups["a"].Value, m.Groups["b"].Value, home) is { } p)
            {
                yield return p;
            }
        }

        foreach (Match m in AfterTo().Matches(sentence))
        {
            if (End(m.Groups["b"].Value, home) is { Version: not null } b)
            {
                yield return new UpgradePath(null, b);
            }
        }
    }

    private static UpgradePath? Pair(string a, string b, string? home)
    {
        var from = End(a, null);
        var to = End(b, null);

        // A bare version takes its family from the other end, or from the article.
        from ??= Bare(a, to?.Family ?? home);
        to ??= Bare(b, from?.Family ?? home);
        if (from is null || to is null)
        {
            return null;
        }

        if (from.Family == to.Family && (from.Version is null || to.Version is null || from.Version == to.Version))
        {
            return null;
        }

        return new UpgradePath(from, to);
    }

    /// <summary>A product end ("Windows NT 4.0", "Exchange Server 5.5"): the family and its first version.</summary>
    private static UpgradeEnd? End(string phrase, string? home)
    {
        var p = Lead().Replace(phrase.Trim(), "");
        if (p.Length == 0)
        {
            return null;
        }

        if (ProductNames.Read(char.ToUpperInvariant(p[0]) + p[1..]) is { Category: false } n)
        {
            return new UpgradeEnd(n.Family, n.Versions.Count > 0 ? n.Versions[0] : null);
        }

        if (home is null)
        {
            return null;
        }

        // The article's own family named in full ("Testing Server 2.0"), or a bare version.
        var at = p.IndexOf(home, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? Bare(p[(at + home.Length)..], home) : Bare(phrase, home);
    }

    private static UpgradeEnd? Bare(string phrase, string? family)
    {
        var m = BareVersion().Match(phrase.Trim());
        return family is not null && m.Success ? new UpgradeEnd(family, ProductNames.NormalizeVersion(m.Groups[1].Value)) : null;
    }

    private static UpgradeGroup Classify(ArticleRecord record, List<string> sentences)
    {
        var title = record.Title;
        if (After().IsMatch(title) || sentences.Take(4).Any(s => After().IsMatch(s)))
        {
            return UpgradeGroup.After;
        }

        if (ArticleKinds.IsProblem(record) || ErrorTitle().IsMatch(title))
        {
            return UpgradeGroup.During;
        }

        if (record.Kind == ArticleKinds.HowTo || record.Options.Count > 1 || HowTitle().IsMatch(title))
        {
            return UpgradeGroup.How;
        }

        return UpgradeGroup.Plan;
    }

    private static string Why(UpgradeGroup group, ArticleRecord record, string sentence)
    {
        var lead = group switch
        {
            UpgradeGroup.Plan => "Read before you start",
            UpgradeGroup.How => record.Options.Count > 1 ? "Steps, with " + record.Options.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " options to choose from" : "Steps to follow",
            UpgradeGroup.During => "A problem you may meet during the upgrade, with its fix",
            _ => "A problem or task after the upgrade",
        };
        var s = sentence == record.Title ? FirstSentence(record) ?? sentence : sentence;
        return lead + ": " + Cut(s, 200);
    }

    private static string? FirstSentence(ArticleRecord record) =>
        Sentences(record).Skip(1).FirstOrDefault(s => s.Length > 30 && !s.StartsWith("The information in this article", StringComparison.Ordinal));

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', max);
        return string.Concat(text.AsSpan(0, space > max / 2 ? space : max), "\u2026");
    }

    [GeneratedRegex(@"\b(upgrad\w*|migrat\w*|convert\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UpgradeWord();

    private const string Stop = @"(?=$|[,;:()?!]|\.(?:\s|$)|\s(?:and|or|on|in|by|using|with|if|when|while|for|you|the|is|are|was|were|may|might|does|do|can|could|will|fails?|causes?|results?|upgrades?|setup|via|through|without|after|before|because|so|that|which)\b)";

    [GeneratedRegex(@"\bfrom\s+(?<a>[^,;:()]{1,50}?)\s+(?:to|into)\s+(?<b>[^,;:()]{1,50}?)" + Stop, RegexOptions.IgnoreCase)]
    private static partial Regex FromTo();

    [GeneratedRegex(@"\b(?:to|into)\s+(?<b>[^,;:()]{1,50}?)\s+from\s+(?<a>[^,;:()]{1,50}?)" + Stop, RegexOptions.IgnoreCase)]
    private static partial Regex ToFrom();

    [GeneratedRegex(@"(?<a>(?:[A-Z][\w+!/-]*\s){0,4}(?:[Vv]ersions?\s)?\d+(?:\.\d+)*[a-z]?)\s+(?:to|->)\s+(?<b>(?:[A-Z][\w+!/-]*\s){0,4}(?:[Vv]ersion\s)?\d+(?:\.\d+)*[a-z]?)(?![\w.])")]
    private static partial Regex VersionTo();

    [GeneratedRegex(@"\b(?:after|when|while|during|once)\s+(?:you\s+|an?\s+|the\s+)?(?:upgrad\w*|migrat\w*)\s+(?:\w+\s+){0,3}?to\s+(?<b>[^,;:()]{1,50}?)" + Stop, RegexOptions.IgnoreCase)]
    private static partial Regex AfterTo();

    [GeneratedRegex(@"^(?:the\s+|an?\s+|your\s+|Microsoft\s+|MS\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex Lead();

    [GeneratedRegex(@"^(?:[Vv]ersions?\s+|[Vv]\s?)?(\d+(?:\.\d+)*[a-z]?)$")]
    private static partial Regex BareVersion();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z(""])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\bafter\s+(?:you\s+|an?\s+|the\s+)?(?:upgrad|migrat|convert|install)|\bfollowing\s+(?:an?\s+|the\s+)?upgrade|\bupgraded\s+(?:computer|server|system|site|database|installation)", RegexOptions.IgnoreCase)]
    private static partial Regex After();

    [GeneratedRegex(@"^(?:Err(?:or)? Msg|PRB|BUG|FIX)\b|\b(fails?|error|cannot|can't|unable|hangs?|stops? responding|not work|lost|missing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorTitle();

    [GeneratedRegex(@"\bHow to\b|\bHOWTO\b|\b(steps|procedure|options|methods)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowTitle();
}
