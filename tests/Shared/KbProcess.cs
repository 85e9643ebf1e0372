using System.Diagnostics;

namespace Kb.Tests.Support;

/// <summary>Runs the built <c>kb</c> command as a user would, capturing its output and exit code.</summary>
public static class KbProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunIn(null, args);

    /// <summary>Runs kb in <paramref name="workingDirectory"/> (null: the test's).</summary>
    public static Result RunIn(string? workingDirectory, params string[] args)
    {
        using var p = Process.Start(StartInfo(workingDirectory, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("kb " + string.Join(' ', args) + " did not finish");
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>How to start kb with these arguments (output and error redirected), for tests that drive the process themselves.</summary>
    public static ProcessStartInfo StartInfo(string? workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            psi.WorkingDirectory = workingDirectory;
        }

        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kb.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return psi;
    }
}
