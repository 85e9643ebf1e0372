using System.Text.Json;
using System.Text.RegularExpressions;
using Kb.Tests.Support;

namespace Kb.Site.Tests;

/// <summary>
/// html-validate (npm, pinned in web/package-lock.json, configured by web/htmlvalidate.config.mjs) over every
/// page of a sample build: content/kb and the shared sample corpus. Every page kind must be among them, and
/// no page may have an error.
/// </summary>
public sealed partial class HtmlValidateTests
{
    [SkippableFact]
    public async Task EveryPageOfTheSampleBuild_HasNoHtmlValidateErrors()
    {
        var skip = WebTools.SkipReason;
        Skip.If(skip is not null, skip);
        TestCorpus.RequireSample();
        var root = Directory.CreateTempSubdirectory("kb-hv-").FullName;
        try
        {
            var output = Path.Combine(root, "_site");
            await KbSiteBuilder.BuildAsync(new SiteOptions { Source = TestCorpus.ContentKb, ExtraSources = [TestCorpus.SampleFolder], OutputDir = output, SiteUrl = "https://kb.example.org" });
            var pages = Directory.GetFiles(output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

            // Every page kind the site has is validated.
            var kinds = pages.GroupBy(p => KindOf(output, p)).ToDictionary(g => g.Key, g => g.Count());
            string[] expected = ["home", "products", "family", "listing", "article with aid", "article without options", "upgrade index", "upgrade guide", "search", "404"];
            Assert.True(expected.All(kinds.ContainsKey), "page kinds missing from the sample build: " + string.Join(", ", expected.Where(k => !kinds.ContainsKey(k))));

            var report = WebTools.HtmlValidate(pages);
            var errors = report.EnumerateArray().Where(m => m.GetProperty("severity").GetInt32() == 2).ToList();
            var text = string.Join('\n', errors.Take(40).Select(m =>
                $"{Path.GetRelativePath(output, m.GetProperty("file").GetString()!)}:{m.GetProperty("line")}:{m.GetProperty("column")} [{m.GetProperty("rule").GetString()}] {m.GetProperty("message").GetString()}"));
            Assert.True(errors.Count == 0, $"{errors.Count} html-validate errors over {pages.Count} pages ({string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"))}):\n{text}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public void HtmlValidate_ReportsTheFaultsTheSiteMustNotHave()
    {
        var skip = WebTools.SkipReason;
        Skip.If(skip is not null, skip);
        var dir = Directory.CreateTempSubdirectory("kb-hv-").FullName;
        try
        {
            // A page with the faults the configuration must catch: a duplicate id, a button without a type,
            // an image without alternative text and an unclosed element.
            var page = Path.Combine(dir, "bad.html");
            File.WriteAllText(page, """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Bad</title></head>
                <body><main><p id="a">One</p><p id="a">Two</p><button>Go</button><img src="x.png"><div></main></body></html>
                """);
            var rules = WebTools.HtmlValidate([page]).EnumerateArray().Where(m => m.GetProperty("severity").GetInt32() == 2)
                .Select(m => m.GetProperty("rule").GetString()).ToHashSet();
            Assert.Contains("no-dup-id", rules);
            Assert.Contains("no-implicit-button-type", rules);
            Assert.Contains("wcag/h37", rules);
            Assert.Contains("close-order", rules);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The page kind of a built file, from its path and markup.</summary>
    private static string KindOf(string output, string file)
    {
        var relative = Path.GetRelativePath(output, file).Replace('\\', '/');
        if (relative == "index.html")
        {
            return "home";
        }

        if (relative == "404.html")
        {
            return "404";
        }

        if (relative == "search/index.html")
        {
            return "search";
        }

        if (relative == "products/index.html")
        {
            return "products";
        }

        if (FamilyPage().IsMatch(relative))
        {
            return "family";
        }

        if (relative.StartsWith("products/", StringComparison.Ordinal))
        {
            return "listing";
        }

        if (relative == "upgrade/index.html")
        {
            return "upgrade index";
        }

        if (relative.StartsWith("upgrade/", StringComparison.Ordinal))
        {
            return "upgrade guide";
        }

        var html = File.ReadAllText(file);
        if (html.Contains("class=\"kb-article\"", StringComparison.Ordinal) || html.Contains("<body class=\"kb-article\"", StringComparison.Ordinal))
        {
            return html.Contains("kb-aid-form", StringComparison.Ordinal) ? "article with aid" : "article without options";
        }

        return "other";
    }

    [GeneratedRegex("^products/[^/]+/index\\.html$")]
    private static partial Regex FamilyPage();
}
