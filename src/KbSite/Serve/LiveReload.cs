using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Kb.Site.Serve;

/// <summary>
/// Live reload for <c>kb serve --watch</c>: a build counter the pages poll, and the small script that
/// polls it, added to HTML pages only as they are served (never written into the site). The script asks
/// <c>BASE__kb/live?v=N</c>, which answers at once when the build number is not N, or after up to 25
/// seconds of waiting for the next build; a new number reloads the page.
/// </summary>
public sealed class LiveReload
{
    /// <summary>The polling endpoint, under the base URL.</summary>
    public const string Endpoint = "__kb/live";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(25);
    private int _version;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Number of builds announced so far.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>Tells open pages that the site changed: they reload.</summary>
    public void Notify()
    {
        Interlocked.Increment(ref _version);
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>The script added before <c>&lt;/body&gt;</c> of served pages.</summary>
    public static string Script(string baseUrl) =>
        "<script>(function(){var u=" + JavaScriptEncoder.Default.Encode(baseUrl + Endpoint).Insert(0, "\"") + "\",v=null;"
        + "function poll(){fetch(u+(v===null?'':'?v='+v),{cache:'no-store'}).then(function(r){return r.text();})"
        + ".then(function(t){if(v!==null&&t!==v){location.reload();return;}v=t;poll();})"
        + ".catch(function(){setTimeout(poll,1000);});}poll();})();</script>";

    /// <summary>Answers the endpoint and serves HTML pages with the script; anything else goes to <paramref name="next"/>.</summary>
    internal async Task HandleAsync(HttpContext ctx, RequestDelegate next, IFileProvider files, string baseUrl)
    {
        var path = ctx.Request.Path.Value ?? "";
        if (path == baseUrl + Endpoint)
        {
            await PollAsync(ctx).ConfigureAwait(false);
            return;
        }

        if (!path.StartsWith(baseUrl, StringComparison.Ordinal))
        {
            await next(ctx).ConfigureAwait(false);
            return;
        }

        var sub = "/" + path[baseUrl.Length..];
        if (sub.EndsWith('/'))
        {
            sub += "index.html";
        }

        var file = sub.EndsWith(".html", StringComparison.Ordinal) ? files.GetFileInfo(sub) : null;
        if (file is not { Exists: true, IsDirectory: false })
        {
            await next(ctx).ConfigureAwait(false);
            return;
        }

        string html;
        using (var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8))
        {
            html = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        }

        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var script = Script(baseUrl);
        html = at < 0 ? html + script : html.Insert(at, script);
        ctx.Response.ContentType = "text/html; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-cache";
        if (!HttpMethods.IsHead(ctx.Request.Method))
        {
            await ctx.Response.WriteAsync(html, ctx.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task PollAsync(HttpContext ctx)
    {
        var current = Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ctx.Request.Query["v"] == current)
        {
            var next = Volatile.Read(ref _next).Task;
            try
            {
                await next.WaitAsync(Wait, ctx.RequestAborted).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // No build meanwhile: the page asks again.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        ctx.Response.ContentType = "text/plain; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-store";
        await ctx.Response.WriteAsync(Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ctx.RequestAborted).ConfigureAwait(false);
    }
}
