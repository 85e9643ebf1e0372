namespace Kb.Tests.Support;

/// <summary>Where the tests find real articles: the shared sample folder and the KB_CORPUS tarball.</summary>
public static class TestCorpus
{
    /// <summary>The folder holding <c>shared/</c> and the project checkout.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ContentKb => Path.Combine(RepoRoot, "content", "kb");

    public static string SampleFolder => Path.Combine(RepoRoot, "..", "shared", "corpus", "sample", "kb");

    public static bool HasSample => Directory.Exists(SampleFolder);

    /// <summary>
    /// The full-corpus tarball from KB_CORPUS, or null when the variable is unset (the test then skips
    /// with a message). A set variable naming a missing file is an error, not a skip.
    /// </summary>
    public static string? Tarball
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("KB_CORPUS");
            if (string.IsNullOrWhiteSpace(path))
            {
                return null;
            }

            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"KB_CORPUS names a file that does not exist: {path}");
            }

            return path;
        }
    }

    public const string SkipMessage = "KB_CORPUS is not set; set it to ../shared/corpus/kbarchive.tar.gz to run corpus-wide tests";

    /// <summary>The sample folder, or a skip when this checkout has no shared corpus beside it.</summary>
    public static string RequireSample()
    {
        Skip.IfNot(HasSample, "no ../shared/corpus/sample beside the checkout");
        return SampleFolder;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "kb.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find kb.slnx above " + AppContext.BaseDirectory);
    }
}
