using System.Text;

namespace Kb.Site.Output;

/// <summary>
/// The only way the build writes files. Every path is checked to stay inside the output root;
/// files go to a temporary sibling folder that replaces the output folder only in
/// <see cref="Commit"/>, so a failed build leaves the previous site untouched.
/// Unchanged files of the previous build can be linked instead of written again.
/// Thread-safe.
/// </summary>
public sealed class SiteWriter : IDisposable
{
    private readonly string _root;
    private readonly string _previous;
    private readonly string _staging;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private long _bytes;
    private int _files;
    private int _reused;
    private bool _committed;
    private HashSet<string>? _previousFiles;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _written = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _kept = new(StringComparer.Ordinal);

    private readonly FileStream _lock;

    /// <summary>
    /// Starts a build into <paramref name="outputDir"/>, which the caller has checked with
    /// <see cref="OutputFolder.Refusal"/>. Takes the output's lock (one build per output at a time),
    /// finishes or removes what killed builds left beside it, and creates this build's staging folder.
    /// </summary>
    public SiteWriter(string outputDir)
    {
        _previous = OutputFolder.Full(outputDir);
        var parent = Path.GetDirectoryName(_previous) ?? throw new ArgumentException("the output folder cannot be a root", nameof(outputDir));
        Directory.CreateDirectory(parent);
        _lock = TakeLock(parent, Path.GetFileName(_previous));
        try
        {
            OutputFolder.Recover(_previous);
            OutputFolder.RemoveLeftovers(_previous, f => RemoveInBackground(f, _previous));
            _staging = OutputFolder.StagingFor(_previous);
            if (Directory.Exists(_staging) || File.Exists(_staging))
            {
                // Leftovers of kb's own were removed above: whatever still has this name is not ours to write into or delete.
                throw new IOException($"{OutputFolder.Show(_staging)} already exists and was not made by kb build; move it away and build again");
            }

            Directory.CreateDirectory(_staging);
            File.WriteAllText(Path.Combine(_staging, OutputFolder.StagingMarker), _previous + "\n");
        }
        catch
        {
            _lock.Dispose();
            throw;
        }

        _root = _staging + Path.DirectorySeparatorChar;
    }

    /// <summary>
    /// Finishes or removes what killed builds left beside <paramref name="outputDir"/>, under the output's
    /// lock, without starting a build: what a build that finds nothing to do still owes the folder.
    /// </summary>
    public static void Tidy(string outputDir)
    {
        var previous = OutputFolder.Full(outputDir);
        var parent = Path.GetDirectoryName(previous) ?? throw new ArgumentException("the output folder cannot be a root", nameof(outputDir));
        if (!Directory.Exists(parent))
        {
            return;
        }

        using var held = TakeLock(parent, Path.GetFileName(previous));
        OutputFolder.Recover(previous);
        OutputFolder.RemoveLeftovers(previous, f => RemoveInBackground(f, previous));
    }

