using System.Runtime.InteropServices;

namespace Kb.Site.Output;

/// <summary>
/// Decides whether a build may replace a folder, and replaces it atomically. kb only ever replaces a
/// folder that is missing, empty, or a previous kb output (it holds <see cref="Build.BuildState.FileName"/>);
/// it never writes into or replaces a source folder, a folder holding a source, the current directory
/// or one of its parents, the home directory or the root. Its own working folders sit beside the
/// output (<c>.NAME.kb-staging-PID</c>) and carry a marker, so leftovers of a killed build are
/// recognised and removed by the next build into the same output, and nothing else ever is.
/// </summary>
public static class OutputFolder
{
    /// <summary>Written into a staging folder when kb creates it; removed just before the swap.</summary>
    public const string StagingMarker = ".kb-staging";

    private const string StagingInfix = ".kb-staging-";

    /// <summary>Only kb renames a folder to this name, after checking it is its own; the name is the marker.</summary>
    private const string TrashInfix = ".kb-trash-";

    /// <summary>True when <paramref name="folder"/> already has a trash name.</summary>
    internal static bool IsTrash(string folder) => Path.GetFileName(folder).Contains(TrashInfix, StringComparison.Ordinal);

    /// <summary>A unique trash name beside <paramref name="output"/>.</summary>
    internal static string TrashFor(string output)
    {
        return Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + TrashInfix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + "-" + DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Why <paramref name="outputDir"/> may not be built into, or null when it may. Sources are article
    /// folders or archive files.
    /// </summary>
    public static string? Refusal(string outputDir, IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var output = Full(outputDir);
        var shown = Show(outputDir);
        if (Path.GetDirectoryName(output) is null)
        {
            return $"refusing to build into {shown}: it is the root folder";
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && Same(output, Full(home)))
        {
            return $"refusing to build into {shown}: it is the home folder";
        }

        var cwd = Full(Environment.CurrentDirectory);
        if (Same(output, cwd) || Contains(output, cwd))
        {
            return $"refusing to build into {shown}: it is the current folder or holds it; choose a new folder such as _site";
        }

        foreach (var s in sources)
        {
            var source = Full(s);
            if (Same(output, source) || Contains(output, source) || Contains(source, output))
            {
                return $"refusing to build into {shown}: it is, holds or lies inside the source {Show(s)}";
            }
        }

        var literal = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        if (new FileInfo(literal).LinkTarget is not null)
        {
            return $"refusing to build into {shown}: it is a symbolic link; give the folder it points to";
        }

        if (File.Exists(output))
        {
            return $"refusing to build into {shown}: it is a file, not a folder";
        }

        if (!Directory.Exists(output) || IsKbOutput(output) || IsEmpty(output))
        {
            return null;
        }

        return $"refusing to build into {shown}: the folder exists, is not empty and was not made by kb build " +
            $"(no {Build.BuildState.FileName} in it); choose a new or empty folder, or move its contents away yourself";
    }

    /// <summary>True when the folder holds the build state file only kb build writes.</summary>
    public static bool IsKbOutput(string folder) => File.Exists(Path.Combine(folder, Build.BuildState.FileName));

    private static bool IsEmpty(string folder) => !Directory.EnumerateFileSystemEntries(folder).Any();

    /// <summary>The staging folder of this process for an output folder.</summary>
    internal static string StagingFor(string output) =>
        Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + StagingInfix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Removes what killed or interrupted builds into <paramref name="output"/> left beside it: folders
    /// named like kb's staging folders that hold kb's staging marker or a kb build state (a swapped-out
    /// old site), and empty ones. Call only while holding the output's lock. Returns what it removed.
    /// </summary>
    internal static IReadOnlyList<string> RemoveLeftovers(string output, Action<string> remove)
    {
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        var removed = new List<string>();
        if (!Directory.Exists(parent))
        {
            return removed;
        }

        // Listed first: a removal renames folders in this same parent, which a lazy listing could meet again.
        foreach (var dir in Directory.EnumerateDirectories(parent, "." + name + ".*").ToList())
        {
            var rest = Path.GetFileName(dir)[(name.Length + 1)..];
            // ".kb-staging-PID" from this version; ".building-PID" and ".building-PID.old-TICKS" from earlier ones.
            if (new DirectoryInfo(dir).LinkTarget is not null)
            {
                continue;
            }

            if (rest.StartsWith(TrashInfix, StringComparison.Ordinal))
            {
                // A removal that was killed: finish it.
                remove(dir);
                removed.Add(dir);
                continue;
            }

            if (!rest.StartsWith(StagingInfix, StringComparison.Ordinal) && !rest.StartsWith(".building-", StringComparison.Ordinal))
            {
                continue;
            }

            if (File.Exists(Path.Combine(dir, StagingMarker)) || IsKbOutput(dir))
            {
                remove(dir);
                removed.Add(dir);
            }
            else if (IsEmpty(dir))
            {
                Directory.Delete(dir);
                removed.Add(dir);
            }
        }

        return removed;
    }

    /// <summary>
    /// Puts <paramref name="staging"/> at <paramref name="output"/>. On Linux the two are exchanged in
    /// one atomic rename (the output path always names a complete site) and the old site is left at the
    /// staging path; elsewhere, or on a file system without the exchange, the old folder is moved aside
    /// first. Returns the path that now holds the old site, or null when there was none.
    /// </summary>
    internal static string? Swap(string staging, string output, Action<string>? pause = null)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return null;
        }

