using Microsoft.Playwright;

namespace Kb.Site.Tests;

public sealed class BrowserTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public BrowserTests(BrowserSite site) => _site = site;

    private void SkipWithoutBrowser() => Skip.If(_site.SkipReason is not null, _site.SkipReason);

    [SkippableFact]
    public async Task Search_TypingShowsQ199250AmongTheFirstThree()
    {
        SkipWithoutBrowser();
        var page = await _site.NewPageAsync();
        await page.GotoAsync(_site.Url("/"));
        await page.Locator("#kb-q").PressSequentiallyAsync("secondary site upgrade", new() { Delay = 30 });
        var hits = page.Locator("#kb-results .kb-hit a");
        await hits.First.WaitForAsync(new() { Timeout = 10_000 });
        await page.WaitForTimeoutAsync(300);
        var top = await hits.EvaluateAllAsync<string[]>("els => els.slice(0, 3).map(a => a.getAttribute('href'))");
        Assert.Contains("/kb/199/Q199250/", top);
        Assert.True(await page.Locator("#kb-results mark").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.Screenshots, "search-results.png") });
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task SearchPage_FiltersByProductAndLinksToArticles()
    {
        SkipWithoutBrowser();
        var page = await _site.NewPageAsync();
        await page.GotoAsync(_site.Url("/search/?q=secondary+site+upgrade"));
        var hits = page.Locator("#kb-search-results .kb-hit a");
        await hits.First.WaitForAsync(new() { Timeout = 10_000 });
        var value = await page.Locator("#kb-product option", new() { HasTextString = "Systems Management Server" }).First.GetAttributeAsync("value");
        await page.Locator("#kb-product").SelectOptionAsync(value!);
        await page.WaitForTimeoutAsync(400);
        var products = await page.Locator("#kb-search-results .kb-hit .kb-meta").AllTextContentsAsync();
        Assert.NotEmpty(products);
        Assert.Contains(await hits.EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href'))"), h => h == "/kb/199/Q199250/");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task DecisionAid_RecommendsFromAnswers()
    {
        SkipWithoutBrowser();
        var page = await _site.NewPageAsync();
        await page.GotoAsync(_site.Url("/kb/199/Q199250/"));
        var admin = page.Locator("fieldset", new() { HasTextString = "have an administrator" });
        var bandwidth = page.Locator("fieldset", new() { HasTextString = "bandwidth a concern" });
        await admin.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await bandwidth.GetByLabel("No", new() { Exact = true }).CheckAsync();
        var recommendation = page.Locator(".kb-aid-result .kb-recommendation");
        await Assertions.Expect(recommendation).ToContainTextAsync("Download the upgrade from the parent site");
        Assert.Equal("polite", await page.Locator(".kb-aid-result").GetAttributeAsync("aria-live"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.Screenshots, "article-Q199250.png"), FullPage = true });

        await bandwidth.GetByLabel("Don't know").CheckAsync();
        await admin.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(recommendation).ToContainTextAsync("CD-ROM");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task KeyboardAlone_SearchesOpensAnArticleAndAnswersTheAid()
    {
        SkipWithoutBrowser();
        var page = await _site.NewPageAsync();
        await page.GotoAsync(_site.Url("/"));
        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("document.activeElement && document.activeElement.id") != "kb-q"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("kb-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("Q199250", new() { Delay = 30 });
        await Assertions.Expect(page.Locator("#kb-results .kb-hit a").First).ToHaveAttributeAsync("href", "/kb/199/Q199250/");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("/kb/199/Q199250/", await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await Task.WhenAll(page.WaitForURLAsync("**/kb/199/Q199250/"), page.Keyboard.PressAsync("Enter"));

        // Tab into the first question group (it lands on the checked "Don't know"), then arrow keys choose.
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("document.activeElement && document.activeElement.type") != "radio"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("radio", await page.EvaluateAsync<string>("document.activeElement.type"));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("no", await page.EvaluateAsync<string>("document.activeElement.value"));
        await Assertions.Expect(page.Locator(".kb-aid-result .kb-ranking li").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task DecisionAid_AsksIsThisYourProblemAndSaysSoInWords()
    {
        SkipWithoutBrowser();
        var page = await _site.NewPageAsync();
        await page.GotoAsync(_site.Url("/kb/900/Q900001/"));
        var triage = page.Locator(".kb-triage");
        await Assertions.Expect(triage.Locator("h3")).ToHaveTextAsync("Is this your problem?");
        var verdict = page.Locator(".kb-verdict");
        await Assertions.Expect(verdict).ToContainTextAsync("Answer the questions");
        var cause = triage.Locator("fieldset", new() { HasTextString = "TEMP environment variable" });
        await cause.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-level", "maybe");
        foreach (var f in await triage.Locator("fieldset").AllAsync())
        {
            await f.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        }

        await Assertions.Expect(verdict).ToContainTextAsync("very likely applies");
        var choice = page.Locator(".kb-choice fieldset", new() { HasTextString = "install the service pack" });
        await choice.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.Locator(".kb-aid-result .kb-recommendation")).ToContainTextAsync("point the TEMP environment variable");
        await page.Locator("#decision-aid").ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.Screenshots, "aid-problem-resolution-workaround.png") });

        await cause.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(verdict).ToContainTextAsync("Probably not your problem");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-level", "unlikely");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task DecisionAid_RanksConditionalGuidanceAndOptions_AndWorksWithoutJavaScript()
    {
        SkipWithoutBrowser();
        var page = await _site.NewPageAsync();
        await page.GotoAsync(_site.Url("/kb/900/Q900002/"));
        await page.Locator(".kb-choice fieldset", new() { HasTextString = "32-bit" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.Locator(".kb-aid-result .kb-recommendation")).ToContainTextAsync("Import Wizard");
        await page.Locator("#decision-aid").ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.Screenshots, "aid-conditional-guidance.png") });
        await page.GotoAsync(_site.Url("/kb/199/Q199250/"));
        await page.Locator(".kb-choice fieldset", new() { HasTextString = "have an administrator" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.Locator("#decision-aid").ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.Screenshots, "aid-options.png") });
        await page.Context.CloseAsync();

        // Without JavaScript the aid is a static checklist and table: every question and option is readable.
        var context = await _site.Browser!.NewContextAsync(new() { JavaScriptEnabled = false });
        var plain = await context.NewPageAsync();
        await plain.GotoAsync(_site.Url("/kb/900/Q900001/"));
        await Assertions.Expect(plain.Locator(".kb-checklist li").First).ToBeVisibleAsync();
        await Assertions.Expect(plain.Locator(".kb-aid-form")).ToBeHiddenAsync();
        await Assertions.Expect(plain.Locator(".kb-aid-table tbody tr")).ToHaveCountAsync(2);
        await plain.Locator("#decision-aid").ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.Screenshots, "aid-problem-no-javascript.png") });
        await context.CloseAsync();
    }

    [SkippableFact]
    public async Task Pages_WorkOnAPhoneWidthAndLogNoErrors()
    {
        SkipWithoutBrowser();
        var page = await _site.NewPageAsync(width: 380);
        foreach (var path in new[] { "/", "/search/", "/kb/199/Q199250/", "/products/systems-management-server/", "/no/such/page/" })
        {
            await page.GotoAsync(_site.Url(path));
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 2");
            var wide = await page.EvaluateAsync<string>("Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 2).slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')");
            Assert.False(overflow, path + " is wider than a phone screen: " + wide);
        }

        await page.Context.CloseAsync();
        lock (_site.ConsoleErrors)
        {
            // The one expected message: Chromium reports the 404 status of the deliberately missing page.
            var errors = _site.ConsoleErrors.Where(e => !(e.Contains("/no/such/page/", StringComparison.Ordinal) && e.Contains("404", StringComparison.Ordinal))).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    /// <summary>The pages axe-core checks and the screenshots show: a path and, for the search, the selector to wait for.</summary>
    private static readonly (string Name, string Path, string? WaitFor)[] CheckedPages =
    [
        ("home", "/", null),
        ("family", "/products/systems-management-server/", null),
        ("listing", "/products/systems-management-server/v/2-0/", null),
        ("search", "/search/?q=secondary+site+upgrade", "#kb-search-results .kb-hit a"),
        ("article-with-aid", "/kb/199/Q199250/", null),
        ("upgrade-guide", "/upgrade/systems-management-server/1-2-to-2-0/", null),
    ];

    [SkippableFact]
    public async Task Axe_FindsNoSeriousOrCriticalViolations_InLightAndDarkSchemes()
    {
        SkipWithoutBrowser();
        var tools = WebTools.SkipReason;
        Skip.If(tools is not null, tools);
        var found = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await _site.NewPageAsync();
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var (name, path, waitFor) in CheckedPages)
            {
                await page.GotoAsync(_site.Url(path));
                if (waitFor is not null)
                {
                    await page.Locator(waitFor).First.WaitForAsync(new() { Timeout = 10_000 });
                }

                if (name == "article-with-aid")
                {
                    // The aid's answers reveal the ranking: check the page as a reader sees it after answering.
                    await page.Locator(".kb-choice fieldset", new() { HasTextString = "have an administrator" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
                    await page.Locator(".kb-aid-result .kb-recommendation").WaitForAsync();
                }

                await page.AddScriptTagAsync(new() { Path = WebTools.AxeScript });
                var violations = await page.EvaluateAsync<string[]>("""
                    async () => {
                      const r = await axe.run(document, { resultTypes: ["violations"] });
                      return r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
                        .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}x, e.g. ${v.nodes[0].target.join(" ")})`);
                    }
                    """);
                found.AddRange(violations.Select(v => $"{name} ({scheme}): {v}"));
            }

            await page.Context.CloseAsync();
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [SkippableFact]
    public async Task Screenshots_OfTheMainPages_OnADesktopAndAPhone()
    {
        SkipWithoutBrowser();
        foreach (var (device, width) in new[] { ("desktop", 1280), ("phone", 390) })
        {
            var page = await _site.NewPageAsync(width);
            foreach (var (name, path, waitFor) in CheckedPages.Where(p => p.Name is "home" or "family" or "upgrade-guide" or "search"))
            {
                await page.GotoAsync(_site.Url(path));
                if (waitFor is not null)
                {
                    await page.Locator(waitFor).First.WaitForAsync(new() { Timeout = 10_000 });
                    await page.WaitForTimeoutAsync(300);
                }

                var file = Path.Combine(BrowserSite.Screenshots, $"{name}-{device}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });

                // A real picture of the page: a PNG of the viewport's width (at least), not an empty file.
                var png = await File.ReadAllBytesAsync(file);
                Assert.True(png.Length > 2_000 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', file);
                var pngWidth = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
                Assert.Equal(width, pngWidth);
            }

            await page.Context.CloseAsync();
        }
    }
}
