using System.Security.Cryptography;
using Kb.Parser;
using Kb.Index.Indexing;
using Kb.Parser.Corpus;
using Kb.Parser.Model;
using Kb.Site.Catalog;
using Kb.Site.Output;

namespace Kb.Site.Build;

/// <summary>One source file read: its catalog entry (or why it is left out) and whether it was parsed now.</summary>
internal sealed record ReadResult(ArticleEntry? Entry, SiteDiagnostic? Problem, bool Parsed);

/// <summary>
/// Reads one article for the build (on a worker thread). A file whose stamp (size, modification time)
/// is the one the previous build recorded is not opened: its entry is the previous one. Otherwise the
/// file is read and hashed; when the hash is unchanged (a touch) the previous entry stands, else the
/// article is parsed, once, and its record goes to the record store. The entry is made from the record.
/// </summary>
internal static class ArticleReader
{
    /// <summary><c>size:mtime-ticks</c> of a file on disk, or empty for an archive entry (its archive is stamped instead).</summary>
    public static string Stamp(ArticleFile file)
    {
        if (file.Bytes is not null || file.FullPath is null || file.Problem is not null)
        {
            return "";
        }

        var info = new FileInfo(file.FullPath);
        return info.Exists ? Stamp(info) : "";
    }

    public static string Stamp(FileInfo info) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{info.Length}:{info.LastWriteTimeUtc.Ticks}");

    public static ReadResult Read(ArticleFile file, string key, ArticleEntry? previous, RecordStore store)
    {
        var stamp = Stamp(file);
        if (previous is not null && stamp.Length > 0 && previous.Stamp == stamp)
        {
            return new ReadResult(previous.WithStamp(stamp), previous.Problem, false);
        }

        byte[] bytes;
        try
        {
            bytes = file.ReadBytes();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ReadResult(null, new SiteDiagnostic(SiteDiagnosticCodes.ParseError, file.SourcePath, ex.Message), false);
        }

        var hash = Convert.ToHexString(SHA256.HashData(bytes), 0, 12);
        if (previous is not null && previous.SourceHash == hash)
        {
            return new ReadResult(previous.WithStamp(stamp), previous.Problem, false);
        }

        ArticleRecord record;
        try
        {
            record = KbArticleParser.Parse(bytes, file.SourcePath);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A parser failure on hostile input: this article is left out, the build goes on.
            return new ReadResult(null, new SiteDiagnostic(SiteDiagnosticCodes.ParseError, file.SourcePath, ex.Message), false);
        }

        var (entry, problem) = Entry(record, key, stamp, hash);
        if (entry.Renderable)
        {
            store.Put(key, record);
        }

        return new ReadResult(entry, problem, true);
    }

    /// <summary>The catalog entry of a record: its head, its references (<c>record.References</c>) and where its page goes.</summary>
    public static (ArticleEntry Entry, SiteDiagnostic? Problem) Entry(ArticleRecord record, string key, string stamp, string hash)
    {
        var sourcePath = record.SourcePath ?? "";
        string? url = null;
        string? path = null;
        SiteDiagnostic? problem = null;
        var renderable = true;
        if (record.Id.Length == 0)
        {
            renderable = false;
            problem = new SiteDiagnostic(SiteDiagnosticCodes.NoId, sourcePath, "no article number; not rendered");
        }
        else if (SitePaths.TryGetFile(record.Permalink, out path, out var error) && !SitePaths.IsReserved(path))
        {
            url = SitePaths.UrlOf(path);
        }
        else
        {
            // The article still gets a page, at the path its number gives, never at the refused one.
            var fallback = DefaultPermalink(record.Id);
            SitePaths.TryGetFile(fallback, out path, out _);
            url = SitePaths.UrlOf(path);
            if (error.Length == 0)
            {
                error = $"permalink '{record.Permalink}' is the place of a page the site makes itself";
            }

            if (!SitePaths.TryGetFile(fallback, out var fallbackPath, out _) || SitePaths.IsReserved(fallbackPath))
            {
                renderable = false;
                problem = new SiteDiagnostic(SiteDiagnosticCodes.UnsafePermalink, sourcePath, error + "; not rendered");
            }
            else if (record.Permalink is not null)
            {
                problem = new SiteDiagnostic(SiteDiagnosticCodes.UnsafePermalink, sourcePath, error + "; written at " + fallback);
            }
        }

        var entry = new ArticleEntry
        {
            Index = 0,
            Key = key,
            Stamp = stamp,
            Id = record.Id,
            Title = record.Title.Length > 0 ? record.Title : record.Id,
            SourcePath = sourcePath,
            Url = url ?? "",
            File = path ?? "",
            Products = record.ProductFamilies.Select(f => f.Name).ToList(),
            Families = record.ProductFamilies,
            Upgrade = Kb.Parser.Upgrades.UpgradeArticles.Describe(record),
            LastModified = record.LastModified,
            Kind = record.Kind,
            References = record.References.Select(r => r.Id).Where(r => r != record.Id).Distinct(StringComparer.Ordinal).ToList(),
            Excerpt = Excerpt(record),
            SourceHash = hash,
            Rendered = renderable,
            Renderable = renderable,
            Problem = problem,
        };

        return (entry, problem);
    }

    /// <summary><c>/kb/199/Q199250/</c> for <c>Q199250</c>: the archive's own scheme.</summary>
    public static string DefaultPermalink(string id) => Kb.Parser.Permalinks.Default(id);

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
