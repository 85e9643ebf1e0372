using System.Text.Json;
using Kb.Index.Export;
using Kb.Index.Indexing;
using Kb.Site.Build;
using Kb.Site.Catalog;
using Kb.Site.Output;

namespace Kb.Site.Search;

/// <summary>
/// The incremental search export (docs/architecture.md, "Search files after a change"): after articles
/// changed, only the shards holding the terms whose weights moved, the result groups whose data moved,
/// the meta file and the entry are written; every other search file is the previous build's.
/// <para>
/// Every weight depends on the collection statistics (article count, average field lengths). The files
/// carry those of the last full export (the base, kept in the build state): a re-weighed term is weighed
/// with the base statistics and its current document frequency, so every term of the files is what a full
/// export made with the base statistics would give. The files differ from a true full build's only by
/// how far the averages have moved since the base, and that is bounded: when any average has moved by
/// more than <see cref="MaxDrift"/>, or the articles' positions, ids or product lists changed (an addition
/// or a deletion renumbers the results), the export is made in full again.
/// </para>
/// </summary>
internal static class SearchUpdate
{
    /// <summary>The largest relative move of an average field length since the base that the files may carry.</summary>
    public const double MaxDrift = 0.01;

    /// <summary>Above this many result groups written since the last full export, export in full (the meta file lists them).</summary>
    public const int MaxGroupOverrides = 256;

