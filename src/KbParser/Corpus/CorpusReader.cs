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
    /// <summary>Why this entry of the source cannot be read (a link out of the source, a FIFO, an entry over the size cap...), or null.</summary>
    public string? Problem { get; init; }

    /// <summary>The file's bytes, read now when the file was listed but not yet read.</summary>
    /// <exception cref="IOException">The entry has a <see cref="Problem"/>, or reading failed.</exception>
    public byte[] ReadBytes()
    {
        if (Problem is not null)
        {
            throw new IOException(Problem);
        }

        if (Bytes is not null)
        {
            return Bytes;
        }

        var path = FullPath ?? SourcePath;
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (length > CorpusReader.MaxArticleBytes)
        {
            throw new IOException($"the file is {length / (1024 * 1024)} MB, over the {CorpusReader.MaxArticleBytes / (1024 * 1024)} MB cap for one article; skipped");
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0)
            {
                Array.Resize(ref bytes, read);
                break;
            }

            read += n;
        }

        return bytes;
    }

    /// <summary>An entry that is listed so it can be reported, but never read.</summary>
    internal static ArticleFile Unreadable(string sourcePath, string problem) => new(sourcePath, null) { Problem = problem };
}

/// <summary>The outcome for one file: a record, or an error naming the file.</summary>
public sealed record ParseResult(string SourcePath, ArticleRecord? Record, string? Error)
{
    /// <summary>Bytes of the article's source (what a merge counts as completeness).</summary>
    public long SourceLength { get; init; }
}

/// <summary>
/// Streams article files from a file, a folder (recursive, ordinal path order), a <c>.tar.gz</c>/<c>.tgz</c>/<c>.tar</c>
/// or a <c>.zip</c>, and parses them in parallel while keeping that order.
/// Product listings (an <c>id/</c> folder at the top of an archive) are not articles and are skipped.
/// </summary>
public static class CorpusReader
{
    /// <summary>The largest article file read (the archive's largest is 178 KB); larger entries are reported and skipped.</summary>
    public const long MaxArticleBytes = 16L * 1024 * 1024;

    /// <summary>The files of a source in a stable order.</summary>
    public static IEnumerable<ArticleFile> EnumerateFiles(string source) => Forms.MultiArticleFiles.Expand(ListFiles(source));

    private static IEnumerable<ArticleFile> ListFiles(string source)
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

            if (new FileInfo(source).Length == 0 && SourcePaths.FileKind(source) is { } kind and not "file")
            {
                return [ArticleFile.Unreadable(source, $"not a regular file ({kind}); not read")];
            }

            return [new ArticleFile(source, null, source)];
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
            var bytes = file.ReadBytes();
            return new ParseResult(file.SourcePath, KbArticleParser.Parse(bytes, file.SourcePath), null) { SourceLength = bytes.Length };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var what = ex is IOException or UnauthorizedAccessException ? ex.Message : ex.GetType().Name + ": " + ex.Message;
            return new ParseResult(file.SourcePath, null, $"{SourcePaths.Show(file.SourcePath)}: {what.ReplaceLineEndings(" ")}");
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

        return HasArticleExtension(p);
    }

    /// <summary>The endings of article files: Markdown, and the original forms' <c>.txt</c>, <c>.htm</c> and <c>.html</c> (the form itself is told by content).</summary>
    public static bool HasArticleExtension(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".html", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<ArticleFile> FromFolder(string root)
    {
        var full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var name = Path.GetFileName(full);
        var walk = new FolderWalk(full);
        foreach (var (path, rel, problem) in walk.Files(full, ""))
        {
            if (problem is not null)
            {
                yield return ArticleFile.Unreadable(name + "/" + rel, problem);
            }
            else if (IsArticlePath(rel))
            {
                yield return new ArticleFile(name + "/" + rel, null, path);
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

            if (entry.Length > MaxArticleBytes)
            {
                yield return ArticleFile.Unreadable(name, TooLarge(entry.Length));
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

            if (entry.Length > MaxArticleBytes)
            {
                yield return ArticleFile.Unreadable(entry.FullName, TooLarge(entry.Length));
                continue;
            }

            using var s = entry.Open();
            var bytes = new byte[entry.Length];
            s.ReadExactly(bytes);
            yield return new ArticleFile(entry.FullName, bytes);
        }
    }

    private static string TooLarge(long length) =>
        $"the entry is {length / (1024 * 1024)} MB, over the {MaxArticleBytes / (1024 * 1024)} MB cap for one article; skipped";
}
