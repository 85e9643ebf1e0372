using System.Formats.Tar;
using System.IO.Compression;
using System.IO.Enumeration;
using Kb.Parser.Model;

namespace Kb.Parser.Corpus;

/// <summary>
/// One article file of a folder or archive: its path relative to the source, and its bytes,
/// or (for folders) the file to read them from, so that reading happens on the worker threads.
/// </summary>
public sealed record ArticleFile(string SourcePath, byte[]? Bytes, string? FullPath = null)
{
    /// <summary>The file's bytes, read now when the file was listed but not yet read.</summary>
    public byte[] ReadBytes() => Bytes ?? File.ReadAllBytes(FullPath ?? SourcePath);
}

/// <summary>The outcome for one file: a record, or an error naming the file.</summary>
public sealed record ParseResult(string SourcePath, ArticleRecord? Record, string? Error);

/// <summary>
/// Streams article files from a file, a folder (recursive, ordinal path order), a <c>.tar.gz</c>/<c>.tgz</c>/<c>.tar</c>
/// or a <c>.zip</c>, and parses them in parallel while keeping that order.
/// Product listings (an <c>id/</c> folder at the top of an archive) are not articles and are skipped.
/// </summary>
public static class CorpusReader
{
    /// <summary>The files of a source in a stable order.</summary>
    public static IEnumerable<ArticleFile> EnumerateFiles(string source)
    {
        if (File.Exists(source))
        {
            var lower = source.ToLowerInvariant();
            if (lower.EndsWith(".tar.gz", StringComparison.Ordinal) || lower.EndsWith(".tgz", StringComparison.Ordinal))
            {
                return FromTar(source, gzip: true);
            }

            if (lower.EndsWith(".tar", StringComparison.Ordinal))
            {
                return FromTar(source, gzip: false);
            }

            if (lower.EndsWith(".zip", StringComparison.Ordinal))
            {
                return FromZip(source);
            }

            return [new ArticleFile(source, File.ReadAllBytes(source))];
        }

        if (Directory.Exists(source))
        {
            return FromFolder(source);
        }

        throw new FileNotFoundException($"no such file or folder: {source}", source);
    }

    /// <summary>Parses every article of a source in parallel; results come back in file order.</summary>
    public static IEnumerable<ParseResult> Parse(string source, int? degreeOfParallelism = null, CancellationToken cancellationToken = default) =>
        Parse(source, r => r, degreeOfParallelism, cancellationToken);

    /// <summary>
    /// Parses every article of a source in parallel and applies <paramref name="project"/> (for example
    /// serialisation) on the worker threads too; results come back in file order.
    /// </summary>
    public static IEnumerable<T> Parse<T>(string source, Func<ParseResult, T> project, int? degreeOfParallelism = null,
        CancellationToken cancellationToken = default)
    {
        return EnumerateFiles(source)
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(degreeOfParallelism ?? Environment.ProcessorCount)
            .WithCancellation(cancellationToken)
            .Select(f => project(ParseOne(f)));
    }

    /// <summary>Parses one file; an exception from the parser becomes an error naming the path.</summary>
    public static ParseResult ParseOne(ArticleFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            return new ParseResult(file.SourcePath, KbArticleParser.Parse(file.ReadBytes(), file.SourcePath), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new ParseResult(file.SourcePath, null, $"{file.SourcePath}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>True for paths that hold articles: Markdown or text files outside a top-level <c>id/</c> listing folder.</summary>
    public static bool IsArticlePath(string relativePath)
    {
        var p = relativePath.Replace('\\', '/');
        if (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        if (p.StartsWith("id/", StringComparison.Ordinal) || p.Contains("/id/", StringComparison.Ordinal) && !p.Contains("/kb/", StringComparison.Ordinal))
        {
            return false;
        }

        return p.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<ArticleFile> FromFolder(string root)
    {
        var full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var name = Path.GetFileName(full);
        foreach (var (path, rel) in Walk(full, ""))
        {
            if (IsArticlePath(rel))
            {
                yield return new ArticleFile(name + "/" + rel, null, path);
            }
        }
    }

    /// <summary>
    /// The <c>.md</c> files under a folder, lazily, one folder listing at a time, so that parsing starts at
    /// once instead of after a walk of 60,000 folders. Entries are sorted by name with a slash after
    /// folder names, which visits files in exactly the ordinal order of their relative paths.
    /// </summary>
    private static IEnumerable<(string Full, string Relative)> Walk(string folder, string prefix)
    {
        var entries = new FileSystemEnumerable<(string Key, bool IsFolder)>(folder,
            (ref FileSystemEntry e) => e.IsDirectory ? (e.FileName.ToString() + "/", true) : (e.FileName.ToString(), false),
            new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0 }).ToList();
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, isFolder) in entries)
        {
            if (isFolder)
            {
                foreach (var file in Walk(Path.Combine(folder, key[..^1]), prefix + key))
                {
                    yield return file;
                }
            }
            else if (key.EndsWith(".md", StringComparison.Ordinal))
            {
                yield return (Path.Combine(folder, key), prefix + key);
            }
        }
    }

    private static IEnumerable<ArticleFile> FromTar(string path, bool gzip)
    {
        using var file = File.OpenRead(path);
        using Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var tar = new TarReader(stream);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
            if (!IsArticlePath(name))
            {
                continue;
            }

            var bytes = new byte[entry.Length];
            entry.DataStream.ReadExactly(bytes);
            yield return new ArticleFile(name, bytes);
        }
    }

    private static IEnumerable<ArticleFile> FromZip(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (entry.FullName.EndsWith('/') || !IsArticlePath(entry.FullName))
            {
                continue;
            }

            using var s = entry.Open();
            var bytes = new byte[entry.Length];
            s.ReadExactly(bytes);
            yield return new ArticleFile(entry.FullName, bytes);
        }
    }
}
