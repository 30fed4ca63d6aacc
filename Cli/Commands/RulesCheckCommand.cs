
namespace GenderPlan.Cli.Commands;

/// <summary><c>genderplan rules check [PATH]</c>: validates the rules and units files; exit 0, or 2 with every problem.</summary>
public static class RulesCheckCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string? path, CliConsole console)
    {
        var directory = RulesLocator.Resolve(path);
        var book = RulesOutcome.Load(directory, console);
        if (book is null)
        {
            return ExitCodes.Invalid;
        }

        console.Out.WriteLine($"Rules in {directory} are valid (version {book.Version}).");
        console.Out.WriteLine($"  {book.Units.Count} units");
        foreach (var plan in book.Plans)
        {
            console.Out.WriteLine($"  plan {plan.Id}: {plan.StartYear}-{plan.EndYear}, {plan.Indicators.Count} indicators, {plan.Jurisdictions.Count} jurisdictions");
        }

        return ExitCodes.Success;
    }
}
