using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Kb.Parser.Products;

/// <summary>
/// The archive's product listings: <c>id/&lt;code&gt;/README.md</c> pages whose front-matter title names
/// a product and whose bullet links name its articles. They give a family to the articles whose own
/// text names none (the older "See article" ones). A source without an <c>id/</c> folder has no listings.
/// </summary>
public sealed partial class ProductListings
{
    private readonly Dictionary<string, List<string>> _families = new(StringComparer.Ordinal);

    /// <summary>No listings.</summary>
    public static ProductListings Empty { get; } = new();

    /// <summary>Listing codes read, with their titles.</summary>
    public IReadOnlyDictionary<string, string> Titles => _titles;

    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

    /// <summary>The families the listings give an article, or none.</summary>
    public IReadOnlyList<string> FamiliesOf(string id) => _families.TryGetValue(id, out var f) ? f : [];

    /// <summary>Reads the listings of a folder or a <c>.tar.gz</c>/<c>.tgz</c>/<c>.tar</c>/<c>.zip</c> archive.</summary>
    public static ProductListings Load(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var listings = new ProductListings();
        var lower = source.ToLowerInvariant();
        if (Directory.Exists(source))
        {
            var id = Path.Combine(source, "id");
            if (Directory.Exists(id))
            {
                foreach (var file in Directory.EnumerateFiles(id, "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    listings.Add(Path.GetFileName(Path.GetDirectoryName(file)!), File.ReadAllText(file));
                }
            }
        }
        else if (File.Exists(source) && (lower.EndsWith(".tar.gz", StringComparison.Ordinal) || lower.EndsWith(".tgz", StringComparison.Ordinal) || lower.EndsWith(".tar", StringComparison.Ordinal)))
        {
            using var file = File.OpenRead(source);
            using Stream stream = lower.EndsWith(".tar", StringComparison.Ordinal) ? file : new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(stream);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is not null && ListingCode(entry.Name) is { } code && entry.Length < 4 * 1024 * 1024)
                {
                    using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
                    listings.Add(code, reader.ReadToEnd());
                }
            }
        }
        else if (File.Exists(source) && lower.EndsWith(".zip", StringComparison.Ordinal))
        {
            using var zip = ZipFile.OpenRead(source);
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if (ListingCode(entry.FullName) is { } code && entry.Length < 4 * 1024 * 1024)
                {
                    using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                    listings.Add(code, reader.ReadToEnd());
                }
            }
        }

        return listings;
    }

    /// <summary>Adds one listing page's text under its code.</summary>
    public void Add(string code, string text)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(text);
        var title = Title().Match(text) is { Success: true } t ? System.Net.WebUtility.HtmlDecode(t.Groups[1].Value) : code;
        _titles[code] = title;
        if (ProductFamilies.ForListing(code, title) is not { } family)
        {
            return;
        }

        foreach (Match m in Item().Matches(text))
        {
            var id = m.Groups[1].Value;
            if (!_families.TryGetValue(id, out var list))
            {
                _families[id] = list = [];
            }

            if (!list.Contains(family, StringComparer.Ordinal))
            {
                list.Add(family);
            }
        }
    }

    private static string? ListingCode(string entryName)
    {
        var m = ListingPath().Match(entryName);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^(?:\./)?id/([^/]+)/README\.md$")]
    private static partial Regex ListingPath();

    [GeneratedRegex(@"^title:\s*""?(.*?)""?\s*$", RegexOptions.Multiline)]
    private static partial Regex Title();

    [GeneratedRegex(@"^- \[(Q\d+):", RegexOptions.Multiline)]
    private static partial Regex Item();
}
