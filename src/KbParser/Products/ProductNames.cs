using System.Globalization;
using System.Text.RegularExpressions;

namespace Kb.Parser.Products;

/// <summary>One product name read as family, edition and versions ("Microsoft Windows NT Server 4.0" → Windows NT, Server, 4.0).</summary>
public sealed record ProductName(string Family, string? Edition, IReadOnlyList<string> Versions, bool Category);

/// <summary>
/// Reads raw product names (header <c>Product(s)</c>, applies-to lines, title tags) into families:
/// list numbering, quotes, brackets, trailing punctuation and "used with:" tails are removed, text
/// that is a sentence fragment rather than a name is refused, the family is recognised by
/// <see cref="ProductLexicon"/> (else, for a name that starts with "Microsoft", the name without its
/// versions, editions and platform), and the versions and the edition are what the name says beside it.
/// </summary>
public static partial class ProductNames
{
    /// <summary>The longest family name kept.</summary>
    public const int MaxNameLength = 80;

    /// <summary>Reads one raw name; null when it is not a product name (a fragment, a sentence, hardware).</summary>
    public static ProductName? Read(string raw, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = raw.Trim();
        var editor = EditorNote().Match(text);
        if (editor.Success)
        {
            text = editor.Groups[1].Value;
        }

        text = Intro().Replace(text, "");
        // "The Microsoft Foundation Classes (MFC), used with:" introduces the lines that name the products.
        if (text.EndsWith(':') || text.Length == 0 || text.Length > 160 || text.StartsWith("the hardware", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // A fragment of wrapped prose starts with a lower-case word, a number or punctuation.
        var first = text[0];
        var numbered = ListNumber().Match(text);
        if (numbered.Success)
        {
            text = text[numbered.Length..];
        }
        else if (!char.IsUpper(first))
        {
            return null;
        }

        if (Sentence().IsMatch(text))
        {
            return null;
        }

        text = Tail().Replace(text, "").Trim().TrimEnd('.', ',', ';', ':', '"', '\'', ' ').Trim();
        var microsoft = Maker().Match(text);
        var name = microsoft.Success ? text[microsoft.Length..] : text;
        if (name.Length == 0)
        {
            return null;
        }

        var found = ProductLexicon.Find(name);
        string family;
        string rest;
        if (found is { } f)
        {
            family = f.Entry.Family;
            rest = name[..f.Match.Index] + " " + name[(f.Match.Index + f.Match.Length)..];
        }
        else if (microsoft.Success || name.StartsWith("MSN ", StringComparison.Ordinal))
        {
            family = GenericFamily(name);
            rest = name.Length > family.Length ? name[family.Length..] : "";
            if (!IsGoodName(family))
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        var versions = new List<string>();
        if (version is not null)
        {
            foreach (Match m in VersionToken().Matches(version))
            {
                versions.Add(NormalizeVersion(m.Value));
            }

            versions.RemoveAll(x => !IsVersion(x));
        }

        rest = SpecialVersions(family, rest, versions);
        if (!rest.Contains("ISBN", StringComparison.Ordinal))
        {
            foreach (Match m in VersionToken().Matches(rest))
            {
                versions.Add(NormalizeVersion(m.Value));
            }
        }

        var edition = Edition(VersionToken().Replace(rest, " "));
        return new ProductName(family, edition, versions.Distinct(StringComparer.Ordinal).ToList(), found?.Entry.Category ?? false);
    }

    /// <summary>True for a release number (3.51, 4.0b, 95, 2000) or one of the named releases (Me, XP, 98 SE).</summary>
    public static bool IsVersion(string v) =>
        v is "Me" or "XP" or ".NET" || (v.Length > 0 && char.IsDigit(v[0]) && v.Length <= 8);

    /// <summary>"4.00" → "4.0", "6.00b" → "6.0b", "7.10" → "7.1"; other forms unchanged.</summary>
    public static string NormalizeVersion(string v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var m = DottedVersion().Match(v);
        if (!m.Success)
        {
            return v;
        }

        var minor = m.Groups[2].Value.TrimEnd('0');
        return m.Groups[1].Value + "." + (minor.Length == 0 ? "0" : minor) + m.Groups[3].Value;
    }

    /// <summary>A sort key that puts versions in release order: 3.1, 95, 98, 98 SE, Me, 2000, XP.</summary>
    public static (double Major, string Text) VersionOrder(string v)
    {
        ArgumentNullException.ThrowIfNull(v);
        switch (v)
        {
            case "Me":
                return (1999.5, v);
            case "XP":
                return (2001, v);
            case ".NET":
                return (2002, v);
        }

        var m = LeadingNumber().Match(v);
        if (!m.Success || !double.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return (double.MaxValue, v);
        }

        // Two-digit release years (95, 97, 98) sort with the four-digit ones (2000).
        if (m.Value.Length == 2 && !m.Value.Contains('.', StringComparison.Ordinal) && n >= 90)
        {
            n += 1900;
        }

        return (n + (v.EndsWith(" SE", StringComparison.Ordinal) ? 0.5 : 0), v);
    }

    /// <summary>Orders versions by <see cref="VersionOrder"/>.</summary>
    public static IComparer<string> VersionComparer { get; } = Comparer<string>.Create((a, b) =>
    {
        var (x, xs) = VersionOrder(a);
        var (y, ys) = VersionOrder(b);
        var c = x.CompareTo(y);
        return c != 0 ? c : string.CompareOrdinal(xs, ys);
    });

    /// <summary>A name acceptable as a family: it starts with a capital or a number (not "1."), ends in no comma, and is short.</summary>
    public static bool IsGoodName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < 2 or > MaxNameLength || name.EndsWith(',') || name[0] is '(' or '"' or '\'' || DigitDot().IsMatch(name))
        {
            return false;
        }

        return char.IsUpper(name[0]) || char.IsDigit(name[0]);
    }

    private static string GenericFamily(string name)
    {
        // The name up to its platform ("for Windows"), its edition list (", 32-bit"), a bracket or a version.
        var cut = GenericCut().Match(name);
        var family = (cut.Success ? name[..cut.Index] : name).Trim().TrimEnd(',', '.', ';', ':', '-').Trim();
        family = EditionWords().Replace(family, "").Trim();
        return family.Length > MaxNameLength ? family[..MaxNameLength].TrimEnd() : family;
    }

    private static string SpecialVersions(string family, string rest, List<string> versions)
    {
        if (family != "Windows")
        {
            return rest;
        }

        if (Millennium().IsMatch(rest))
        {
            versions.Add("Me");
            rest = Millennium().Replace(rest, " ");
        }

        var se = SecondEdition().Match(rest);
        if (se.Success)
        {
            versions.Add("98 SE");
            rest = SecondEdition().Replace(rest, " ");
        }

        return rest;
    }

    private static string? Edition(string rest)
    {
        var e = Spaces().Replace(rest.Replace(',', ' ').Replace('(', ' ').Replace(')', ' '), " ").Trim().Trim('-', '.', ':', ';', ' ');
        e = e.Replace("Retail Product", "", StringComparison.Ordinal).Trim();
        return e.Length is >= 2 and <= 40 && !e.Contains("ISBN", StringComparison.Ordinal) ? e : null;
    }

    [GeneratedRegex(@"\*([^*]*Microsoft[^*]*)\*")]
    private static partial Regex EditorNote();

    [GeneratedRegex(@"^(the (operating system|software|product)s?:\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex Intro();

    [GeneratedRegex(@"^\d{1,2}[.)]\s+(?=[A-Z])")]
    private static partial Regex ListNumber();

    [GeneratedRegex(@"[a-z]\. [A-Za-z]|,\s*(and\s+)?to\b|\band to\b|\b(is|are|was|were|does|do|if|when|you|this|that|from|the following)\b")]
    private static partial Regex Sentence();

    [GeneratedRegex(@",?\s*(used with|included with|on platform\(s\)|on platforms?)\s*:?\s*$|\s*\((all collections|[^)]*\bbit\b[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex Tail();

    [GeneratedRegex(@"^(The )?(Microsoft|Miscrosoft|MS)\s+")]
    private static partial Regex Maker();

    [GeneratedRegex(@"(?<![\w.+-])(\d{1,4}(?:\.(?:\d+|x))*[a-z]?|Me|XP)(?![\w+-])")]
    private static partial Regex VersionToken();

    [GeneratedRegex(@"^(\d+)\.(\d+)([a-z]?)$")]
    private static partial Regex DottedVersion();

    [GeneratedRegex(@"^\d+(\.\d+)?")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^\d+\.")]
    private static partial Regex DigitDot();

    [GeneratedRegex(@",|\s\(|\s(for|version|versions|Version|Versions|on|with|and)\s|\s\d|\s(16|32|64)-bit|:\s")]
    private static partial Regex GenericCut();

    [GeneratedRegex(@"\s+(Standard|Professional|Enterprise|Deluxe|Learning|Developer|Premium|Platinum|Gold|Trial|Home|Small Business)?\s*(Edition|Editions|Version)$")]
    private static partial Regex EditionWords();

    [GeneratedRegex(@"\bMillennium( Edition)?\b|\bWindows Me\b")]
    private static partial Regex Millennium();

    [GeneratedRegex(@"\b98 Second Edition\b|\b98 SE\b")]
    private static partial Regex SecondEdition();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