    private static FileStream TakeLock(string parent, string name)
    {
        var path = Path.Combine(parent, "." + name + ".kb-lock");
        try
        {
            // FileShare.None is an exclusive advisory lock on Unix: a second build into the same output waits for none and fails.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not UnsafePathException && File.Exists(path))
        {
            throw new IOException($"another kb build is writing to {OutputFolder.Show(Path.Combine(parent, name))} (lock {OutputFolder.Show(path)} is held)", ex);
        }
    }

    /// <summary>
    /// Commits in place (<see cref="InPlaceCommit"/>) instead of swapping folders: unchanged files are left
    /// where they are rather than linked, and only the written and deleted ones are moved at the commit.
    /// Possible when the previous output lists its files; call before reusing any page. False otherwise.
    /// </summary>
    public bool TryInPlace()
    {
        _previousFiles ??= OutputFolder.IsKbOutput(_previous) ? InPlaceCommit.ReadManifest(_previous) : null;
        return InPlace;
    }

    /// <summary>True when this build commits in place.</summary>
    public bool InPlace => _previousFiles is not null;

    /// <summary>The folder being written (the final output folder's temporary twin).</summary>
    public string StagingDir => _staging;

    /// <summary>The output folder as it was before this build (may not exist).</summary>
    public string PreviousDir => _previous;

    /// <summary>Bytes written so far.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);
    /// <summary>Files written so far (reused ones included).</summary>
    public int Files => Volatile.Read(ref _files);
    /// <summary>Files linked unchanged from the previous build.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>Writes UTF-8 text to a file of the site.</summary>
    public void WriteText(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes bytes to a file of the site (the path is checked to stay inside it).</summary>
    public void WriteBytes(string relativePath, ReadOnlySpan<byte> bytes)
    {
        var full = Resolve(relativePath);
        EnsureFolder(Path.GetDirectoryName(full)!);
        using (var handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            RandomAccess.Write(handle, bytes, 0);
        }

        _written.TryAdd(relativePath, true);
        Interlocked.Add(ref _bytes, bytes.Length);
        Interlocked.Increment(ref _files);
    }

    /// <summary>Links (or copies) the same file of the previous build; false when it does not exist there.</summary>
    public bool TryReuse(string relativePath)
    {
        var target = Resolve(relativePath);
        var source = Path.Combine(_previous, relativePath);
        var info = new FileInfo(source);
        if (!info.Exists)
        {
            return false;
        }

        _kept.TryAdd(relativePath, true);
        if (InPlace && !IsStore(relativePath))
        {
            // Left where it is: the in-place commit moves only what changed.
            Interlocked.Add(ref _bytes, info.Length);
            Interlocked.Increment(ref _files);
            Interlocked.Increment(ref _reused);
            return true;
        }

        EnsureFolder(Path.GetDirectoryName(target)!);
        if (!OperatingSystem.IsWindows() && NativeLink.Link(source, target) == 0)
        {
            // Linked: the previous build's file is shared, not copied.
        }
        else
        {
            File.Copy(source, target);
        }

        Interlocked.Add(ref _bytes, info.Length);
        Interlocked.Increment(ref _files);
        Interlocked.Increment(ref _reused);
        return true;
    }

    private void EnsureFolder(string folder)
    {
        // Created before it is remembered, so no thread skips a folder another is still creating.
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, true);
        }
    }

    /// <summary>The full path for an output-relative path, refusing any path that leaves the output root.</summary>
    public string Resolve(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        if (Path.IsPathRooted(relativePath) || relativePath.Contains('\\', StringComparison.Ordinal))
        {
            throw new UnsafePathException($"refusing to write '{relativePath}': not a relative site path");
        }

        var full = Path.GetFullPath(Path.Combine(_staging, relativePath));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new UnsafePathException($"refusing to write '{relativePath}': outside the output folder");
        }

