using System.Security.Cryptography;
using Kb.Parser;
using Kb.Parser.Corpus;
using Kb.Parser.Model;
using Kb.Site.Catalog;
using Kb.Site.Output;

namespace Kb.Site.Build;

/// <summary>The first pass over one file: its catalog entry, or why it is left out.</summary>
internal sealed record ScanResult(ArticleEntry? Entry, SiteDiagnostic? Problem);

/// <summary>Reads one article for the first pass (on a worker thread): hash, head parse, catalog entry.</summary>
internal static class ArticleScanner
{
    /// <summary>
    /// The first pass reads only the head of an article with the parser (front matter, title, header,
    /// applies-to and the first paragraphs); references come from the whole text. The full parse
    /// happens once, in the second pass, which renders the page and indexes the record for search.
    /// </summary>
    public const int HeadBytes = 3072;

    public static ScanResult Scan(ArticleFile file, int index)
    {
        byte[] bytes;
        ArticleRecord record;
        string text;
        try
        {
            bytes = file.ReadBytes();
            text = Kb.Parser.Text.SourceDecoder.Decode(bytes, new List<Diagnostic>());
            record = KbArticleParser.ParseWithoutOptions(Head(text), file.SourcePath);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // An unreadable file, or a parser failure on hostile input: this article is left out, the build goes on.
            return new ScanResult(null, new SiteDiagnostic(SiteDiagnosticCodes.ParseError, file.SourcePath, ex.Message));
        }

        var hash = Convert.ToHexString(SHA256.HashData(bytes), 0, 12);
        var entry = new ArticleEntry
        {
            Index = index,
            FileNumber = index,
            Id = record.Id,
            Title = record.Title.Length > 0 ? record.Title : record.Id,
            SourcePath = file.SourcePath,
            Url = "",
            File = "",
            Products = record.ProductFamilies.Select(f => f.Name).ToList(),
            Families = record.ProductFamilies,
            Upgrade = Kb.Parser.Upgrades.UpgradeArticles.Describe(record),
            LastModified = record.LastModified,
            Kind = record.Kind,
            References = Kb.Parser.Body.ArticleIds.AllIn(text).Where(r => r != record.Id).Distinct(StringComparer.Ordinal).ToList(),
            Excerpt = Excerpt(record),
            SourceHash = hash,
        };

        SiteDiagnostic? problem = null;
        if (record.Id.Length == 0)
        {
            entry.Rendered = false;
            problem = new SiteDiagnostic(SiteDiagnosticCodes.NoId, file.SourcePath, "no article number; not rendered");
        }
        else if (SitePaths.TryGetFile(record.Permalink, out var path, out var error) && !SitePaths.IsReserved(path))
        {
            entry.File = path;
            entry.Url = SitePaths.UrlOf(path);
        }
        else
        {
            // The article still gets a page, at the path its number gives, never at the refused one.
            var fallback = DefaultPermalink(record.Id);
            SitePaths.TryGetFile(fallback, out path, out _);
            entry.File = path;
            entry.Url = SitePaths.UrlOf(path);
            if (error.Length == 0)
            {
                error = $"permalink '{record.Permalink}' is the place of a page the site makes itself";
            }

            if (!SitePaths.TryGetFile(fallback, out var fallbackPath, out _) || SitePaths.IsReserved(fallbackPath))
            {
                entry.Rendered = false;
                problem = new SiteDiagnostic(SiteDiagnosticCodes.UnsafePermalink, file.SourcePath, error + "; not rendered");
            }
            else if (record.Permalink is not null)
            {
                problem = new SiteDiagnostic(SiteDiagnosticCodes.UnsafePermalink, file.SourcePath, error + "; written at " + fallback);
            }
        }

        return new ScanResult(entry, problem);
    }

    /// <summary>The text up to the last line break before <see cref="HeadBytes"/> characters.</summary>
    internal static string Head(string text)
    {
        if (text.Length <= HeadBytes)
        {
            return text;
        }

        var cut = text.LastIndexOf('\n', HeadBytes);
        return text[..(cut > 0 ? cut + 1 : HeadBytes)];
    }

    /// <summary><c>/kb/199/Q199250/</c> for <c>Q199250</c>: the archive's own scheme.</summary>
    public static string DefaultPermalink(string id)
    {
        var digits = id.TrimStart('Q');
        var folder = digits.Length >= 3 ? digits[..3] : digits;
        return "/kb/" + folder + "/" + id + "/";
    }

    private static string Excerpt(ArticleRecord record)
    {
        foreach (var s in record.Sections)
        {
            foreach (var b in s.Blocks)
            {
                if (b is ParagraphBlock p && p.Text.Length > 20)
                {
                    return Cut(p.Text, 240);
                }
            }
        }

        return "";
    }

    internal static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', max);
        return string.Concat(text.AsSpan(0, space > max / 2 ? space : max), "\u2026");
    }
}
