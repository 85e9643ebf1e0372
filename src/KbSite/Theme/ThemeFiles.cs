using System.Reflection;
using System.Security.Cryptography;

namespace Kb.Site.Theme;

/// <summary>
/// The files of the theme in use: the default theme embedded in this assembly, with any file of the
/// same relative name in the theme folder taking its place (and new files added).
/// </summary>
public sealed class ThemeFiles
{
    private const string ResourcePrefix = "theme/";
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    private ThemeFiles()
    {
    }

    /// <summary>Relative names (<c>article.liquid</c>, <c>assets/kb.css</c>) and contents, in ordinal order.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>Names of files the theme folder replaced or added.</summary>
    public IReadOnlyList<string> Overridden { get; private set; } = [];

    /// <summary>A short hash of every file: part of every page's fingerprint.</summary>
    public string Hash { get; private set; } = "";

    /// <summary>The default theme with the files of <paramref name="themeDir"/> (when given) replacing or adding files of the same name.</summary>
    public static ThemeFiles Load(string? themeDir)
    {
        var theme = new ThemeFiles();
        var asm = typeof(ThemeFiles).Assembly;
        foreach (var name in asm.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var s = asm.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            theme._files[name[ResourcePrefix.Length..].Replace('\\', '/')] = ms.ToArray();
        }

        var overridden = new List<string>();
        if (themeDir is not null)
        {
            if (!Directory.Exists(themeDir))
            {
                throw new DirectoryNotFoundException($"theme folder not found: {themeDir}");
            }

            foreach (var file in Directory.EnumerateFiles(themeDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var rel = Path.GetRelativePath(themeDir, file).Replace('\\', '/');
                theme._files[rel] = File.ReadAllBytes(file);
                overridden.Add(rel);
            }
        }

        theme.Overridden = overridden;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in theme._files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(bytes);
        }

        theme.Hash = Convert.ToHexStringLower(hash.GetHashAndReset(), 0, 8);
        return theme;
    }

    /// <summary>The assembly that holds the default theme (for tests).</summary>
    internal static Assembly Assembly => typeof(ThemeFiles).Assembly;
}
