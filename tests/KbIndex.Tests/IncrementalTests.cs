using Kb.Index.Indexing;
using Kb.Index.Search;
using Kb.Parser;
using Kb.Parser.Corpus;
using Kb.Parser.Model;
using Kb.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Kb.Index.Tests;

public sealed class IncrementalTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "kb-incremental-" + Guid.NewGuid().ToString("N"));
    private readonly string _corpus;
    private readonly string _index;
    private readonly List<string> _spare = [];

    public IncrementalTests()
    {
        var sample = TestCorpus.RequireSample();
        _corpus = Path.Combine(_work, "kb");
        _index = Path.Combine(_work, "index");
        var files = System.IO.Directory.EnumerateFiles(sample, "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(7).ToList();
        foreach (var f in files.Take(5))
        {
            Copy(sample, f);
        }

        _spare.AddRange(files.Skip(5).Select(f => Path.GetRelativePath(sample, f)));
    }

    [SkippableFact]
    public void Reindex_ReportsAddedUpdatedRemovedAndSearchReflectsThem()
    {
        var first = new KbIndexBuilder().Build(_corpus, _index);
        Assert.Equal((5, 0, 0, 0), (first.Added, first.Updated, first.Removed, first.Unchanged));
        var ids = Records();
        var (changed, deleted) = (ids[0], ids[1]);
        var changedFile = Path.Combine(_corpus, Path.GetRelativePath("kb", changed.SourcePath!));
        File.AppendAllText(changedFile, "\n\tZanzibarwombat appears only in the changed article.\n");
        File.Delete(Path.Combine(_corpus, Path.GetRelativePath("kb", deleted.SourcePath!)));
        Copy(TestCorpus.SampleFolder, Path.Combine(TestCorpus.SampleFolder, _spare[0]));
        var added = KbArticleParser.Parse(File.ReadAllBytes(Path.Combine(_corpus, _spare[0])));

        var second = new KbIndexBuilder().Build(_corpus, _index);
        Assert.Equal((1, 1, 1, 3), (second.Added, second.Updated, second.Removed, second.Unchanged));

        using var searcher = KbSearcher.Open(_index);
        Assert.Equal(5, searcher.Count);
        Assert.Equal(changed.Id, Assert.Single(searcher.Search("zanzibarwombat").Hits).Id);
        Assert.Null(searcher.Get(deleted.Id));
        Assert.DoesNotContain(searcher.Search(deleted.Id).Hits, h => h.Id == deleted.Id);
        Assert.Equal(added.Id, searcher.Search(added.Id).Hits[0].Id);

        var third = new KbIndexBuilder().Build(_corpus, _index);
        Assert.Equal((0, 0, 0, 5), (third.Added, third.Updated, third.Removed, third.Unchanged));
    }

    [SkippableFact]
    public void Build_RefusesASecondWriter()
    {
        new KbIndexBuilder().Build(_corpus, _index);
        using var dir = FSDirectory.Open(_index);
        using var holder = new IndexWriter(dir, KbIndexBuilder.WriterConfig(OpenMode.APPEND));
        var ex = Assert.Throws<KbIndexLockedException>(() => new KbIndexBuilder().Build(_corpus, _index));
        Assert.Contains("locked", ex.Message, StringComparison.Ordinal);

    }

    [SkippableFact]
    public void IndexCommand_RefusesWhileAnotherProcessWrites()
    {
        // What a running `kb index` holds for its whole build.
        using var running = WriterLock.Acquire(_index);
        var cli = KbProcess.Run("index", _corpus, "--index", _index);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("locked by another writer", cli.Stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Build_ThatDiesHalfwayLeavesTheLastCommitUsable()
    {
        new KbIndexBuilder().Build(_corpus, _index);
        var records = Records();
        IEnumerable<ArticleRecord> Dying()
        {
            yield return records[0] with { Title = "Changed title that must not be committed" };
            throw new IOException("simulated crash");
        }

        using (var dir = FSDirectory.Open(_index))
        {
            Assert.Throws<AggregateException>(() => new KbIndexBuilder { DegreeOfParallelism = 1 }.Build(Dying(), dir));
        }

        using var searcher = KbSearcher.Open(_index);
        Assert.Equal(5, searcher.Count);
        Assert.Equal(records[0].Title, searcher.Get(records[0].Id)!.Title);
        var again = new KbIndexBuilder().Build(_corpus, _index);
        Assert.Equal(5, again.Unchanged);
    }

    [SkippableFact]
    public void IndexCommand_KilledMidwayLeavesTheLastCommitAndTheLockFree()
    {
        new KbIndexBuilder().Build(_corpus, _index);
        var big = TestCorpus.SampleFolder;
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "kb.dll"), "index", big, "--index", _index })
        {
            psi.ArgumentList.Add(a);
        }

        using (var p = System.Diagnostics.Process.Start(psi)!)
        {
            Thread.Sleep(1500);
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        using (var searcher = KbSearcher.Open(_index))
        {
            Assert.Equal(5, searcher.Count);
        }

        var again = new KbIndexBuilder().Build(_corpus, _index);
        Assert.Equal(5, again.Unchanged);
    }

    [SkippableFact]
    public void IndexCommand_ReportsCounts()
    {
        var run = KbProcess.Run("index", _corpus, "--index", _index);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("5 articles", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("5 added, 0 updated, 0 removed, 0 unchanged", run.Stdout, StringComparison.Ordinal);
        run = KbProcess.Run("index", _corpus, "--index", _index);
        Assert.Contains("0 added, 0 updated, 0 removed, 5 unchanged", run.Stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_work))
        {
            System.IO.Directory.Delete(_work, recursive: true);
        }
    }

    private List<ArticleRecord> Records() =>
        [.. CorpusReader.Parse(_corpus).Select(r => r.Record!).OrderBy(r => r.Id, StringComparer.Ordinal)];

    private void Copy(string root, string file)
    {
        var target = Path.Combine(_corpus, Path.GetRelativePath(root, file));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }
}
