using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kb.Bench.Pool;
using Kb.Index;
using Kb.Index.Indexing;
using Kb.Index.Search;
using Kb.Parser.Corpus;
using Lucene.Net.Index;
using Lucene.Net.Store;

// Pools candidate articles for judged queries from several rankers, or (--eval) scores the rankers
// on the judged queries; see README.md.
const string usage = """
    usage: Pool --corpus CORPUS --work DIR --out POOL.json [--top N] [--rebuild] QUERYFILE...
           Pool --corpus CORPUS --work DIR --eval [--split test|tune|all] [--json FILE] [--pool POOL.json]... [--rebuild] JUDGEDFILE...
    """;
string? corpus = null, work = null, output = null, jsonOutput = null;
var top = 20;
var rebuild = false;
var evaluate = false;
var split = "test";
var poolFiles = new List<string>();
var inputFiles = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--corpus" when i + 1 < args.Length: corpus = args[++i]; break;
        case "--work" when i + 1 < args.Length: work = args[++i]; break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        case "--top" when i + 1 < args.Length: top = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--rebuild": rebuild = true; break;
        case "--eval": evaluate = true; break;
        case "--split" when i + 1 < args.Length: split = args[++i]; break;
        case "--json" when i + 1 < args.Length: jsonOutput = args[++i]; break;
        case "--pool" when i + 1 < args.Length: poolFiles.Add(args[++i]); break;
        case "-h" or "--help": Console.WriteLine(usage); return 0;
        default:
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"pool: unknown option {args[i]}\n{usage}");
                return 2;
            }

            inputFiles.Add(args[i]);
            break;
    }
}

if (corpus is null || work is null || inputFiles.Count == 0 || (evaluate ? output is not null : output is null)
    || split is not ("test" or "tune" or "all") || (!evaluate && (jsonOutput is not null || poolFiles.Count > 0)))
{
    Console.Error.WriteLine(usage);
    return 2;
}

var c = CultureInfo.InvariantCulture;
var clock = Stopwatch.StartNew();
// With --eval stdout carries only the report (Markdown), so progress goes to stderr.
var log = evaluate ? Console.Error : Console.Out;
List<PoolQuery> queries;
List<JudgedQuery> judged = [];
try
{
    if (evaluate)
    {
        judged = JudgedQuery.Load(inputFiles);
        queries = [.. judged.Select(j => j.Query)];
    }
    else
    {
        queries = PoolQuery.Load(inputFiles);
    }
}
catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("pool: " + ex.Message);
    return 2;
}

log.WriteLine(string.Create(c, $"{queries.Count} queries from {inputFiles.Count} file(s)"));

// 1. The project's index, built as `kb index CORPUS --index DIR` does (from scratch); reused only
// when it is of this format and was built by these very KbIndex/KbParser assemblies.
var kbPath = Path.Combine(work, "kb-index");
var stampPath = Path.Combine(work, "kb-index.stamp");
var stamp = CodeStamp();
var staleReason = rebuild ? "--rebuild" : KbIndexStale(kbPath, stampPath, stamp);
if (staleReason is not null)
{
    log.WriteLine($"kb index: building {kbPath} from scratch ({staleReason})");
    var errors = 0;
    var fresh = kbPath + ".new";
    DeleteFolder(fresh);
    var report = new KbIndexBuilder { OnError = m => { if (Interlocked.Increment(ref errors) <= 10) { Console.Error.WriteLine("pool: kb index: " + m); } } }
        .Build(corpus, fresh);
    // Swap the new index in whole, so that nothing ever sees half of it.
    var old = kbPath + ".old";
    DeleteFolder(old);
    if (System.IO.Directory.Exists(kbPath))
    {
        System.IO.Directory.Move(kbPath, old);
    }

    System.IO.Directory.Move(fresh, kbPath);
    DeleteFolder(old);
    File.WriteAllText(stampPath, stamp + "\n");
    log.WriteLine(string.Create(c, $"kb index: {report.Total} articles, {report.Added} added, {report.Failed} failed ({report.Elapsed.TotalSeconds:F1} s)"));
}
else
{
    log.WriteLine($"kb index: reusing {kbPath} (built by this code; --rebuild to build it again)");
}

// 2-5. The comparison index (baseline, title, English, phrase grep fields).
var poolPath = Path.Combine(work, "pool-index");
if (rebuild || !PoolIndex.Exists(poolPath))
{
    var t = Stopwatch.StartNew();
    var errors = 0;
    var (articles, failed) = PoolIndex.Build(corpus, poolPath, m => { if (Interlocked.Increment(ref errors) <= 10) { Console.Error.WriteLine("pool: pool index: " + m); } });
    log.WriteLine(string.Create(c, $"pool index: {articles} articles, {failed} failed ({t.Elapsed.TotalSeconds:F1} s)"));
}
else
{
    log.WriteLine($"pool index: reusing {poolPath}");
}

