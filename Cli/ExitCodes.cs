
namespace GenderPlan.Cli;

/// <summary>The exit statuses scripts and the workflow rely on.</summary>
public static class ExitCodes
{
    /// <summary>Everything scored, nothing falls behind.</summary>
    public const int Success = 0;

    /// <summary>Some indicator is falling behind or off track.</summary>
    public const int NeedsAttention = 1;

    /// <summary>Invalid input, invalid rules, or a wrong command line.</summary>
    public const int Invalid = 2;
}