        return full;
    }

    /// <summary>
    /// Swaps the finished build in for the previous output folder in one atomic exchange (see
    /// <see cref="OutputFolder.Swap"/>). The old site is renamed to a trash name and removed in the
    /// background: unlinking tens of thousands of files takes longer than a build on some disks.
    /// </summary>
    public void Commit()
    {
        var files = _written.Keys.Concat(_kept.Keys).Where(f => !IsStore(f) && f != InPlaceCommit.Manifest).Distinct(StringComparer.Ordinal)
            .Append(InPlaceCommit.Manifest).Order(StringComparer.Ordinal).ToList();
        WriteText(InPlaceCommit.Manifest, string.Join('\n', files) + "\n");
        if (InPlace)
        {
            CommitInPlace(files);
            return;
        }

        File.Delete(Path.Combine(_staging, OutputFolder.StagingMarker));
        TestHooks.Pause("staged");
        var old = OutputFolder.Swap(_staging, _previous, TestHooks.Pause);
        _committed = true;
        TestHooks.Pause("swapped");
        // The swapped-out folder was checked to be empty or a kb output before the build; check again, since
        // something may have written into it meanwhile: what is not kb's is left where it is, never deleted.
        if (old is not null && (OutputFolder.IsKbOutput(old) || !Directory.EnumerateFileSystemEntries(old).Any()))
        {
            RemoveInBackground(old, _previous);
        }
    }

    private static bool IsStore(string relativePath) => relativePath.StartsWith(InPlaceCommit.Store + "/", StringComparison.Ordinal);

    /// <summary>
    /// Moves the written files into the output and the deleted ones out (<see cref="InPlaceCommit"/>); the
    /// build state goes last. A failure rolls back what was moved, so the previous site stands.
    /// </summary>
    private void CommitInPlace(List<string> files)
    {
        var state = Build.BuildState.FileName;
        var written = _written.Keys.Where(f => !IsStore(f) && f != state).Order(StringComparer.Ordinal).ToList();
        if (_written.ContainsKey(state))
        {
            written.Add(state);
        }

        var keep = files.ToHashSet(StringComparer.Ordinal);
        var deleted = _previousFiles!.Where(f => !keep.Contains(f)).Order(StringComparer.Ordinal).ToList();
        var backup = OutputFolder.TrashFor(_previous);
        try
        {
            InPlaceCommit.Apply(_previous, _staging, backup, written, deleted, Directory.Exists(Path.Combine(_staging, InPlaceCommit.Store)), TestHooks.Pause);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            InPlaceCommit.RollBack(_previous);
            throw;
        }

        _committed = true;
        TestHooks.Pause("swapped");
        RemoveInBackground(backup, _previous);
        RemoveInBackground(_staging, _previous);
    }

    /// <summary>Deletes a folder without waiting: a detached <c>rm</c> where there is one, else a synchronous delete.</summary>
    internal static void RemoveInBackground(string folder, string output)
    {
        // A trash name first: a later build may reuse this process id for its staging folder while rm still runs.
        if (!OutputFolder.IsTrash(folder))
        {
            var trash = OutputFolder.TrashFor(output);
            Directory.Move(folder, trash);
            folder = trash;
        }

        if (!OperatingSystem.IsWindows() && File.Exists("/bin/rm"))
        {
            try
            {
                var psi = new System.Diagnostics.ProcessStartInfo("/bin/rm") { UseShellExecute = false };
                psi.ArgumentList.Add("-rf");
                psi.ArgumentList.Add("--");
                psi.ArgumentList.Add(folder);
                using var p = System.Diagnostics.Process.Start(psi);
                return;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Fall through to the synchronous delete.
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Removes the staging folder of a build that did not commit.</summary>
    public void Dispose()
    {
        // The lock file goes with the build (deleted while still held, so no other build can be holding it).
        File.Delete(_lock.Name);
        _lock.Dispose();
        if (!_committed && Directory.Exists(_staging) && !File.Exists(InPlaceCommit.JournalFor(_previous)))
        {
            try
            {
                Directory.Delete(_staging, recursive: true);
            }
            catch (IOException)
            {
                // Leftovers of a failed build are removed by the next build with the same name.
            }
        }
    }
}

/// <summary>Hard links through libc: reusing 60,000 unchanged pages by link is much cheaper than copying them.</summary>
internal static partial class NativeLink
{
    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "link", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    internal static partial int Link(string existing, string created);
}

/// <summary>A write that would leave the output folder.</summary>
public sealed class UnsafePathException : IOException
{
    /// <summary>An exception with a message for the user.</summary>
    public UnsafePathException(string message) : base(message)
    {
    }

    /// <summary>An exception with no message.</summary>
    public UnsafePathException()
    {
    }

    /// <summary>An exception with a message and the exception that caused it.</summary>
    public UnsafePathException(string message, Exception inner) : base(message, inner)
    {
    }
}
