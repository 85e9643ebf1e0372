using System.Text.Json.Nodes;
using Kb.Parser.Corpus;
using Kb.Parser.Forms;
using Kb.Parser.Model;
using Kb.Tests.Support;
using Xunit.Abstractions;

namespace Kb.Parser.Tests;

/// <summary>
/// The FTP/KB text form of an archive article, written from its Markdown (FormWriter), gives the record
/// the Markdown gives: same fields and values, line numbers shifted by the difference of the two
/// preambles, header fields at the lines they came from; only sourceForm, productCode and sourcePath differ.
/// </summary>
public sealed class FormEquivalenceTests
{
    private readonly ITestOutputHelper _output;

    public FormEquivalenceTests(ITestOutputHelper output) => _output = output;

    /// <summary>Lines before the body in the generated FTP text: six header lines and the rule of '='.</summary>
    private const int FtpPreamble = 7;

    [SkippableFact]
    public void FtpText_OfArchiveArticles_GivesTheMarkdownRecord()
    {
        var tarball = TestCorpus.Tarball;
        Skip.If(tarball is null, TestCorpus.SkipMessage);

        // A seeded random sample of about 1,200 of the 60,335 articles, over the whole archive.
        var random = new Random(15);
        var sample = CorpusReader.EnumerateFiles(tarball!).Where(_ => random.Next(50) == 0).ToList();
        var failures = sample.AsParallel().Select(Compare).Where(f => f is not null).ToList();

        _output.WriteLine($"{sample.Count} articles compared, {failures.Count} differ");
        Assert.True(sample.Count >= 1000, $"only {sample.Count} articles sampled");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void FtpText_OfQ199250_GivesTheMarkdownRecord()
    {
        var file = new ArticleFile("kb/199/Q199250/README.md", File.ReadAllBytes(Path.Combine(TestCorpus.ContentKb, "199", "Q199250", "README.md")));
        Assert.Null(Compare(file));
    }

    private static string? Compare(ArticleFile file)
    {
        var bytes = file.ReadBytes();
        var markdown = KbArticleParser.Parse(bytes, file.SourcePath);
        var text = Kb.Parser.Text.SourceDecoder.Decode(bytes, []);
        var ftp = KbArticleParser.Parse(FormWriter.ToFtpText(text, "test"), "ftp/" + markdown.Id + ".TXT");
        if (ftp.SourceForm != SourceForms.FtpText || ftp.ProductCode != "test")
        {
            return $"{file.SourcePath}: read as {ftp.SourceForm} with code {ftp.ProductCode}";
        }

        // The body's first line: after the Markdown header block, after the rule of '=' in the FTP text.
        var mdBodyStart = markdown.Header.Count > 0 ? markdown.Header.Max(h => h.Line) + 1 : 0;
        var shift = mdBodyStart - (FtpPreamble + 1);
        var expected = Normalise(markdown, 0);
        var actual = Normalise(ftp, shift);
        if (!JsonNode.DeepEquals(expected, actual))
        {
            return $"{file.SourcePath}: {FirstDifference(expected, actual, "")}";
        }

        return null;
    }

    /// <summary>The record as JSON without the fields that name the source, header lines dropped, other line numbers shifted.</summary>
    private static JsonObject Normalise(ArticleRecord record, int shift)
    {
        var node = JsonNode.Parse(KbJson.Serialize(record))!.AsObject();
        foreach (var name in new[] { "sourcePath", "sourceForm", "productCode" })
        {
            node.Remove(name);
        }

        foreach (var h in node["header"]!.AsArray())
        {
            h!.AsObject().Remove("line");
        }

        if (shift != 0)
        {
            Shift(node, shift);
        }

        return node;
    }

    private static readonly HashSet<string> LineFields = ["line", "lines", "headingLines", "metadataLines", "queryWordsLines"];

    private static void Shift(JsonNode node, int shift)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (value is null)
                    {
                        continue;
                    }

                    if (LineFields.Contains(key))
                    {
                        o[key] = ShiftNumbers(value, shift);
                    }
                    else
                    {
                        Shift(value, shift);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        Shift(item, shift);
                    }
                }

                break;
        }
    }

    private static JsonNode ShiftNumbers(JsonNode value, int shift) => value switch
    {
        JsonArray a => new JsonArray(a.Select(x => (JsonNode?)ShiftNumbers(x!, shift)).ToArray()),
        JsonValue v when v.TryGetValue<int>(out var n) => JsonValue.Create(n == 0 ? 0 : n + shift),
        _ => value.DeepClone(),
    };

    private static string FirstDifference(JsonNode? a, JsonNode? b, string path)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
            {
                if (!JsonNode.DeepEquals(oa[key], ob[key]))
                {
                    return FirstDifference(oa[key], ob[key], path + "." + key);
                }
            }
        }

        if (a is JsonArray aa && b is JsonArray ab && aa.Count == ab.Count)
        {
            for (var i = 0; i < aa.Count; i++)
            {
                if (!JsonNode.DeepEquals(aa[i], ab[i]))
                {
                    return FirstDifference(aa[i], ab[i], $"{path}[{i}]");
                }
            }
        }

        return $"{path}: markdown {Cut(a)} vs ftp {Cut(b)}";
    }

    private static string Cut(JsonNode? n)
    {
        var s = n?.ToJsonString() ?? "(none)";
        return s.Length > 200 ? s[..200] + "..." : s;
    }
}
