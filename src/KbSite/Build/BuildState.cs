using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kb.Site.Build;

/// <summary>
/// What the last build recorded (<c>.kb-build.json</c> in the output folder): the catalog entry and
/// stamp of every article file (so an unchanged file is not opened again), the stamps of archive
/// sources, and the fingerprints of the pages: a page whose fingerprint is unchanged is linked from
/// the previous output instead of rendered, and so are the search files when nothing they are made
/// from changed. The records themselves are in the record store (<see cref="StoreFolder"/>).
/// </summary>
internal sealed partial class BuildState
{
    public const string FileName = ".kb-build.json";

    /// <summary>The record store's folder inside the output (a dot folder: never a page's place).</summary>
    public const string StoreFolder = ".kb/records";

    /// <summary>Bump when the rendering code changes in a way fingerprints do not see.</summary>
    public const int Version = 2;

    /// <summary>
    /// The build of kb that made the state (its parser, index and site assemblies): records, entries
    /// and search files are reused only by the same code, since a parser change changes records.
    /// </summary>
    public static string Code { get; } = string.Join(' ',
        typeof(Kb.Parser.KbArticleParser).Assembly.ManifestModule.ModuleVersionId,
        typeof(Kb.Index.Indexing.RecordStore).Assembly.ManifestModule.ModuleVersionId,
        typeof(BuildState).Assembly.ManifestModule.ModuleVersionId);

    /// <summary>The code that wrote this state (empty: none).</summary>
    public string WrittenBy { get; set; } = "";

    /// <summary>The fingerprint of the build settings (theme, base URL, title...).</summary>
    public string Settings { get; set; } = "";

    /// <summary>Stamps of the sources that are files (archives), by path.</summary>
    public Dictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Every article entry of the build, in source order.</summary>
    public List<Catalog.ArticleEntry> Articles { get; } = [];

    public Dictionary<string, string> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>The fingerprint of everything the search files are made from (empty: none were written).</summary>
    public string SearchFingerprint { get; set; } = "";

    /// <summary>What the search export wrote, its files included; null when unknown.</summary>
    public Search.SearchExportStats? Search { get; set; }

    /// <summary>The collection statistics of the last full search export: the weights of the search files are made with them.</summary>
    public Kb.Index.Export.ExportStatistics? SearchBase { get; set; }

    /// <summary>The search files' numbering (<see cref="Site.Search.SearchInputs.Layout"/>) when they were written.</summary>
    public string SearchLayout { get; set; } = "";

    public static BuildState Load(string outputDir)
    {
        var state = new BuildState();
        var path = Path.Combine(outputDir, FileName);
        if (!File.Exists(path))
        {
            return state;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (doc.RootElement.GetProperty("version").GetInt32() != Version)
            {
                return state;
            }

            foreach (var p in doc.RootElement.GetProperty("pages").EnumerateObject())
            {
                state.Pages[p.Name] = p.Value.GetString() ?? "";
            }

            ReadArticles(doc.RootElement, state);

            if (doc.RootElement.TryGetProperty("search", out var search))
            {
                state.SearchFingerprint = search.GetProperty("fingerprint").GetString() ?? "";
                state.Search = new Search.SearchExportStats(
                    search.GetProperty("terms").GetInt32(),
                    search.GetProperty("shards").GetInt32(),
                    search.GetProperty("groups").GetInt32(),
                    search.GetProperty("bytes").GetInt64(),
                    search.GetProperty("entry").GetString() ?? "")
                {
                    Files = search.GetProperty("files").EnumerateArray().Select(f => f.GetString() ?? "").ToList(),
                };
                if (search.TryGetProperty("layout", out var layout) && search.TryGetProperty("base", out var basis))
                {
                    state.SearchLayout = layout.GetString() ?? "";
                    state.SearchBase = new Kb.Index.Export.ExportStatistics(basis.GetProperty("n").GetInt32(),
                        basis.GetProperty("avg").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetSingle(), StringComparer.Ordinal));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // An unreadable state only costs a full build.
            state.Pages.Clear();
            state.Articles.Clear();
            state.Sources.Clear();
            state.WrittenBy = "";
            state.SearchFingerprint = "";
            state.Search = null;
            state.SearchBase = null;
            state.SearchLayout = "";
        }

        return state;
    }

    public byte[] ToJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("version", Version);
            w.WriteStartObject("pages");
            foreach (var (file, fp) in Pages.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(file, fp);
            }

            w.WriteEndObject();
            WriteArticles(w);
            if (Search is { } search)
            {
                w.WriteStartObject("search");
                w.WriteString("fingerprint", SearchFingerprint);
                w.WriteNumber("terms", search.Terms);
                w.WriteNumber("shards", search.Shards);
                w.WriteNumber("groups", search.DocGroups);
                w.WriteNumber("bytes", search.Bytes);
                w.WriteString("entry", search.EntryFile);
                w.WriteStartArray("files");
                foreach (var f in search.Files)
                {
                    w.WriteStringValue(f);
                }

                w.WriteEndArray();
                if (SearchBase is { } basis)
                {
                    w.WriteString("layout", SearchLayout);
                    w.WriteStartObject("base");
                    w.WriteNumber("n", basis.Documents);
                    w.WriteStartObject("avg");
                    foreach (var (field, average) in basis.Averages.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        w.WriteNumber(field, average);
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return ms.ToArray();
    }

    /// <summary>A short hash of the given parts.</summary>
    public static string Fingerprint(IEnumerable<string?> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            sb.Append(p).Append('\u0001');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())), 0, 12);
    }
}
