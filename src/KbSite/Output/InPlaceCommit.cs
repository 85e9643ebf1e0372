namespace Kb.Site.Output;

/// <summary>
/// How an incremental build puts its few changed files into the output without touching the unchanged
/// ones (docs/reliability.md, "Incremental builds: changes moved in with a journal"). The new files are
/// written into the staging folder beside the output, as for a full build; then a journal beside the
/// output lists every change (a file written, a file deleted, the record store replaced), and each is
/// applied by renames: the old file is first moved into a backup folder, then the new one moved in. The
/// journal is removed when every change is in: from then the new site stands. A build killed while
/// applying leaves the journal, and the next build into that output (under its lock, before anything
/// else) rolls every listed change back from the backup, so the output is the previous site again.
/// </summary>
internal static class InPlaceCommit
{
    /// <summary>The list of every file of a kb output (one relative path a line), written by every build.</summary>
    public const string Manifest = ".kb/files";

    /// <summary>The record store folder: replaced as a whole (Lucene's files are linked into the new one).</summary>
    public const string Store = ".kb/records";

    private const string JournalInfix = ".kb-journal";

    /// <summary>The journal of an in-place commit into <paramref name="output"/>.</summary>
    public static string JournalFor(string output) =>
        Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + JournalInfix);

    /// <summary>The files of the output as its last build listed them, or null when it has no list.</summary>
    public static HashSet<string>? ReadManifest(string output)
    {
        var path = Path.Combine(output, Manifest);
        return File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal) : null;
    }

    /// <summary>
    /// Applies a build's changes to <paramref name="output"/>: <paramref name="written"/> (in staging,
    /// the build state last), <paramref name="deleted"/> and, when <paramref name="store"/>, the record
    /// store folder. <paramref name="backup"/> is a new folder beside the output for the replaced files.
    /// </summary>
    public static void Apply(string output, string staging, string backup, IReadOnlyList<string> written, IReadOnlyList<string> deleted, bool store, Action<string> pause)
    {
        var ops = new List<(char Kind, string Path)>();
        ops.AddRange(deleted.Select(d => ('d', d)));
        if (store)
        {
            ops.Add(('s', Store));
        }

        ops.AddRange(written.Select(w => ('w', w)));
        var journal = JournalFor(output);
        var temporary = journal + ".new";
        File.WriteAllLines(temporary, new[] { staging, backup }.Concat(ops.Select(o => o.Kind + "\t" + o.Path)));
        File.Move(temporary, journal, overwrite: true);
        Directory.CreateDirectory(backup);
        pause("staged");
        for (var i = 0; i < ops.Count; i++)
        {
            var (kind, path) = ops[i];
            var target = Path.Combine(output, path);
            var aside = Path.Combine(backup, path);
            switch (kind)
            {
                case 'd':
                    if (File.Exists(target))
                    {
                        MoveFile(target, aside);
                        RemoveEmptyFolders(Path.GetDirectoryName(target)!, output);
                    }

                    break;
                case 's':
                    if (Directory.Exists(target))
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
                        Directory.Move(target, aside);
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    Directory.Move(Path.Combine(staging, path), target);
                    break;
                default:
                    if (File.Exists(target))
                    {
                        MoveFile(target, aside);
                    }

                    MoveFile(Path.Combine(staging, path), target);
                    break;
            }

            if (i == ops.Count / 2)
            {
                pause("applying");
            }
        }

        File.Delete(journal);
    }

    /// <summary>
    /// Rolls back the in-place commit a killed build left half done (its journal is beside
    /// <paramref name="output"/>): every listed change is undone from the backup, then the journal goes.
    /// The staging and backup folders are left for the leftover cleanup. Call only under the output's lock.
    /// </summary>
    public static void RollBack(string output)
    {
        var journal = JournalFor(output);
        File.Delete(journal + ".new");
        if (!File.Exists(journal))
        {
            return;
        }

        var lines = File.ReadAllLines(journal);
        if (lines.Length >= 2)
        {
            var staging = lines[0];
            var backup = lines[1];
            for (var i = lines.Length - 1; i >= 2; i--)
            {
                var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
                if (tab != 1 || !SafeRelative(lines[i][2..]))
                {
                    continue;
                }

                var path = lines[i][2..];
                var target = Path.Combine(output, path);
                var aside = Path.Combine(backup, path);
                var staged = Path.Combine(staging, path);
                switch (lines[i][0])
                {
                    case 'd':
                        if (File.Exists(aside))
                        {
                            MoveFile(aside, target);
                        }

                        break;
                    case 's':
                        if (!Directory.Exists(staged) && Directory.Exists(target))
                        {
                            // The new store was moved in: put it back where it came from, then the old one.
                            Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
                            Directory.Move(target, staged);
                        }

                        if (Directory.Exists(aside) && !Directory.Exists(target))
                        {
                            Directory.Move(aside, target);
                        }

                        break;
                    default:
                        if (!File.Exists(staged) && File.Exists(target))
                        {
                            // The new file was moved in: back to staging (removed with it).
                            MoveFile(target, staged);
                        }

                        if (File.Exists(aside) && !File.Exists(target))
                        {
                            MoveFile(aside, target);
                        }

                        break;
                }
            }
        }

        File.Delete(journal);
    }

    private static bool SafeRelative(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Split('/').Any(s => s is "" or "." or "..");

    private static void MoveFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(from, to, overwrite: false);
    }

    /// <summary>Removes <paramref name="folder"/> and its parents up to <paramref name="root"/> while they are empty (a deleted page's folders).</summary>
    private static void RemoveEmptyFolders(string folder, string root)
    {
        var top = Path.TrimEndingDirectorySeparator(root);
        while (folder.Length > top.Length && folder.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }
}
