
namespace GenderPlan.Cli;

/// <summary>Where a command writes: standard output for results, standard error for problems and progress.</summary>
/// <param name="Out">Results.</param>
/// <param name="Error">Problems and progress.</param>
/// <param name="ErrorIsTerminal">Whether progress lines may be drawn on standard error.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole FromProcess() => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
