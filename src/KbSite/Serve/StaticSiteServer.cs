using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace Kb.Site.Serve;

/// <summary>
/// Serves a built site on 127.0.0.1 for preview and tests: files under the base URL, folders by
/// their <c>index.html</c>, <c>404.html</c> for anything else, gzip for text when the browser accepts it.
/// Never listens beyond the loopback address.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".css"] = "text/css; charset=utf-8", [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json", [".xml"] = "application/xml", [".png"] = "image/png", [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon", [".txt"] = "text/plain; charset=utf-8",
    };

    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _baseUrl;
    private readonly ConcurrentDictionary<string, byte[]> _gzipped = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public StaticSiteServer(string siteDir, int port = 0, string baseUrl = "/")
    {
        _root = Path.GetFullPath(siteDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        _baseUrl = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";
        Port = port == 0 ? FreePort() : port;
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
    }

    public int Port { get; }

    /// <summary>The site's address, e.g. <c>http://127.0.0.1:8123/</c> plus the base URL.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}{_baseUrl}");

    public void Start()
    {
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Handle(ctx));
        }
    }

    private void Handle(HttpListenerContext ctx)
    {
        var res = ctx.Response;
        try
        {
            var (file, status) = Find(ctx.Request.Url?.AbsolutePath ?? "/");
            res.StatusCode = status;
            if (file is null)
            {
                return;
            }

            res.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            res.Headers["Cache-Control"] = "no-cache";
            var bytes = File.ReadAllBytes(file);
            var accepts = (ctx.Request.Headers["Accept-Encoding"] ?? "").Contains("gzip", StringComparison.OrdinalIgnoreCase);
            if (accepts && res.ContentType.StartsWith("text/", StringComparison.Ordinal) || accepts && res.ContentType.StartsWith("application/", StringComparison.Ordinal) && bytes.Length > 512)
            {
                bytes = _gzipped.GetOrAdd(file + "|" + File.GetLastWriteTimeUtc(file).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => Gzip(bytes));
                res.Headers["Content-Encoding"] = "gzip";
            }

            res.ContentLength64 = bytes.Length;
            if (ctx.Request.HttpMethod != "HEAD")
            {
                res.OutputStream.Write(bytes);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or UnauthorizedAccessException)
        {
            res.StatusCode = 500;
        }
        finally
        {
            try
            {
                res.Close();
            }
            catch (HttpListenerException)
            {
                // The browser went away.
            }
        }
    }

    private (string? File, int Status) Find(string urlPath)
    {
        var path = Uri.UnescapeDataString(urlPath);
        if (path.StartsWith(_baseUrl, StringComparison.Ordinal) || path + "/" == _baseUrl)
        {
            var rel = path.Length > _baseUrl.Length ? path[_baseUrl.Length..] : "";
            var full = Path.GetFullPath(Path.Combine(_root, rel));
            if (full.StartsWith(_root, StringComparison.Ordinal) || full + Path.DirectorySeparatorChar == _root)
            {
                if (File.Exists(full))
                {
                    return (full, 200);
                }

                var index = Path.Combine(full, "index.html");
                if (Directory.Exists(full) && File.Exists(index))
                {
                    return (index, 200);
                }
            }
        }

        var notFound = Path.Combine(_root, "404.html");
        return (File.Exists(notFound) ? notFound : null, 404);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest))
        {
            gz.Write(bytes);
        }

        return ms.ToArray();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }
}
