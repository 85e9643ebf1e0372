using System.Text.Json;

namespace Kb.Cli.Commands;

/// <summary>
/// A site's settings kept beside it in <c>kb.json</c>: <c>title</c>, <c>baseUrl</c>, <c>siteUrl</c>,
/// <c>theme</c> and <c>output</c>. Paths are relative to the file's folder. Flags on the command line
/// override the file. Comments and trailing commas are allowed; an unknown key or a value of the wrong
/// type is an error naming the file, the line and the key.
/// </summary>
internal sealed record KbConfig
{
    public const string FileName = "kb.json";

    private static readonly string[] Keys = ["title", "baseUrl", "siteUrl", "theme", "output"];

    /// <summary>The file read, or null when no file was found.</summary>
    public string? Path { get; init; }

    public string? Title { get; init; }

    public string? BaseUrl { get; init; }

    public string? SiteUrl { get; init; }

    /// <summary>The theme folder, resolved against the file's folder.</summary>
    public string? Theme { get; init; }

    /// <summary>The output folder, resolved against the file's folder.</summary>
    public string? Output { get; init; }

    /// <summary>
    /// The configuration for a build: <paramref name="explicitPath"/> when given (it must exist), else
    /// <c>kb.json</c> in the first source folder, else in the current folder, else none.
    /// </summary>
    public static KbConfig Find(string? explicitPath, string? firstSource)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Read(explicitPath) : throw new KbConfigException($"no such configuration file: {explicitPath}");
        }

        foreach (var folder in new[] { firstSource is not null && Directory.Exists(firstSource) ? firstSource : null, "." })
        {
            var candidate = folder is null ? null : System.IO.Path.Combine(folder, FileName);
            if (candidate is not null && File.Exists(candidate))
            {
                return Read(candidate);
            }
        }

        return new KbConfig();
    }

    /// <summary>Reads one configuration file.</summary>
    public static KbConfig Read(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var bytes = File.ReadAllBytes(path);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new KbConfigException($"{path}:{(ex.LineNumber ?? 0) + 1}: not valid JSON ({FirstSentence(ex.Message)})");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new KbConfigException($"{path}:1: expected an object such as {{\"title\": \"My KB\"}}");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (!Keys.Contains(p.Name, StringComparer.Ordinal))
                {
                    var closest = UsageMessages.Closest(p.Name, Keys, 1);
                    throw new KbConfigException($"{path}:{LineOf(bytes, p.Name)}: unknown key \"{p.Name}\""
                        + (closest.Count > 0 ? $"; did you mean \"{closest[0]}\"?" : "") + $" (known: {string.Join(", ", Keys)})");
                }

                if (p.Value.ValueKind != JsonValueKind.String)
                {
                    throw new KbConfigException($"{path}:{LineOf(bytes, p.Name)}: \"{p.Name}\" expects a string, got {p.Value.ValueKind.ToString().ToLowerInvariant()}");
                }

                values[p.Name] = p.Value.GetString()!;
            }

            string? Get(string key) => values.TryGetValue(key, out var v) ? v : null;
            string? Resolve(string key) => Get(key) is { } v ? System.IO.Path.GetFullPath(v, folder) : null;
            return new KbConfig
            {
                Path = path,
                Title = Get("title"),
                BaseUrl = Get("baseUrl"),
                SiteUrl = Get("siteUrl"),
                Theme = Resolve("theme"),
                Output = Resolve("output"),
            };
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    /// <summary>The 1-based line where <c>"key"</c> first appears.</summary>
    private static int LineOf(byte[] bytes, string key)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var at = text.IndexOf('"' + key + '"', StringComparison.Ordinal);
        return at < 0 ? 1 : text.AsSpan(0, at).Count('\n') + 1;
    }
}

/// <summary>A configuration file that cannot be used; the message names the file and line.</summary>
internal sealed class KbConfigException : Exception
{
    public KbConfigException()
    {
    }

    public KbConfigException(string message)
        : base(message)
    {
    }

    public KbConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
