using System.Diagnostics;
using System.Text.Json;
using Kb.Tests.Support;

namespace Kb.Site.Tests;

/// <summary>
/// The npm tools the site is checked with (html-validate, axe-core), pinned by <c>web/package.json</c> and
/// <c>web/package-lock.json</c> and installed into <c>web/node_modules</c> with <c>npm ci</c> the first time a
/// test needs them (again when the lock file names other versions than the installed ones). Without Node or
/// npm the tests skip with a message, unless KB_REQUIRE_NODE=1 or KB_REQUIRE_BROWSER=1, when they fail.
/// </summary>
internal static class WebTools
{
    private static readonly Lazy<string?> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding package.json, the lock file and the html-validate configuration.</summary>
    public static string Folder => Path.Combine(TestCorpus.RepoRoot, "tests", "KbSite.Tests", "web");

    /// <summary>axe-core's browser build, injected into pages.</summary>
    public static string AxeScript => Path.Combine(Folder, "node_modules", "axe-core", "axe.min.js");

    /// <summary>Why the tools cannot be used here (null: they are installed); throws when they are required.</summary>
    public static string? SkipReason => Installed.Value;

    private static bool Required =>
        Environment.GetEnvironmentVariable("KB_REQUIRE_NODE") == "1" || Environment.GetEnvironmentVariable("KB_REQUIRE_BROWSER") == "1";

    /// <summary>Runs html-validate (the repository's configuration) over <paramref name="files"/>; returns its JSON report.</summary>
    public static JsonElement HtmlValidate(IReadOnlyList<string> files)
    {
        var (code, stdout, stderr) = Run(Node!, [Path.Combine(Folder, "validate.mjs")], JsonSerializer.Serialize(files));
        Assert.True(code == 0, "html-validate failed to run: " + stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static string? Node => Find("node");

    private static string? Npm => Find("npm");

    private static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/local/bin"))
        {
            var path = Path.Combine(dir, name);
            if (dir.Length > 0 && File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private static string? Install()
    {
        string? Missing(string why)
        {
            if (Required)
            {
                throw new InvalidOperationException(why + " (KB_REQUIRE_NODE=1 or KB_REQUIRE_BROWSER=1 requires the site's checks to run)");
            }

            return why + "; set KB_REQUIRE_NODE=1 to fail instead";
        }

        if (Node is null)
        {
            return Missing("node is not installed; html-validate and axe-core need it");
        }

        if (UpToDate())
        {
            return null;
        }

        if (Npm is null)
        {
            return Missing("npm is not installed; it installs html-validate and axe-core from tests/KbSite.Tests/web/package-lock.json");
        }

        // One install at a time, also across test processes.
        using (var gate = Lock())
        {
            if (!UpToDate())
            {
                var (code, stdout, stderr) = Run(Npm, ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], null);
                if (code != 0)
                {
                    return Missing($"npm ci failed in {Folder} (exit {code}): {stderr.Trim()} {stdout.Trim()}");
                }
            }
        }

        return UpToDate() ? null : Missing("npm ci did not install the versions package-lock.json names");
    }

    /// <summary>Every package the lock file names is installed at its version.</summary>
    private static bool UpToDate()
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "package-lock.json")));
        foreach (var package in lockFile.RootElement.GetProperty("packages").EnumerateObject())
        {
            if (package.Name.Length == 0 || !package.Value.TryGetProperty("version", out var version))
            {
                continue;
            }

            var manifest = Path.Combine(Folder, package.Name, "package.json");
            if (!File.Exists(manifest))
            {
                return false;
            }

            using var installed = JsonDocument.Parse(File.ReadAllText(manifest));
            if (!installed.RootElement.TryGetProperty("version", out var v) || v.GetString() != version.GetString())
            {
                return false;
            }
        }

        return true;
    }

    private static FileStream Lock()
    {
        var path = Path.Combine(Path.GetTempPath(), "kb-web-tools-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Folder)))[..12] + ".lock");
        for (var i = 0; ; i++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (i < 600)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(string exe, IReadOnlyList<string> args, string? stdin)
    {
        var start = new ProcessStartInfo(exe)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, stdout.Result, "timed out after 10 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
