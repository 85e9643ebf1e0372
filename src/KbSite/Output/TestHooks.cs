namespace Kb.Site.Output;

/// <summary>
/// Moments of a build that tests can stop at, to kill the process there: with
/// <c>KB_TEST_PAUSE=staged,swapped</c> the build prints <c>kb-test-pause: NAME</c> on standard error
/// at each named moment and waits there for a minute. Unset (always, outside tests), it does nothing.
/// </summary>
internal static class TestHooks
{
    private static readonly HashSet<string> Moments =
        new((Environment.GetEnvironmentVariable("KB_TEST_PAUSE") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);

    public static void Pause(string moment)
    {
        if (Moments.Count == 0 || !Moments.Contains(moment))
        {
            return;
        }

        Console.Error.WriteLine("kb-test-pause: " + moment);
        Console.Error.Flush();
        Thread.Sleep(TimeSpan.FromMinutes(1));
    }
}
