namespace Kb.Tests.Support;

/// <summary>Assertions about what the kb command tells its user.</summary>
public static class CliAssert
{
    /// <summary>The message shows no stack trace, exception or .NET type name.</summary>
    public static void NoInternals(string stderr)
    {
        foreach (var leak in new[] { "   at ", "Exception", "Nullable", "Int32", "System.", "Lexical error" })
        {
            Assert.DoesNotContain(leak, stderr, StringComparison.Ordinal);
        }
    }
}
