using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kb.Site.Catalog;
using Kb.Site.Output;

namespace Kb.Site.Search;

/// <summary>What the search export wrote.</summary>
public sealed record SearchExportStats(int Terms, int Shards, int DocGroups, long Bytes, string EntryFile)
{
    /// <summary>Every file written, relative to the output folder.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>True when the files were linked from the previous build instead of exported.</summary>
    public bool Reused { get; init; }

    /// <summary>True when only the files a change touched were written (<see cref="SearchUpdate"/>), the others linked.</summary>
    public bool Incremental { get; init; }

    /// <summary>Files written by this build (the others of <see cref="Files"/> were linked from the previous one).</summary>
    public int Written { get; init; }
}

/// <summary>
/// Writes the static search files (format in docs/site.md):
/// <c>search/entry.json</c> (format version, names of the other files), a meta file listing each
/// shard's first and last term, shards of sorted terms cut by posting volume, and per-article
/// result data in small groups. Every file but the entry is named by its content hash.
/// </summary>
internal static class SearchExporter
{
    public const int FormatVersion = 1;

    /// <summary>A shard is closed once its postings reach this many bytes (base64).</summary>
    public const int ShardBytes = 24 * 1024;

    /// <summary>Result data of this many consecutive articles share one file.</summary>
    public const int DocGroupSize = 16;

    /// <summary>The highest-impact postings kept per term.</summary>
    public const int MaxPostingsPerTerm = 2500;

    /// <summary>Prefix of product filter terms (never produced by the analyzer).</summary>
    public const string ProductTermPrefix = "~p";

    public static SearchExportStats Write(ISearchPostingsSource index, SiteCatalog catalog, SiteWriter writer, int parallelism)
    {
        foreach (var product in catalog.Products)
        {
            index.AddProductFilter(ProductTermPrefix + product.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), product.Articles.Select(a => a.Index));
        }

        var files = new List<string>();
        var terms = new List<string>();
        var encoded = new List<string>();
        foreach (var (term, postings) in index.Postings(MaxPostingsPerTerm, parallelism))
        {
            terms.Add(term);
            encoded.Add(Encode(postings));
        }

        long bytes = 0;
        var shards = new List<(string First, string Last, string File)>();
        var start = 0;
        var size = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            size += encoded[i].Length + terms[i].Length + 6;
            if (size >= ShardBytes || i == terms.Count - 1)
            {
                var json = ShardJson(terms, encoded, start, i);
                var name = "s/" + Hash(json) + ".json";
                writer.WriteBytes("search/" + name, json);
                files.Add("search/" + name);
                bytes += json.Length;
                shards.Add((terms[start], terms[i], name));
                start = i + 1;
                size = 0;
            }
        }

        var (docsFolder, groups, docBytes) = WriteDocs(catalog, writer, files);
        var meta = MetaJson(shards, index.Documents, null);
        var metaName = "meta." + Hash(meta) + ".json";
        writer.WriteBytes("search/" + metaName, meta);
        files.Add("search/" + metaName);
        var entry = EntryJson(metaName, docsFolder);
        writer.WriteBytes("search/entry.json", entry);
        files.Add("search/entry.json");
        return new SearchExportStats(terms.Count, shards.Count, groups, bytes + docBytes + meta.Length + entry.Length, "search/entry.json") { Files = files, Written = files.Count };
    }

    /// <summary><c>search/entry.json</c>: the format version and the names of the meta file and the result folder.</summary>
    internal static byte[] EntryJson(string metaName, string docsFolder) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["v"] = FormatVersion,
        ["meta"] = metaName,
        ["docs"] = docsFolder,
        ["group"] = DocGroupSize,
    });

    /// <summary>Postings as base64 of (varint doc delta, impact byte) pairs.</summary>
    internal static string Encode((int Doc, byte Impact)[] postings)
    {
        var buffer = new byte[postings.Length * 4];
        var n = 0;
        var previous = 0;
        foreach (var (doc, impact) in postings)
        {
            var delta = (uint)(doc - previous);
            previous = doc;
            while (delta >= 0x80)
            {
                buffer[n++] = (byte)(delta | 0x80);
                delta >>= 7;
            }

            buffer[n++] = (byte)delta;
            buffer[n++] = impact;
        }

        return Convert.ToBase64String(buffer, 0, n);
    }

    /// <summary>A shard of the given terms (in ordinal order) and their encoded postings.</summary>
    internal static byte[] ShardJson(IReadOnlyList<(string Term, string Postings)> terms) =>
        ShardJson(terms.Select(t => t.Term).ToList(), terms.Select(t => t.Postings).ToList(), 0, terms.Count - 1);

    private static byte[] ShardJson(List<string> terms, List<string> encoded, int from, int to)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("v", FormatVersion);
            w.WriteStartObject("t");
            for (var i = from; i <= to; i++)
            {
                w.WriteString(terms[i], encoded[i]);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return ms.ToArray();
    }

    /// <summary>
    /// The meta file: article count, the shards in term order and, after incremental exports, the result
    /// groups written since the last full export (group number to the hash in its file name).
    /// </summary>
    internal static byte[] MetaJson(List<(string First, string Last, string File)> shards, int documents, IReadOnlyDictionary<int, string>? groups)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("v", FormatVersion);
            w.WriteNumber("n", documents);
            w.WriteStartArray("s");
            foreach (var (first, last, file) in shards)
            {
                w.WriteStartArray();
                w.WriteStringValue(first);
                w.WriteStringValue(last);
                w.WriteStringValue(file[2..^5]);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            if (groups is { Count: > 0 })
            {
                w.WriteStartObject("g");
                foreach (var (g, hash) in groups.OrderBy(p => p.Key))
                {
                    w.WriteString(g.ToString(System.Globalization.CultureInfo.InvariantCulture), hash);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return ms.ToArray();
    }

    private static (string Folder, int Groups, long Bytes) WriteDocs(SiteCatalog catalog, SiteWriter writer, List<string> written)
    {
        var articles = catalog.Articles;
        var files = new List<byte[]>();
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var g = 0; g * DocGroupSize < articles.Count; g++)
        {
            var bytes = GroupJson(articles, g);
            all.AppendData(bytes);
            files.Add(bytes);
        }

        var folder = "d/" + Convert.ToHexStringLower(all.GetHashAndReset(), 0, 5) + "/";
        long total = 0;
        for (var g = 0; g < files.Count; g++)
        {
            var name = "search/" + folder + g.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".json";
            writer.WriteBytes(name, files[g]);
            written.Add(name);
            total += files[g].Length;
        }

        return (folder, files.Count, total);
    }

    /// <summary>The result data of articles <c>16g ... 16g+15</c>: <c>[id, title, first product, url, excerpt]</c>, or null for one not rendered.</summary>
    internal static byte[] GroupJson(IReadOnlyList<ArticleEntry> articles, int g)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartArray();
            for (var i = g * DocGroupSize; i < Math.Min(articles.Count, (g + 1) * DocGroupSize); i++)
            {
                var a = articles[i];
                if (!a.Rendered)
                {
                    w.WriteNullValue();
                    continue;
                }

                w.WriteStartArray();
                w.WriteStringValue(a.Id);
                w.WriteStringValue(a.Title);
                w.WriteStringValue(a.Products.Count > 0 ? a.Products[0] : "");
                w.WriteStringValue(a.Url);
                w.WriteStringValue(a.Excerpt);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        return ms.ToArray();
    }

    internal static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 5);
}
