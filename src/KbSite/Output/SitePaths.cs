namespace Kb.Site.Output;

/// <summary>
/// Turns site URLs (permalinks) into output-relative file paths, refusing anything that could
/// leave the output folder: <c>..</c> or <c>.</c> segments, backslashes, drive letters,
/// protocol-relative or absolute file-system forms, control characters and percent escapes.
/// </summary>
public static class SitePaths
{
    /// <summary>
    /// Validates a permalink such as <c>/kb/199/Q199250/</c> and gives the file it is written to
    /// (<c>kb/199/Q199250/index.html</c>), or an error saying why it is refused.
    /// </summary>
    public static bool TryGetFile(string? permalink, out string file, out string error)
    {
        file = "";
        if (string.IsNullOrWhiteSpace(permalink))
        {
            error = "empty permalink";
            return false;
        }

        var p = permalink.Trim();
        if (!p.StartsWith('/') || p.StartsWith("//", StringComparison.Ordinal))
        {
            error = $"permalink '{p}' must be a site path starting with a single '/'";
            return false;
        }

        if (p.Length > 512)
        {
            error = "permalink longer than 512 characters";
            return false;
        }

        var segments = p[1..].Split('/');
        var last = segments.Length - 1;
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s.Length == 0)
            {
                if (i == last)
                {
                    continue;
                }

                error = $"permalink '{p}' has an empty segment";
                return false;
            }

            if (s is "." or "..")
            {
                error = $"permalink '{p}' has a '{s}' segment";
                return false;
            }

            if (s.Length > MaxSegment)
            {
                error = $"permalink has a segment of {s.Length} characters (file names hold at most {MaxSegment})";
                return false;
            }

            foreach (var c in s)
            {
                if (!IsSafe(c))
                {
                    error = $"permalink '{p}' has the character '{(char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString())}'";
                    return false;
                }
            }
        }

        var path = string.Join('/', segments);
        file = path.Length == 0 || path.EndsWith('/') ? path + "index.html"
            : path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? path
            : path + "/index.html";
        error = "";
        return true;
    }

    /// <summary>The longest file name most file systems accept (bytes; permalink characters are ASCII).</summary>
    public const int MaxSegment = 255;

    /// <summary>Folders whose every file the site itself makes.</summary>
    private static readonly string[] ReservedFolders = ["assets/", "products/", "search/", "upgrade/"];

    /// <summary>Files the site itself makes at the top of the output.</summary>
    private static readonly string[] ReservedFiles = ["index.html", "404.html", "sitemap.xml", "opensearch.xml", "robots.txt", "feed.xml", Build.BuildState.FileName];

    /// <summary>
    /// True when an article page at <paramref name="file"/> would take the place of a page or file the site
    /// makes itself (home, 404, search, listings, assets, sitemap, the build state) or a hidden name.
    /// </summary>
    public static bool IsReserved(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.StartsWith('.') || file.Contains("/.", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var f in ReservedFiles)
        {
            if (string.Equals(file, f, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var d in ReservedFolders)
        {
            if (file.StartsWith(d, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The URL path (without base) a file is served at: <c>a/index.html</c> gives <c>a/</c>.</summary>
    public static string UrlOf(string file) =>
        file == "index.html" ? "" : file.EndsWith("/index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file;

    private static bool IsSafe(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' or '~' or '+' or '(' or ')' or ',';

    /// <summary>A URL segment for a name: lower-case letters and digits joined by '-'.</summary>
    public static string Slug(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        var dash = false;
        foreach (var ch in name)
        {
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (dash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(c);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return sb.Length == 0 ? "other" : sb.Length > 80 ? sb.ToString(0, 80).TrimEnd('-') : sb.ToString();
    }
}
