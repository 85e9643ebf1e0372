using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kb.Site.Build;

/// <summary>
/// The fingerprints of the pages of the last build (<c>.kb-build.json</c> in the output folder):
/// a page whose fingerprint is unchanged is linked from the previous output instead of rendered.
/// </summary>
internal sealed class BuildState
{
    public const string FileName = ".kb-build.json";

    /// <summary>Bump when the rendering code changes in a way fingerprints do not see.</summary>
    public const int Version = 1;

    public Dictionary<string, string> Pages { get; } = new(StringComparer.Ordinal);

    public static BuildState Load(string outputDir)
    {
        var state = new BuildState();
        var path = Path.Combine(outputDir, FileName);
        if (!File.Exists(path))
        {
            return state;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (doc.RootElement.GetProperty("version").GetInt32() != Version)
            {
                return state;
            }

            foreach (var p in doc.RootElement.GetProperty("pages").EnumerateObject())
            {
                state.Pages[p.Name] = p.Value.GetString() ?? "";
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // An unreadable state only costs a full build.
            state.Pages.Clear();
        }

        return state;
    }

    public byte[] ToJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("version", Version);
            w.WriteStartObject("pages");
            foreach (var (file, fp) in Pages.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(file, fp);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return ms.ToArray();
    }

    /// <summary>A short hash of the given parts.</summary>
    public static string Fingerprint(IEnumerable<string?> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            sb.Append(p).Append('\u0001');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())), 0, 12);
    }
}
