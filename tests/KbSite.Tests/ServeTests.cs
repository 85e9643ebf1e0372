using System.Net;
using System.Net.Sockets;
using System.Text;
using Kb.Site.Serve;

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
}
