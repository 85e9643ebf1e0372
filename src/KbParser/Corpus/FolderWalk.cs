using System.IO.Enumeration;

namespace Kb.Parser.Corpus;

/// <summary>
/// Walks a source folder lazily, one listing at a time, in the ordinal order of relative paths
/// (entries sorted by name with a slash after folder names). It never follows a symbolic link: a
/// link that leads outside the source is reported, one that stays inside is read at its own place,
/// so no folder is visited twice and a link loop cannot trap the walk. FIFOs, devices and sockets
/// are reported and never opened; folders that cannot be listed are reported.
/// </summary>
internal sealed class FolderWalk
{
    private readonly string _root;

    public FolderWalk(string root)
    {
        _root = SourcePaths.RealPath(root) ?? root;
    }

    /// <summary>Every article file (<see cref="CorpusReader.HasArticleExtension"/>) under <paramref name="folder"/>, or a problem to report in its place.</summary>
    public IEnumerable<(string Full, string Relative, string? Problem)> Files(string folder, string prefix)
    {
        List<(string Key, bool IsFolder, bool IsLink, long Length)> entries;
        try
        {
            entries = new FileSystemEnumerable<(string, bool, bool, long)>(folder,
                (ref FileSystemEntry e) =>
                {
                    var link = (e.Attributes & FileAttributes.ReparsePoint) != 0;
                    var dir = e.IsDirectory && !link;
                    return (dir ? e.FileName.ToString() + "/" : e.FileName.ToString(), dir, link, dir ? 0 : e.Length);
                },
                new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false }).ToList();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            entries = [];
            // The folder itself stands in for what it holds.
            return [(folder, prefix.Length == 0 ? "." : prefix, "the folder cannot be listed: " + ex.Message)];
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return Expand(folder, prefix, entries);
    }

    private IEnumerable<(string Full, string Relative, string? Problem)> Expand(string folder, string prefix,
        List<(string Key, bool IsFolder, bool IsLink, long Length)> entries)
    {
        foreach (var (key, isFolder, isLink, length) in entries)
        {
            var full = Path.Combine(folder, isFolder ? key[..^1] : key);
            if (isFolder)
            {
                foreach (var file in Files(full, prefix + key))
                {
                    yield return file;
                }
            }
            else if (isLink)
            {
                if (LinkProblem(full) is { } problem)
                {
                    yield return (full, prefix + key, problem);
                }
            }
            else if (CorpusReader.HasArticleExtension(key))
            {
                // FIFOs, devices and sockets report no size; a real empty file is read (and reported as empty by the parser).
                if (length == 0 && SourcePaths.FileKind(full) is { } kind and not "file")
                {
                    yield return (full, prefix + key, $"not a regular file ({kind}); not read");
                }
                else
                {
                    yield return (full, prefix + key, null);
                }
            }
        }
    }

    /// <summary>A link is never followed; it is reported when it leads outside the source or nowhere, and otherwise read at its target's own place.</summary>
    private string? LinkProblem(string link)
    {
        var target = SourcePaths.RealPath(link);
        if (target is null)
        {
            return "a symbolic link to nothing; not followed";
        }

        if (target != _root && !target.StartsWith(_root + "/", StringComparison.Ordinal))
        {
            return "a symbolic link that leads outside the source; not followed";
        }

        // Inside the source: its target is walked where it stands. Only article files are worth a word.
        return null;
    }
}
