using System.Collections.Concurrent;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Kb.Site.Check;

/// <summary>A problem found in a built site: the page (output-relative) and what is wrong.</summary>
public sealed record CheckProblem(string Page, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Page}: {Message}";
}

/// <summary>What <see cref="SiteChecker"/> looked at and found.</summary>
public sealed record CheckResult(int Pages, int Links, IReadOnlyList<CheckProblem> Problems);

/// <summary>
/// Reads every generated HTML page with AngleSharp and reports pages with parse errors, internal
/// links and assets that do not resolve to a file of the site, and article pages without a title,
/// an h1 or the decision aid. XML files must be well-formed.
/// </summary>
public static class SiteChecker
{
    /// <summary>Checks the built site in <paramref name="siteDir"/> with up to <paramref name="parallelism"/> pages at once (default: one per core).</summary>
    public static CheckResult Check(string siteDir, int? parallelism = null, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(siteDir);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"no such folder: {siteDir}");
        }

        var baseUrl = BaseUrlOf(root);
        var problems = new ConcurrentBag<CheckProblem>();
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith('.'))
            .ToList();
        long links = 0;
        var pages = files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
            () => new HtmlParser(new HtmlParserOptions { IsNotConsumingCharacterReferences = false }),
            (page, _, parser) =>
            {
                Interlocked.Add(ref links, CheckPage(root, baseUrl, page, parser, problems));
                return parser;
            },
            _ => { });
        foreach (var xml in files.Where(f => f.EndsWith(".xml", StringComparison.Ordinal)))
        {
            try
            {
                using var reader = System.Xml.XmlReader.Create(Path.Combine(root, xml));
                while (reader.Read())
                {
                }
            }
            catch (System.Xml.XmlException ex)
            {
                problems.Add(new CheckProblem(xml, "not well-formed XML: " + ex.Message));
            }
        }

        var sorted = problems.OrderBy(p => p.Page, StringComparer.Ordinal).ThenBy(p => p.Message, StringComparer.Ordinal).ToList();
        return new CheckResult(pages.Count, (int)links, sorted);
    }

    private static int CheckPage(string root, string baseUrl, string page, HtmlParser parser, ConcurrentBag<CheckProblem> problems)
    {
        var text = File.ReadAllText(Path.Combine(root, page));
        var errors = new List<string>();
        void OnError(object? sender, AngleSharp.Dom.Events.Event e)
        {
            if (e is AngleSharp.Html.Dom.Events.HtmlErrorEvent h && errors.Count < 3)
            {
                errors.Add($"line {h.Position.Line}: {h.Message}");
            }
        }

        parser.Error += OnError;
        IDocument doc;
        try
        {
            doc = parser.ParseDocument(text);
        }
        finally
        {
            parser.Error -= OnError;
        }

        using (doc)
        {
            foreach (var e in errors)
            {
                problems.Add(new CheckProblem(page, "does not parse cleanly: " + e));
            }

            var count = 0;
            foreach (var (el, attr) in new[] { ("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("form", "action") })
            {
                foreach (var node in doc.QuerySelectorAll(el + "[" + attr + "]"))
                {
                    count++;
                    var target = node.GetAttribute(attr)!;
                    if (!Resolves(root, baseUrl, page, target, out var why))
                    {
                        problems.Add(new CheckProblem(page, $"<{el} {attr}=\"{target}\"> {why}"));
                    }
                }
            }

            var isArticle = doc.Body?.ClassList.Contains("kb-article") == true || page.StartsWith("kb/", StringComparison.Ordinal);
            if (isArticle)
            {
                if (string.IsNullOrWhiteSpace(doc.Title))
                {
                    problems.Add(new CheckProblem(page, "article page without a title"));
                }

                var h1 = doc.QuerySelectorAll("h1");
                if (h1.Length != 1 || string.IsNullOrWhiteSpace(h1[0].TextContent))
                {
                    problems.Add(new CheckProblem(page, $"article page needs one non-empty h1 (has {h1.Length})"));
                }

                if (doc.QuerySelector("#decision-aid") is null)
                {
                    problems.Add(new CheckProblem(page, "article page without the decision aid (#decision-aid)"));
                }
            }

            return count;
        }
    }

    /// <summary>True when an internal link names a file of the site; external links are not followed.</summary>
    internal static bool Resolves(string root, string baseUrl, string page, string target, out string why)
    {
        why = "";
        var t = target.Trim();
        var cut = t.IndexOfAny(['#', '?']);
        if (cut >= 0)
        {
            t = t[..cut];
        }

        if (t.Length == 0 || t.StartsWith("//", StringComparison.Ordinal) || t.Contains(':', StringComparison.Ordinal))
        {
            return true;
        }

        string path;
        if (t.StartsWith('/'))
        {
            if (!t.StartsWith(baseUrl, StringComparison.Ordinal) && t + "/" != baseUrl)
            {
                why = $"is outside the site's base URL {baseUrl}";
                return false;
            }

            path = t.Length >= baseUrl.Length ? t[baseUrl.Length..] : "";
        }
        else
        {
            var dir = page.Contains('/', StringComparison.Ordinal) ? page[..(page.LastIndexOf('/') + 1)] : "";
            path = dir + t;
        }

        path = Uri.UnescapeDataString(path);
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            why = "leaves the site";
            return false;
        }

        if (File.Exists(full) || (Directory.Exists(full) && File.Exists(Path.Combine(full, "index.html"))))
        {
            return true;
        }

        why = "does not resolve";
        return false;
    }

    /// <summary>The base URL the site was built with, from the home page's <c>data-base</c>; <c>/</c> when absent.</summary>
    private static string BaseUrlOf(string root)
    {
        var home = Path.Combine(root, "index.html");
        if (!File.Exists(home))
        {
            return "/";
        }

        var head = File.ReadAllText(home);
        var at = head.IndexOf("data-base=\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return "/";
        }

        var start = at + "data-base=\"".Length;
        var end = head.IndexOf('"', start);
        return end > start ? System.Net.WebUtility.HtmlDecode(head[start..end]) : "/";
    }
}
