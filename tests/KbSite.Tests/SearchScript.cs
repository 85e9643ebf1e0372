using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kb.Site.Theme;

namespace Kb.Site.Tests;

/// <summary>
/// Runs the theme's <c>kb.js</c> in Node (no browser): its query analysis on texts, and its search over a
/// built site's search files read from disk. Tests skip when Node is not installed.
/// </summary>
internal static class SearchScript
{
    private static readonly string[] NodePaths = ["/usr/bin/node", "/usr/local/bin/node"];

    public static string? Node => NodePaths.FirstOrDefault(File.Exists);

    public const string NoNode = "node is not installed; the kb.js agreement tests need it";

    /// <summary>kb.js's terms for each text.</summary>
    public static List<List<string>> Analyze(IReadOnlyList<string> texts)
    {
        var output = Run(new JsonObject { ["analyze"] = new JsonArray(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()) });
        return output["analyze"]!.AsArray().Select(a => a!.AsArray().Select(t => t!.GetValue<string>()).ToList()).ToList();
    }

    /// <summary>The ids of kb.js's first <paramref name="limit"/> results for each query over the site in <paramref name="site"/>.</summary>
    public static List<List<string>> Search(string site, IReadOnlyList<string> queries, int limit)
    {
        var output = Run(new JsonObject
        {
            ["site"] = site,
            ["limit"] = limit,
            ["queries"] = new JsonArray(queries.Select(q => (JsonNode?)JsonValue.Create(q)).ToArray()),
        });
        return output["search"]!.AsArray().Select(a => a!.AsArray().Select(t => t!.GetValue<string>()).ToList()).ToList();
    }

    /// <summary>
    /// kb.js's first <paramref name="limit"/> results for each query with their scores (summed impacts),
    /// and how many terms the query looked up (its marks, plus one for the word being typed).
    /// </summary>
    public static List<(List<string> Ids, List<double> Scores, int Terms)> SearchScored(string site, IReadOnlyList<string> queries, int limit)
    {
        var output = Run(new JsonObject
        {
            ["site"] = site,
            ["limit"] = limit,
            ["scored"] = true,
            ["queries"] = new JsonArray(queries.Select(q => (JsonNode?)JsonValue.Create(q)).ToArray()),
        });
        return output["scored"]!.AsArray().Select(r => (
            r!["ids"]!.AsArray().Select(t => t!.GetValue<string>()).ToList(),
            r["scores"]!.AsArray().Select(t => t!.GetValue<double>()).ToList(),
            r["terms"]!.GetValue<int>())).ToList();
    }

    /// <summary>The URL of the upgrade guide kb.js shows first for each query (empty for none), from the site's <c>search/guides.json</c>.</summary>
    public static List<string> GuideFor(string site, IReadOnlyList<string> queries)
    {
        var output = Run(new JsonObject
        {
            ["guides"] = site,
            ["queries"] = new JsonArray(queries.Select(q => (JsonNode?)JsonValue.Create(q)).ToArray()),
        });
        return output["guides"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
    }

    private static JsonNode Run(JsonObject input)
    {
        var dir = Directory.CreateTempSubdirectory("kb-script-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "kb.js"), ThemeFiles.Load(null).Files["assets/kb.js"]);
            File.WriteAllText(Path.Combine(dir, "input.json"), input.ToJsonString());
            File.WriteAllText(Path.Combine(dir, "run.js"), """
                const kb = require("./kb.js");
                const fs = require("fs"), path = require("path");
                const input = JSON.parse(fs.readFileSync(path.join(__dirname, "input.json"), "utf8"));
                (async () => {
                  const out = {};
                  if (input.analyze) out.analyze = input.analyze.map(t => kb.analyze(t));
                  if (input.site) {
                    const engine = kb.createSearch(p => fs.promises.readFile(path.join(input.site, p), "utf8").then(JSON.parse));
                    out.search = [];
                    for (const q of input.queries) out.search.push((await engine.search(q, "", input.limit)).hits.map(h => h.data[0]));
                    if (input.scored) {
                      out.scored = [];
                      for (const q of input.queries) {
                        const r = await engine.search(q, "", input.limit);
                        out.scored.push({ ids: r.hits.map(h => h.data[0]), scores: r.hits.map(h => h.score), terms: r.marks.length + (r.prefix ? 1 : 0) });
                      }
                    }
                  }
                  if (input.guides) {
                    const list = JSON.parse(fs.readFileSync(path.join(input.guides, "search", "guides.json"), "utf8"));
                    out.guides = input.queries.map(q => { const g = kb.guideFor(list, q); return g ? g.url : ""; });
                  }
                  fs.writeFileSync(path.join(__dirname, "output.json"), JSON.stringify(out));
                })().catch(e => { console.error(e); process.exit(1); });
                """);
            var psi = new ProcessStartInfo(Node!, Path.Combine(dir, "run.js")) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, error + stdout.Result);
            return JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "output.json")))!;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Compact JSON of a list, for failure messages.</summary>
    public static string Show(IEnumerable<string> items) => JsonSerializer.Serialize(items);
}
