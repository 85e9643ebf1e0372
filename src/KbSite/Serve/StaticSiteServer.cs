using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Logging;

namespace Kb.Site.Serve;

/// <summary>
/// Serves a built site on 127.0.0.1 for preview and tests, on Kestrel with ASP.NET Core's static files:
/// content types, gzip, ETag/304 and Range; folders by their <c>index.html</c> (a folder URL without its
/// slash is redirected); the site's <c>404.html</c> for anything else; 405 for methods other than GET and
/// HEAD; 400 for a path with a NUL; Kestrel's caps on the request line and headers (414/431). A file is
/// never served through a symbolic link that leads out of the site folder. Never listens beyond loopback.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    /// <summary>Longest request line accepted (Kestrel answers 414 beyond it).</summary>
    public const int MaxRequestLine = 8 * 1024;

    /// <summary>Largest total of request headers accepted (Kestrel answers 431 beyond it).</summary>
    public const int MaxRequestHeaders = 32 * 1024;

    private readonly WebApplication _app;
    private readonly string _baseUrl;
    private readonly ContainedFileProvider _files;
    private int _port;

    /// <summary>A server for the site in <paramref name="siteDir"/> on 127.0.0.1:<paramref name="port"/> (0: a free port), built with <paramref name="baseUrl"/>; call <see cref="Start"/>.</summary>
    public StaticSiteServer(string siteDir, int port = 0, string baseUrl = "/")
        : this(siteDir, port, baseUrl, liveReload: null)
    {
    }

    /// <summary>A server whose pages, when <paramref name="liveReload"/> is set (<c>kb serve --watch</c>), carry its reload script.</summary>
    public StaticSiteServer(string siteDir, int port, string baseUrl, LiveReload? liveReload)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var root = Path.GetFullPath(siteDir);
        _baseUrl = (baseUrl.StartsWith('/') ? "" : "/") + (baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        _port = port;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root, WebRootPath = root });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestLineSize = MaxRequestLine;
            k.Limits.MaxRequestHeadersTotalSize = MaxRequestHeaders;
            k.Limits.MaxRequestHeaderCount = 100;
            k.Limits.MaxRequestBodySize = 0;
        });
        builder.Services.AddResponseCompression(o =>
        {
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/xml"]);
        });
        _app = builder.Build();

        var files = new ContainedFileProvider(root);
        _files = files;
        var pathBase = new PathString(_baseUrl.TrimEnd('/'));
        _app.Use(Guard);
        if (liveReload is not null)
        {
            _app.Use((ctx, next) => liveReload.HandleAsync(ctx, next, files, _baseUrl));
        }

        _app.UseResponseCompression();
        _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = pathBase, RedirectToAppendTrailingSlash = true });
        var types = new FileExtensionContentTypeProvider();
        _app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = pathBase,
            ContentTypeProvider = types,
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        _app.Run(async ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = files.GetFileInfo("/404.html");
            if (notFound.Exists)
            {
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.SendFileAsync(notFound).ConfigureAwait(false);
            }
        });
    }

    /// <summary>The port listened on (the chosen one after <see cref="Start"/> with port 0).</summary>
    public int Port => _port;

    /// <summary>The site's address, e.g. <c>http://127.0.0.1:8123/</c> plus the base URL.</summary>
    public Uri Address => new($"http://127.0.0.1:{_port}{_baseUrl}");

    /// <summary>Starts listening; returns when the server accepts requests.</summary>
    public void Start()
    {
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is not null)
        {
            _port = new Uri(address).Port;
        }
    }

    private static Task Guard(HttpContext ctx, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method))
        {
            ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            ctx.Response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        }

        var path = ctx.Request.Path.Value ?? "";
        if (path.Contains('\0', StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        return next(ctx);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _files.Dispose();
    }

    /// <summary>The site folder's files, refusing any whose real path (links resolved) lies outside it.</summary>
    private sealed class ContainedFileProvider : IFileProvider, IDisposable
    {
        private readonly PhysicalFileProvider _inner;
        private readonly string _root;

        public ContainedFileProvider(string root)
        {
            _inner = new PhysicalFileProvider(root);
            _root = Kb.Parser.Corpus.SourcePaths.RealPath(root) ?? root;
        }

        public IFileInfo GetFileInfo(string subpath)
        {
            var info = _inner.GetFileInfo(subpath);
            if (!info.Exists || info.PhysicalPath is null)
            {
                return info;
            }

            // A link that stays inside the site is served as its target (size, date and ETag of the
            // target, not of the link itself); one that leads out is not found.
            var real = Kb.Parser.Corpus.SourcePaths.RealPath(info.PhysicalPath);
            return real is null || !Within(real) ? new NotFoundFileInfo(subpath)
                : real == info.PhysicalPath ? info
                : new PhysicalFileInfo(new FileInfo(real));
        }

        public IDirectoryContents GetDirectoryContents(string subpath)
        {
            var contents = _inner.GetDirectoryContents(subpath);
            return contents.Exists && !Inside(Path.Combine(_root, subpath.TrimStart('/'))) ? NotFoundDirectoryContents.Singleton : contents;
        }

        public Microsoft.Extensions.Primitives.IChangeToken Watch(string filter) => _inner.Watch(filter);

        public void Dispose() => _inner.Dispose();

        private bool Inside(string? path)
        {
            if (path is null)
            {
                return false;
            }

            var real = Kb.Parser.Corpus.SourcePaths.RealPath(path);
            return real is not null && Within(real);
        }

        private bool Within(string real) => real == _root || real.StartsWith(_root + "/", StringComparison.Ordinal);
    }
}
