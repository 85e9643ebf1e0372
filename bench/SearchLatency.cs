#:project ../src/KbIndex/KbIndex.csproj
#:property TieredPGO=false
// Warm query latency: opens the index once, runs every query of a file (one per line) WARMUP
// times untimed, then RUNS times timed, and prints p50/p95/max in milliseconds, with and without
// snippets. Usage: dotnet run bench/SearchLatency.cs -- INDEX QUERIES [RUNS]
using System.Diagnostics;
using System.Globalization;
using Kb.Index.Search;

var index = args[0];
var queries = File.ReadAllLines(args[1]).Where(l => l.Trim().Length > 0).ToList();
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
using var searcher = KbSearcher.Open(index);
foreach (var (snippets, facets) in new[] { (true, true), (false, true), (false, false) })
{
    var options = new SearchOptions { Limit = 10, Snippets = snippets, Facets = facets };
    foreach (var q in queries)
    {
        searcher.Search(q, options);
    }

    var times = new List<double>();
    // CPU time as well as wall time: on a shared, loaded machine wall time includes waiting for a core.
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var r = 0; r < runs; r++)
    {
        foreach (var q in queries)
        {
            var clock = Stopwatch.StartNew();
            searcher.Search(q, options);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;
    times.Sort();
    double P(double p) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(p * times.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{queries.Count} queries x {runs} runs, snippets {(snippets ? "on " : "off")}, facets {(facets ? "on " : "off")}: p50 {P(0.50):F2} ms  p95 {P(0.95):F2} ms  max {times[^1]:F2} ms  mean CPU {cpuPerQuery:F2} ms"));
}
