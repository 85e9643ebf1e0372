namespace Kb.Cli.Commands;

/// <summary>Process exit codes shared by every verb.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
