using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Kb.Site.Serve;
using Kb.Tests.Support;

namespace Kb.Site.Tests;

public sealed class ServeTests
{
    [Fact]
    public async Task Server_ServesPagesFoldersAnd404OnLoopbackOnly()
    {
        using var site = new MiniSite().Article("Q100001", "TEST: Served", "SUMMARY\n=======\n\nA served article.");
        await site.BuildAsync();
        await using var server = new StaticSiteServer(site.Output);
        server.Start();
        Assert.Equal("127.0.0.1", server.Address.Host);
        using var http = new HttpClient();
        var page = await http.GetAsync(new Uri(server.Address, "kb/100/Q100001/"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("TEST: Served", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var missing = await http.GetAsync(new Uri(server.Address, "no/such/page/"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_DoesNotServeFilesOutsideTheSite()
    {
        using var site = new MiniSite().Article("Q100001", "TEST: Served", "SUMMARY\n=======\n\nText.");
        await site.BuildAsync();
        File.WriteAllText(Path.Combine(site.Root, "secret.txt"), "secret");
        await using var server = new StaticSiteServer(site.Output);
        server.Start();
        foreach (var path in new[] { "/../secret.txt", "/%2e%2e/secret.txt", "/kb/../../secret.txt" })
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, server.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            using var reader = new StreamReader(stream);
            var response = await reader.ReadToEndAsync();
            Assert.DoesNotContain("secret", response.Split("\r\n\r\n", 2)[^1], StringComparison.Ordinal);
        }
    }

    /// <summary>A built mini site served on a free port, with a client that neither follows redirects nor decompresses.</summary>
    private sealed class Served : IAsyncDisposable
    {
        private Served(MiniSite site, StaticSiteServer server)
        {
            Site = site;
            Server = server;
        }

        public MiniSite Site { get; }

        public StaticSiteServer Server { get; }

        public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None });

        public Uri Url(string path) => new(Server.Address, path);

        public static async Task<Served> StartAsync(string baseUrl = "/")
        {
            var site = new MiniSite().Article("Q100001", "TEST: Served", "SUMMARY\n=======\n\n" + string.Concat(Enumerable.Repeat("A served article with enough text to compress. ", 80)));
            await site.BuildAsync(baseUrl: baseUrl);
            var server = new StaticSiteServer(site.Output, 0, baseUrl);
            server.Start();
            return new Served(site, server);
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Server.DisposeAsync();
            Site.Dispose();
        }
    }

    [Fact]
    public async Task Server_RedirectsAFolderWithoutItsSlash()
    {
        await using var s = await Served.StartAsync();
        var (site, server, http) = (s.Site, s.Server, s.Http);
        var r = await http.GetAsync(new Uri(server.Address, "kb/100/Q100001"));
        Assert.Equal(HttpStatusCode.MovedPermanently, r.StatusCode);
        Assert.EndsWith("/kb/100/Q100001/", r.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    public async Task Server_AnswersOtherMethodsWith405(string method)
    {
        await using var s = await Served.StartAsync();
        var (site, server, http) = (s.Site, s.Server, s.Http);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(server.Address, "index.html"));
        var r = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode);
        Assert.Contains("GET", r.Content.Headers.Allow);
        Assert.Equal("", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Server_AnswersARepeatedRequestWith304ByETag()
    {
        await using var s = await Served.StartAsync();
        var (site, server, http) = (s.Site, s.Server, s.Http);
        var first = await http.GetAsync(new Uri(server.Address, "kb/100/Q100001/"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/html", first.Content.Headers.ContentType!.MediaType);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "kb/100/Q100001/"));
        again.Headers.IfNoneMatch.Add(etag);
        var second = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Server_ServesARange()
    {
        await using var s = await Served.StartAsync();
        var (site, server, http) = (s.Site, s.Server, s.Http);
        var whole = await http.GetByteArrayAsync(new Uri(server.Address, "sitemap.xml"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "sitemap.xml"));
        request.Headers.Range = new RangeHeaderValue(5, 14);
        var r = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, r.StatusCode);
        Assert.Equal(whole[5..15], await r.Content.ReadAsByteArrayAsync());
        Assert.Equal(whole.Length, r.Content.Headers.ContentRange!.Length);
    }

    [Fact]
    public async Task Server_GzipsTextWhenAsked()
    {
        await using var s = await Served.StartAsync();
        var (site, server, http) = (s.Site, s.Server, s.Http);
        var plain = await http.GetByteArrayAsync(new Uri(server.Address, "kb/100/Q100001/"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "kb/100/Q100001/"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var r = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("gzip", r.Content.Headers.ContentEncoding);
        var compressed = await r.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < plain.Length, $"{compressed.Length} >= {plain.Length}");
        await using var gunzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var back = new MemoryStream();
        await gunzip.CopyToAsync(back);
        Assert.Equal(plain, back.ToArray());
    }

    [Fact]
    public async Task Server_AnswersMissingPagesWithTheSites404Page_UnderItsBaseUrl()
    {
        await using var s = await Served.StartAsync("/archive/");
        var (site, server, http) = (s.Site, s.Server, s.Http);
        Assert.EndsWith("/archive/", server.Address.ToString(), StringComparison.Ordinal);
        var page = await http.GetAsync(new Uri(server.Address, "kb/100/Q100001/"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var missing = await http.GetAsync(new Uri(server.Address, "no/such/page/"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(site.Read("404.html"), await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Server_RefusesASymlinkLeadingOutOfTheSite()
    {
        await using var s = await Served.StartAsync();
        var (site, server) = (s.Site, s.Server);
        var secret = Path.Combine(site.Root, "outside.txt");
        await File.WriteAllTextAsync(secret, "outside the site");
        File.CreateSymbolicLink(Path.Combine(site.Output, "link.txt"), secret);
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "linkdir"), site.Root);
        await File.WriteAllTextAsync(Path.Combine(site.Output, "inside.txt"), "inside");
        File.CreateSymbolicLink(Path.Combine(site.Output, "innerlink.txt"), Path.Combine(site.Output, "inside.txt"));
        var http = s.Http;
        foreach (var path in new[] { "link.txt", "linkdir/outside.txt" })
        {
            var r = await http.GetAsync(new Uri(server.Address, path));
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.DoesNotContain("outside the site", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("inside", await http.GetStringAsync(new Uri(server.Address, "innerlink.txt")));
    }

    [Fact]
    public async Task Server_RefusesAOneMegabyteRequestLineQuickly()
    {
        await using var s = await Served.StartAsync();
        var server = s.Server;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = tcp.GetStream();
        var clock = Stopwatch.StartNew();
        var line = "GET /" + new string('a', 1024 * 1024) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(line));
        }
        catch (IOException)
        {
            // The server may close the connection before the whole line is sent.
        }

        using var reader = new StreamReader(stream);
        var status = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("HTTP/1.1 414", status, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task Server_Answers200ParallelRequestsCorrectly()
    {
        await using var s = await Served.StartAsync();
        var (site, server) = (s.Site, s.Server);
        using var http = new HttpClient();
        var paths = new[] { "", "kb/100/Q100001/", "sitemap.xml", "404.html" };
        var expected = paths.Select(p => File.ReadAllBytes(Path.Combine(site.Output, p.Length == 0 || p.EndsWith('/') ? p + "index.html" : p))).ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var r = await http.GetAsync(new Uri(server.Address, paths[i % paths.Length]));
            return (i, r.StatusCode, Body: await r.Content.ReadAsByteArrayAsync());
        }));
        Assert.All(results, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(expected[r.i % paths.Length], r.Body);
        });
    }

    [Fact]
    public async Task ServeCommand_PortZero_PrintsTheChosenPort()
    {
        using var site = new MiniSite().Article("Q100001", "TEST: Served", "SUMMARY\n=======\n\nText.");
        await site.BuildAsync();
        using var p = Process.Start(KbProcess.StartInfo(null, "serve", site.Output, "--port", "0", "--base-url", "/archive/"))!;
        try
        {
            var line = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.NotNull(line);
            var m = System.Text.RegularExpressions.Regex.Match(line, @"http://127\.0\.0\.1:(\d+)/archive/");
            Assert.True(m.Success, line);
            Assert.NotEqual(0, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            using var http = new HttpClient();
            var r = await http.GetAsync(new Uri(m.Value + "kb/100/Q100001/"));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }
}