        if (OperatingSystem.IsLinux() && !ForceRenames && Exchange(staging, output))
        {
            return staging;
        }

        // Two renames: between them the output path is missing; the next build restores it (see Recover).
        var aside = staging + ".old";
        Directory.Move(output, aside);
        pause?.Invoke("moved-aside");
        Directory.Move(staging, output);
        return aside;
    }

    /// <summary>
    /// Rolls back an in-place commit a killed build left half done (<see cref="InPlaceCommit.RollBack"/>).
    /// After a build killed between the two renames of <see cref="Swap"/>, puts the old site back at the
    /// output path (the new one may be incomplete: its marker was removed, so it is judged by its state file).
    /// </summary>
    internal static void Recover(string output)
    {
        // An in-place commit that was killed: its journal says what to undo (its folders are leftovers after).
        InPlaceCommit.RollBack(output);
        if (Directory.Exists(output))
        {
            return;
        }

        var parent = Path.GetDirectoryName(output)!;
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(parent, "." + Path.GetFileName(output) + StagingInfix + "*.old"))
        {
            if (IsKbOutput(dir) || IsEmpty(dir))
            {
                Directory.Move(dir, output);
                return;
            }
        }
    }

    /// <summary>KB_TEST_SWAP=renames makes the portable two-rename swap testable on Linux.</summary>
    private static bool ForceRenames => Environment.GetEnvironmentVariable("KB_TEST_SWAP") == "renames";

    private static bool Exchange(string a, string b)
    {
        const uint RenameExchange = 2;
        const int AtFdCwd = -100;
        if (NativeRename.RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        // EINVAL or ENOSYS: the file system or kernel has no exchange; fall back to two renames.
        if (errno is 22 or 38)
        {
            return false;
        }

        throw new IOException($"could not swap the new site into {Show(b)}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    /// <summary>The absolute path with every symbolic link of its existing part resolved.</summary>
    internal static string Full(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        // Resolve the longest existing prefix, then add back what does not exist yet.
        var rest = new Stack<string>();
        var probe = full;
        while (!Directory.Exists(probe) && !File.Exists(probe) && Path.GetDirectoryName(probe) is { } up)
        {
            rest.Push(Path.GetFileName(probe));
            probe = up;
        }

        var resolved = Kb.Parser.Corpus.SourcePaths.RealPath(probe) ?? probe;
        while (rest.Count > 0)
        {
            resolved = Path.Combine(resolved, rest.Pop());
        }

        return Path.TrimEndingDirectorySeparator(resolved);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>True when <paramref name="outer"/> holds <paramref name="inner"/> (at any depth).</summary>
    private static bool Contains(string outer, string inner) =>
        inner.StartsWith(outer.EndsWith(Path.DirectorySeparatorChar) ? outer : outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>A path as messages show it: quoted, control characters escaped.</summary>
    public static string Show(string path) => Kb.Parser.Corpus.SourcePaths.Show(path);
}

internal static partial class NativeRename
{
    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
