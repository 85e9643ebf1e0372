namespace Kb.Index.Indexing;

/// <summary>
/// An exclusive lock file (<c>kb-write.lock</c>) in the index folder, held for a whole build.
/// Lucene's own write lock stops a second writer in the same process, but on Linux it did not stop
/// a second <c>kb index</c> process; a file opened with <see cref="FileShare.None"/> does (the
/// runtime takes an advisory lock), and the operating system releases it when a killed run dies.
/// </summary>
internal sealed class WriterLock : IDisposable
{
    public const string FileName = "kb-write.lock";
    private readonly FileStream _file;

    private WriterLock(FileStream file) => _file = file;

    public static WriterLock Acquire(string indexPath)
    {
        System.IO.Directory.CreateDirectory(indexPath);
        var path = Path.Combine(indexPath, FileName);
        try
        {
            return new WriterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new KbIndexLockedException(
                $"the index {Path.GetFullPath(indexPath)} is locked by another writer (another `kb index` is running); try again when it has finished", ex);
        }
    }

    public void Dispose() => _file.Dispose();
}
