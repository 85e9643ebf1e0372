using Kb.Site.Serve;
using Kb.Tests.Support;
using Microsoft.Playwright;

namespace Kb.Site.Tests;

/// <summary>
/// One site for all browser tests: content/kb plus the sample corpus, built once, served on
/// 127.0.0.1, opened in Debian's Chromium through Playwright. Console errors and page errors are collected.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public string Root { get; } = Directory.CreateTempSubdirectory("kb-browser-").FullName;
    public string Output => Path.Combine(Root, "_site");
    public StaticSiteServer? Server { get; private set; }
    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }
    public List<string> ConsoleErrors { get; } = [];
    public string? SkipReason { get; private set; }

    /// <summary>Where screenshots go (test output).</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        SkipReason = MissingBrowser();
        if (SkipReason is not null)
        {
            return;
        }

        var sources = new List<string>();
        if (TestCorpus.HasSample)
        {
            sources.Add(TestCorpus.SampleFolder);
        }

        await KbSiteBuilder.BuildAsync(new SiteOptions { Source = TestCorpus.ContentKb, ExtraSources = sources, OutputDir = Output });
        Server = new StaticSiteServer(Output);
        Server.Start();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Launch(Playwright);
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>Debian's Chromium, headless, quiet.</summary>
    public static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });

    /// <summary>Why browser tests cannot run here (null: they can); throws when KB_REQUIRE_BROWSER=1 and there is no browser.</summary>
    public static string? MissingBrowser()
    {
        if (File.Exists(Chromium))
        {
            return null;
        }

        if (Environment.GetEnvironmentVariable("KB_REQUIRE_BROWSER") == "1")
        {
            throw new InvalidOperationException($"KB_REQUIRE_BROWSER=1 but {Chromium} is missing");
        }

        return $"no Chromium at {Chromium}; install Debian's chromium (or set KB_REQUIRE_BROWSER=1 to fail instead)";
    }

    /// <summary>A new page that records console errors and uncaught exceptions.</summary>
    public async Task<IPage> NewPageAsync(int width = 1100)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                lock (ConsoleErrors)
                {
                    ConsoleErrors.Add(page.Url + ": " + m.Text);
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (ConsoleErrors)
            {
                ConsoleErrors.Add(page.Url + ": " + e);
            }
        };
        return page;
    }

    public string Url(string path) => Server!.Address + path.TrimStart('/');

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
