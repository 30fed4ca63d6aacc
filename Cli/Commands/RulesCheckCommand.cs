using GenderPlan.Cli.Output;
using GenderPlan.Core.Rules;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan rules check [PATH]</c>: validates the rules and units files; exit 0, or 2 with every problem. Valid rules
/// are summarised with each plan's places and the places files' places, as the loader read them (levels, days, merges),
/// since a place read differently from what its author meant is valid rules and a wrong obligation.
/// </summary>
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
            PlaceTreeWriter.Write(console.Out, plan.Places, "    ", id => plan.Places.Find(id)?.Name ?? book.PlaceHistory.Find(id)?.Name);
        }

        if (book.PlaceHistory.Places.Count > 0)
        {
            var files = Directory.EnumerateFiles(directory).Select(file => Path.GetFileName(file)).Where(name => new RuleSource(name, default).IsPlaces).Order(StringComparer.Ordinal);
            console.Out.WriteLine($"  places ({string.Join(", ", files)}): {book.PlaceHistory.Places.Count} places");
            PlaceTreeWriter.Write(console.Out, book.PlaceHistory, "    ", id => book.PlaceHistory.Find(id)?.Name);
        }

        return ExitCodes.Success;
    }
}