    /// <summary>
    /// Writes the search files of this build from the previous build's and the changed records, or
    /// returns null (with why) when a full export is needed.
    /// </summary>
    public static SearchExportStats? TryWrite(BuildState previous, SiteCatalog catalog, string layout, IReadOnlyCollection<string> changed,
        SearchExport export, RecordReader records, SiteWriter writer, out string why)
    {
        if (previous.Search is not { Files.Count: > 0 } before || previous.SearchBase is not { } statistics)
        {
            why = "no previous export";
            return null;
        }

        if (previous.SearchLayout != layout)
        {
            why = "articles came, went or moved, or their products changed";
            return null;
        }

        var drift = statistics.Drift(export.Statistics);
        if (drift > MaxDrift)
        {
            why = $"the average field lengths moved by {drift:P2} since the last full export";
            return null;
        }

        if (changed.Count > Math.Max(16, catalog.Articles.Count / 100))
        {
            why = $"{changed.Count} articles changed";
            return null;
        }

        var search = Path.Combine(writer.PreviousDir, "search");
        var storePath = Path.Combine(writer.PreviousDir, BuildState.StoreFolder);
        if (!File.Exists(Path.Combine(search, "entry.json")) || !RecordStore.Exists(storePath))
        {
            why = "the previous search files or records are missing";
            return null;
        }

        using var entryDoc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(search, "entry.json")));
        var metaName = entryDoc.RootElement.GetProperty("meta").GetString()!;
        var docsFolder = entryDoc.RootElement.GetProperty("docs").GetString()!;
        using var metaDoc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(search, metaName)));
        var shards = metaDoc.RootElement.GetProperty("s").EnumerateArray()
            .Select(s => (First: s[0].GetString()!, Last: s[1].GetString()!, File: "s/" + s[2].GetString()! + ".json")).ToList();
        var groups = new Dictionary<int, string>();
        if (metaDoc.RootElement.TryGetProperty("g", out var g))
        {
            foreach (var p in g.EnumerateObject())
            {
                groups[int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)] = p.Value.GetString()!;
            }
        }

        // The terms whose weights the changes moved: from each changed record before (the previous build's
        // store, which this build never writes) and after.
        var touched = new HashSet<string>(StringComparer.Ordinal);
        using (var old = RecordReader.Open(storePath))
        {
            foreach (var key in changed)
            {
                var had = old.TryGet(key, out var a) ? a : null;
                var has = records.TryGet(key, out var b) ? b : null;
                touched.UnionWith(RecordTerms.Changed(had, has));
            }
        }

        var source = new IndexPostingsSource(export, catalog);
        var updates = touched.ToDictionary(t => t, _ => (string?)null, StringComparer.Ordinal);
        foreach (var term in export.Weigh(touched, statistics))
        {
            var postings = source.Impacts(term, SearchExporter.MaxPostingsPerTerm);
            updates[term.Term] = postings.Length > 0 ? SearchExporter.Encode(postings) : null;
        }

        var files = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var written = 0;
        long bytes = 0;
        void Write(string name, byte[] content)
        {
            if (names.Add(name))
            {
                writer.WriteBytes(name, content);
                files.Add(name);
                written++;
                bytes += content.Length;
            }
        }

        void Link(string name)
        {
            if (names.Add(name))
            {
                if (!writer.TryReuse(name))
                {
                    throw new SiteBuildException($"the previous build's search file {name} disappeared during the build");
                }

                files.Add(name);
                bytes += new FileInfo(Path.Combine(writer.PreviousDir, name)).Length;
            }
        }

        // Each term goes to the shard the client looks it up in: the last whose first term is not after it.
        var byShard = new Dictionary<int, List<string>>();
        foreach (var term in updates.Keys)
        {
            var k = Math.Max(0, LastAtOrBefore(shards, term));
            if (!byShard.TryGetValue(k, out var list))
            {
                byShard[k] = list = [];
            }

            list.Add(term);
        }

        var terms = before.Terms;
        var next = new List<(string First, string Last, string File)>();
        for (var k = 0; k < shards.Count; k++)
        {
            if (!byShard.TryGetValue(k, out var mine))
            {
                Link("search/" + shards[k].File);
                next.Add(shards[k]);
                continue;
            }

            using var shardDoc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(search, shards[k].File)));
            var content = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in shardDoc.RootElement.GetProperty("t").EnumerateObject())
            {
                content[p.Name] = p.Value.GetString()!;
            }

            foreach (var term in mine)
            {
                var had = content.Remove(term);
                if (updates[term] is { } encoded)
                {
                    content[term] = encoded;
                    terms += had ? 0 : 1;
                }
                else
                {
                    terms -= had ? 1 : 0;
                }
            }

            if (content.Count == 0)
            {
                continue;
            }

            var list = content.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            var json = SearchExporter.ShardJson(list);
            var name = "s/" + SearchExporter.Hash(json) + ".json";
            Write("search/" + name, json);
            next.Add((list[0].Key, list[^1].Key, name));
        }

        // Result groups whose data (id, title, first product, URL, excerpt) changed get a file of their own.
        var changedGroups = new SortedSet<int>();
        for (var i = 0; i < catalog.Articles.Count; i++)
        {
            if (!SameResult(previous.Articles[i], catalog.Articles[i]))
            {
                changedGroups.Add(i / SearchExporter.DocGroupSize);
            }
        }

        foreach (var group in changedGroups)
        {
            var json = SearchExporter.GroupJson(catalog.Articles, group);
            var basePath = Path.Combine(search, docsFolder, group.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".json");
            if (File.Exists(basePath) && File.ReadAllBytes(basePath).AsSpan().SequenceEqual(json))
            {
                groups.Remove(group);
                continue;
            }

            var hash = SearchExporter.Hash(json);
            groups[group] = hash;
            Write("search/" + docsFolder + group.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + hash + ".json", json);
        }

        if (groups.Count > MaxGroupOverrides)
        {
            why = $"{groups.Count} result groups changed since the last full export";
            return null;
        }

        var groupCount = (catalog.Articles.Count + SearchExporter.DocGroupSize - 1) / SearchExporter.DocGroupSize;
        for (var group = 0; group < groupCount; group++)
        {
            var name = "search/" + docsFolder + group.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Link(name + ".json");
            if (groups.TryGetValue(group, out var hash))
            {
                Link(name + "." + hash + ".json");
            }
        }

        var meta = SearchExporter.MetaJson(next, catalog.Articles.Count, groups);
        var newMeta = "meta." + SearchExporter.Hash(meta) + ".json";
        Write("search/" + newMeta, meta);
        Write("search/entry.json", SearchExporter.EntryJson(newMeta, docsFolder));
        why = "";
        return new SearchExportStats(terms, next.Count, groupCount, bytes, "search/entry.json")
        {
            Files = files,
            Incremental = true,
            Written = written,
        };
    }

    /// <summary>Index of the last shard whose first term is at or before <paramref name="term"/> (ordinal), or -1.</summary>
    private static int LastAtOrBefore(List<(string First, string Last, string File)> shards, string term)
    {
        int lo = 0, hi = shards.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (string.CompareOrdinal(shards[mid].First, term) <= 0)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private static bool SameResult(ArticleEntry a, ArticleEntry b) =>
        a.Rendered == b.Rendered && a.Id == b.Id && a.Title == b.Title && a.Url == b.Url && a.Excerpt == b.Excerpt
        && (a.Products.Count > 0 ? a.Products[0] : "") == (b.Products.Count > 0 ? b.Products[0] : "");
}
