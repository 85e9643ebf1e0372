using Kb.Site.Serve;
using Microsoft.Playwright;

namespace Kb.Site.Tests;

/// <summary><c>kb serve --watch</c> in the browser: an edited article shows on the open page by itself.</summary>
public sealed class WatchBrowserTests
{
    private const string Body = BuildTests.Body;

    [SkippableFact]
    public async Task Watch_EditedTitleShowsOnTheOpenPageWithin3Seconds()
    {
        var missing = BrowserSite.MissingBrowser();
        Skip.If(missing is not null, missing);
        using var site = new MiniSite().Article("Q100001", "TEST: Before the edit", Body).Article("Q100002", "TEST: Other", Body);
        await site.BuildAsync();
        var live = new LiveReload();
        var options = new SiteOptions { Source = site.Content, OutputDir = site.Output, MaxParallelism = 2, StrictTemplates = true };
        await using var server = new StaticSiteServer(site.Output, 0, "/", live);
        server.Start();
        using var watcher = new SiteWatcher(options, live);
        using var stop = new CancellationTokenSource();
        var errors = new List<string>();
        var watching = watcher.RunAsync((_, e) =>
        {
            if (e is not null)
            {
                lock (errors)
                {
                    errors.Add(e.Message);
                }
            }
        }, stop.Token);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSite.Launch(playwright);
        var page = await browser.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                console.Add(m.Text);
            }
        };
        await page.GotoAsync(server.Address + "kb/100/Q100001/");
        Assert.Equal("TEST: Before the edit", await page.Locator("h1").TextContentAsync());
        // The page is polling: wait for its first answer so the edit is a change it has not seen.
        await page.WaitForTimeoutAsync(300);

        var edited = DateTime.UtcNow;
        site.Article("Q100001", "TEST: After the edit", Body);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("TEST: After the edit", new() { Timeout = 3000 });
        var seen = DateTime.UtcNow - edited;
        Assert.True(seen < TimeSpan.FromSeconds(3), $"the new title showed after {seen.TotalSeconds:F1} s");
        Assert.Empty(errors);
        Assert.Empty(console);
        // The script is added when serving only: the page on disk has none.
        Assert.DoesNotContain(LiveReload.Endpoint, site.Read("kb/100/Q100001/index.html"), StringComparison.Ordinal);

        await page.CloseAsync();
        await stop.CancelAsync();
        await watching;
    }
}