using var kb = KbSearcher.Open(kbPath);
using var pool = PoolIndex.Open(poolPath);
if (kb.Count != pool.Count)
{
    Console.Error.WriteLine(string.Create(c, $"pool: warning: kb index has {kb.Count} articles, pool index {pool.Count}; --rebuild if the corpus changed"));
}

if (evaluate)
{
    // The pool the judgments were made from: what it holds for a query was judged (0 when not listed as relevant).
    if (poolFiles.Count == 0 && File.Exists(Path.Combine(work, "pool.json")))
    {
        poolFiles.Add(Path.Combine(work, "pool.json"));
    }

    JudgedPool judgedPool;
    try
    {
        judgedPool = JudgedPool.Load(poolFiles);
    }
    catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine("pool: " + ex.Message);
        return 2;
    }

    var chosen = judged.Where(j => split == "all" || j.Query.Split == split).ToList();
    var evalClock = Stopwatch.StartNew();
    var evaluation = Evaluation.Run(chosen, new Rankers(kb, pool, Evaluation.Depth), judgedPool, split, log);
    log.WriteLine(string.Create(c, $"evaluated {chosen.Count} queries ({split}) in {evalClock.Elapsed.TotalSeconds:F1} s; pool: {(poolFiles.Count == 0 ? "none (unjudged = not graded 1 or 2)" : string.Join(", ", poolFiles))}"));
    Console.Write(evaluation.Markdown());
    if (jsonOutput is not null)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonOutput))!);
        using var stream = File.Create(jsonOutput);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        evaluation.Write(json, corpus, kbPath, stamp, poolFiles);
        log.WriteLine($"wrote {jsonOutput}");
    }

    return 0;
}

var rankers = new Rankers(kb, pool, top);
var searchClock = Stopwatch.StartNew();
var results = new List<PooledQuery>();
foreach (var q in queries)
{
    var rankings = rankers.Run(q.Query, out var phrases);
    results.Add(PooledQuery.From(q, rankings, phrases, pool));
}

var searchSeconds = searchClock.Elapsed.TotalSeconds;
System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output!))!);
using (var stream = File.Create(output!))
using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
{
    json.WriteStartObject();
    foreach (var r in results)
    {
        json.WritePropertyName(r.Query.Id);
        r.Write(json);
    }

    json.WriteEndObject();
}

Report.Print(results, top);
Console.WriteLine(string.Create(c, $"wrote {output}: {results.Count} queries, {results.Sum(r => r.Candidates.Count)} candidates; searching {searchSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s"));
return 0;

// Why the kb index in `path` cannot be reused, or null when it can. "kb.version" is
// KbFields.CommitVersion (internal to KbIndex). `kb index` updates only articles whose content
// changed, so an index built by other analysis code would silently stay as it was: any change to
// the KbIndex or KbParser assembly (see CodeStamp) builds it again from scratch.
static string? KbIndexStale(string path, string stampPath, string stamp)
{
    if (!System.IO.Directory.Exists(path))
    {
        return "none yet";
    }

    using (var dir = FSDirectory.Open(path))
    {
        if (!DirectoryReader.IndexExists(dir))
        {
            return "none yet";
        }

        using var reader = DirectoryReader.Open(dir);
        if (!reader.IndexCommit.UserData.TryGetValue("kb.version", out var v) || v != KbIndexVersion.Current.ToString(CultureInfo.InvariantCulture))
        {
            return "another index format";
        }
    }

    if (!File.Exists(stampPath))
    {
        return "not known which code built it";
    }

    return File.ReadAllText(stampPath).Trim() == stamp ? null : "the KbIndex or KbParser code changed since it was built";
}

// The SHA-256 of the KbIndex and KbParser assemblies this tool runs with (builds are deterministic,
// so the same source gives the same bytes).
static string CodeStamp()
{
    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    foreach (var assembly in new[] { typeof(KbSearcher).Assembly, typeof(CorpusReader).Assembly })
    {
        sha.AppendData(File.ReadAllBytes(assembly.Location));
    }

    return Convert.ToHexStringLower(sha.GetHashAndReset());
}

static void DeleteFolder(string path)
{
    if (System.IO.Directory.Exists(path))
    {
        System.IO.Directory.Delete(path, recursive: true);
    }
}
