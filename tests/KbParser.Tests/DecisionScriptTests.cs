using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kb.Parser.Corpus;
using Kb.Parser.Decision;
using Kb.Parser.Model;
using Kb.Tests.Support;

namespace Kb.Parser.Tests;

/// <summary>The browser's decision.js and the C# DecisionModel give identical results on the same inputs.</summary>
public sealed class DecisionScriptTests
{
    [SkippableFact]
    public void Script_AgreesWithDecisionModel_OnRealArticlesAndRandomAnswers()
    {
        // CI sets KB_REQUIRE_NODE=1 (and installs Node): there the agreement must be checked, never skipped.
        Assert.False(FindNode() is null && Environment.GetEnvironmentVariable("KB_REQUIRE_NODE") == "1", "node is required (KB_REQUIRE_NODE=1) but not installed");
        Skip.If(FindNode() is null, "node is not installed; the JS/C# agreement test needs it");
        var records = new List<ArticleRecord>
        {
            KbArticleParser.Parse(File.ReadAllBytes(Path.Combine(TestCorpus.ContentKb, "199", "Q199250", "README.md")), "kb/199/Q199250/README.md"),
        };
        if (TestCorpus.HasSample)
        {
            records.AddRange(CorpusReader.Parse(TestCorpus.SampleFolder).Select(r => r.Record!).Where(r => r.Options.Count > 0 || ArticleKinds.IsProblem(r)));
        }

        var random = new Random(1234);
        var cases = new JsonArray();
        var expected = new List<string>();
        var values = new[] { Answer.Unknown, Answer.Yes, Answer.No };
        foreach (var record in records)
        {
            var model = DecisionModel.From(record);
            for (var k = 0; k < 8; k++)
            {
                var answers = record.Factors.Where(_ => random.Next(3) > 0)
                    .ToDictionary(f => f.Id, _ => values[random.Next(3)]);
                var result = model.Recommend(answers);
                expected.Add(JsonSerializer.Serialize(result, Web));
                cases.Add(new JsonObject
                {
                    ["model"] = new JsonObject
                    {
                        ["options"] = JsonNode.Parse(JsonSerializer.Serialize(record.Options, KbJson.Options)),
                        ["factors"] = JsonNode.Parse(JsonSerializer.Serialize(record.Factors, KbJson.Options)),
                    },
                    ["answers"] = new JsonObject(answers.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value.ToString().ToLowerInvariant())))),
                });
            }
        }

        Assert.True(records.Count >= 2 || !TestCorpus.HasSample, "no sample article with options");
        var actual = RunNode(cases.ToJsonString());
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected[i]), JsonNode.Parse(actual[i])), $"case {i}:\n{expected[i]}\n{actual[i]}");
        }
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static List<string> RunNode(string casesJson)
    {
        var dir = Directory.CreateTempSubdirectory("kb-decision-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "decision.js"), DecisionScript.Source);
            File.WriteAllText(Path.Combine(dir, "cases.json"), casesJson);
            File.WriteAllText(Path.Combine(dir, "run.js"), """
                const d = require("./decision.js");
                const cases = JSON.parse(require("fs").readFileSync(__dirname + "/cases.json", "utf8"));
                for (const c of cases) console.log(JSON.stringify(d.recommend(c.model, c.answers)));
                """);
            var psi = new ProcessStartInfo(FindNode()!, Path.Combine(dir, "run.js")) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, error);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static readonly string[] NodePaths = ["/usr/bin/node", "/usr/local/bin/node"];

    private static string? FindNode() => NodePaths.FirstOrDefault(File.Exists);
}
