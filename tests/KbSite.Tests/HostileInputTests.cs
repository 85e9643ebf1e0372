using System.Formats.Tar;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Kb.Site.Check;
using Kb.Site.Serve;
using Kb.Tests.Support;

namespace Kb.Site.Tests;

/// <summary>One hostile article, file or request never stops a build or a server, and is reported by name.</summary>
public sealed class HostileInputTests
{
    private const string Body = "SUMMARY\n=======\n\nAn ordinary article.";

    [Fact]
    public async Task Build_SkipsOrMovesArticlesWhosePermalinksTakeTheSitesOwnPages()
    {
        using var site = new MiniSite()
            .Article("Q100001", "TEST: Home", Body, permalink: "/index.html")
            .Article("Q100002", "TEST: Search", Body, permalink: "/search/")
            .Article("Q100003", "TEST: Sitemap", Body, permalink: "/sitemap.xml")
            .Article("Q100004", "TEST: Listing", Body, permalink: "/products/testing-server/")
            .Article("Q100005", "TEST: State", Body, permalink: "/.kb-build.json")
            .Article("Q100006", "TEST: Missing", Body, permalink: "/404.html")
            .Article("Q100007", "TEST: Long", Body, permalink: "/" + new string('a', 300) + "/")
            .Article("Q100008", "TEST: Fine", Body);
        var result = await site.BuildAsync();
        Assert.Equal(8, result.Articles);
        foreach (var id in new[] { "Q100001", "Q100002", "Q100003", "Q100004", "Q100005", "Q100006", "Q100007" })
        {
            Assert.Contains(result.Diagnostics, d => d.Code == SiteDiagnosticCodes.UnsafePermalink && d.Subject.Contains(id, StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(site.Output, "kb", "100", id, "index.html")), id);
        }

        Assert.Contains("<urlset", site.Read("sitemap.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("TEST: Home", site.Read("index.html").Split("<main")[0], StringComparison.Ordinal);
        Assert.Empty(SiteChecker.Check(site.Output).Problems);
    }

    [Fact]
    public async Task Build_KeepsTheFirstOfTwoArticlesWithOnePermalinkAndNamesBoth()
    {
        using var site = new MiniSite()
            .Article("Q100001", "TEST: First", Body, permalink: "/kb/same/")
            .Article("Q100002", "TEST: Second", Body, permalink: "/kb/same/");
        var result = await site.BuildAsync();
        var d = Assert.Single(result.Diagnostics, d => d.Code == SiteDiagnosticCodes.DuplicatePermalink);
        Assert.Contains("Q100002", d.Subject, StringComparison.Ordinal);
        Assert.Contains("Q100001", d.Message, StringComparison.Ordinal);
        Assert.Contains("TEST: First", site.Read("kb/same/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_SurvivesArticlesNestedDeeperThanAnyParserShouldGo()
    {
        using var site = new MiniSite()
            .Article("Q100001", "TEST: Deep", "SUMMARY\n=======\n\n" + new string('>', 100_000) + " quoted\n" + string.Concat(Enumerable.Repeat("- ", 20_000)) + "\n" + new string('[', 100_000))
            .Article("Q100002", "TEST: Fine", Body);
        var dir = Path.Combine(site.Content, "100", "Q100003");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "README.md"), "---\ntitle: " + new string('[', 100_000) + "\n---\n\n" + new string('>', 50_000) + "\n## Q100003: Deep front matter\n");
        var result = await site.BuildAsync();
        Assert.True(result.Articles >= 2);
        Assert.Contains("TEST: Fine", site.Read("kb/100/Q100002/index.html"), StringComparison.Ordinal);
        Assert.Empty(SiteChecker.Check(site.Output).Problems);
    }

    [Fact]
    public void Parse_ReportsLinksFifosAndLoopsByNameAndReadsTheRest()
    {
        using var site = new MiniSite().Article("Q100001", "TEST: Fine", Body);
        var folder = Path.Combine(site.Content, "100");
        File.WriteAllText(Path.Combine(site.Root, "outside.md"), "outside");
        File.CreateSymbolicLink(Path.Combine(folder, "out.md"), Path.Combine(site.Root, "outside.md"));
        File.CreateSymbolicLink(Path.Combine(folder, "nowhere.md"), Path.Combine(site.Root, "missing.md"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), site.Content);
        Directory.CreateSymbolicLink(Path.Combine(folder, "away"), site.Root);
        Assert.Equal(0, Mkfifo(Path.Combine(folder, "fifo.md"), 0x1A4));
        // A character device (root may make one; elsewhere the FIFO stands for every non-regular file).
        var device = Environment.UserName == "root" && File.Exists("/usr/bin/mknod")
            && System.Diagnostics.Process.Start("/usr/bin/mknod", [Path.Combine(folder, "device.md"), "c", "1", "3"]) is { } mknod
            && mknod.WaitForExit(10_000) && mknod.ExitCode == 0;
        File.CreateSymbolicLink(Path.Combine(folder, "new\nline.md"), Path.Combine(site.Root, "missing.md"));

        var r = KbProcess.Run("parse", site.Content, "--jsonl");
        Assert.Equal(1, r.ExitCode);
        Assert.Single(r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("\"Q100001\"", StringComparison.Ordinal));
        Assert.Contains("out.md': a symbolic link that leads outside the source", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("nowhere.md': a symbolic link to nothing", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("fifo.md': not a regular file (FIFO)", r.Stderr, StringComparison.Ordinal);
        if (device)
        {
            Assert.Contains("device.md': not a regular file (device)", r.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains("new\\u000aline.md", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("One or more errors", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A folder kb may not list is reported, not skipped in silence. Root reads every folder, so the test runs
    /// kb as the unprivileged user 'nobody' through setpriv; it skips, saying why, where that cannot be done.
    /// </summary>
    [SkippableFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Parse_ReportsAFolderItCannotList()
    {
        Skip.If(Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"),
            "needs root and /usr/bin/setpriv to run kb as an unprivileged user (root can list every folder)");
        using var site = new MiniSite().Article("Q100001", "TEST: Fine", Body);
        var locked = Path.Combine(site.Content, "locked");
        Directory.CreateDirectory(locked);
        foreach (var dir in new[] { site.Root, Path.Combine(site.Root, "content"), site.Content, Path.Combine(site.Content, "100"), Path.Combine(site.Content, "100", "Q100001") })
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0x1ED);
        }

        File.SetUnixFileMode(Path.Combine(site.Content, "100", "Q100001", "README.md"), (UnixFileMode)0x1A4);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        var psi = KbProcess.StartInfo(site.Root, "parse", site.Content, "--jsonl");
        var dotnet = psi.FileName;
        psi.FileName = "/usr/bin/setpriv";
        psi.ArgumentList.Insert(0, dotnet);
        foreach (var a in new[] { "--clear-groups", "--regid=65534", "--reuid=65534" })
        {
            psi.ArgumentList.Insert(0, a);
        }

        psi.Environment["HOME"] = site.Root;
        psi.Environment["DOTNET_CLI_HOME"] = site.Root;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        File.SetUnixFileMode(locked, (UnixFileMode)0x1ED);
        Skip.If(stderr.Contains("Permission denied", StringComparison.Ordinal) && !stderr.Contains("locked", StringComparison.Ordinal),
            "the unprivileged user cannot run dotnet from this checkout: " + stderr.Split('\n')[0]);
        Assert.Equal(1, p.ExitCode);
        Assert.Contains("locked/': the folder cannot be listed", stderr, StringComparison.Ordinal);
        Assert.Contains("\"Q100001\"", stdout.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SkipsAnArchiveEntryOverTheCapAndReadsTheRest()
    {
        var dir = Directory.CreateTempSubdirectory("kb-cap-").FullName;
        try
        {
            var tar = Path.Combine(dir, "big.tar");
            using (var stream = File.Create(tar))
            using (var writer = new TarWriter(stream))
            {
                var big = new PaxTarEntry(TarEntryType.RegularFile, "kb/100/Q100001/README.md")
                {
                    DataStream = new MemoryStream(new byte[Kb.Parser.Corpus.CorpusReader.MaxArticleBytes + 1]),
                };
                writer.WriteEntry(big);
                var fine = new PaxTarEntry(TarEntryType.RegularFile, "kb/100/Q100002/README.md")
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes("---\ntitle: \"Q100002: Fine\"\n---\n\n## Q100002: Fine\n\n\tArticle: Q100002\n")),
                };
                writer.WriteEntry(fine);
            }

            var r = KbProcess.Run("parse", tar, "--jsonl");
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("Q100001/README.md': the entry is 16 MB, over the 16 MB cap", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("\"Q100002\"", r.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void FrontMatter_DeepBracketsAreRefusedWithWorkLinearInTheirSize()
    {
        static long Allocated(int n)
        {
            var text = "---\ntitle: " + new string('[', n) + "\n---\n\n## Q100001: Deep\n\n\tArticle: Q100001\n";
            var before = GC.GetAllocatedBytesForCurrentThread();
            var record = Kb.Parser.KbArticleParser.Parse(text, "deep.md");
            Assert.Contains(record.Diagnostics, d => d.Code == Kb.Parser.DiagnosticCodes.Parser.InvalidFrontMatter);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated(1000);
        var small = Allocated(50_000);
        var large = Allocated(100_000);
        Assert.InRange(large, small, small * 3);
    }

    [Fact]
    public void ParseOut_LeavesNoPartialFileAndNeverOverwritesItsInput()
    {
        using var site = new MiniSite().Article("Q100001", "TEST: Fine", Body);
        var article = Path.Combine(site.Content, "100", "Q100001", "README.md");
        var before = File.ReadAllText(article);
        var r = KbProcess.Run("parse", article, "--out", article);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(before, File.ReadAllText(article));

        var target = Path.Combine(site.Root, "records.jsonl");
        File.WriteAllText(target, "old");
        var missing = KbProcess.Run("parse", Path.Combine(site.Root, "no-such-folder"), "--out", target);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Equal("old", File.ReadAllText(target));
        Assert.Empty(Directory.EnumerateFiles(site.Root, ".records.jsonl.*"));

        var ok = KbProcess.Run("parse", site.Content, "--out", target);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("\"Q100001\"", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(site.Root, ".records.jsonl.*"));
    }

    [Fact]
    public async Task Serve_RefusesOtherMethodsNulPathsHugeRequestLinesAndLinksOutOfTheSite()
    {
        using var site = new MiniSite().Article("Q100001", "TEST: Served", Body);
        await site.BuildAsync();
        File.WriteAllText(Path.Combine(site.Root, "secret.txt"), "secret");
        File.CreateSymbolicLink(Path.Combine(site.Output, "leak.txt"), Path.Combine(site.Root, "secret.txt"));
        await using var server = new StaticSiteServer(site.Output);
        server.Start();
        using var http = new HttpClient();
        var post = await http.PostAsync(new Uri(server.Address, "index.html"), new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        var delete = await http.DeleteAsync(new Uri(server.Address, "index.html"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        var leak = await http.GetAsync(new Uri(server.Address, "leak.txt"));
        Assert.Equal(HttpStatusCode.NotFound, leak.StatusCode);
        Assert.DoesNotContain("secret", await leak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.StartsWith("HTTP/1.1 400", await Raw(server.Port, "GET /index.html%00.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 414", await Raw(server.Port, "GET /" + new string('a', 1 << 20) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 431", await Raw(server.Port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + new string('b', 64 * 1024) + "\r\nConnection: close\r\n\r\n"), StringComparison.Ordinal);
        var page = await http.GetAsync(new Uri(server.Address, "kb/100/Q100001/"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static async Task<string> Raw(int port, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        }
        catch (IOException)
        {
            // The server may answer and close before it has read all of an oversized request.
        }

        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? "";
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int Mkfifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);
}
