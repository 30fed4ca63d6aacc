using GenderPlan.Core.Domain;
using GenderPlan.Core.Plans;
using GenderPlan.Core.Rules;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan plan new --from FILE --place ID [--name ...] [--places CSV] [--level commune|province] --out DIR</c>:
/// writes a province's or commune's plan started from the national strategy (its workflow file and <c>units.json</c>),
/// which then passes <c>rules check</c> and is edited through the rules page. The offices come from <c>offices.json</c>
/// beside the strategy; nothing about a place is in code.
/// </summary>
public static class PlanNewCommand
{
    /// <summary>The command's arguments.</summary>
    /// <param name="From">The strategy's workflow file.</param>
    /// <param name="Place">The id or code of the place the plan is for.</param>
    /// <param name="Name">The plan's title, when given.</param>
    /// <param name="Places">The places list (CSV), when given; without it the plan covers the place alone, named by its id.</param>
    /// <param name="Level">The place's level when no places list gives it.</param>
    /// <param name="Out">The folder to write to; it must not hold rules already.</param>
    public sealed record Options(string From, string Place, string? Name, string? Places, string Level, string Out);

    /// <summary>Runs the command: 0 when the plan was written, 2 with every problem otherwise.</summary>
    public static int Run(Options options, CliConsole console)
    {
        var problems = new List<Problem>();
        if (!File.Exists(options.From))
        {
            return Fail(console, $"{options.From}: the strategy file does not exist");
        }

        var officesPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.From))!, StrategyOffices.FileName);
        if (!File.Exists(officesPath))
        {
            return Fail(console, $"{officesPath}: the offices file is missing; it names who coordinates a plan at each level and lies beside the strategy");
        }

        var offices = StrategyOffices.Read(StrategyOffices.FileName, File.ReadAllBytes(officesPath), problems);
        var places = ReadPlaces(options, problems);
        if (Directory.Exists(options.Out) && Directory.EnumerateFiles(options.Out).Any(path => new RuleSource(Path.GetFileName(path), default).IsUnits || path.EndsWith(RuleSource.WorkflowSuffix, StringComparison.OrdinalIgnoreCase)))
        {
            return Fail(console, $"{options.Out} already holds rules; choose an empty folder so no plan is overwritten");
        }

        if (offices is null || places is null)
        {
            return Fail(console, problems);
        }

        var strategy = new RuleSource(Path.GetFileName(options.From), File.ReadAllBytes(options.From));
        var built = LocalPlanBuilder.Build(new LocalPlanRequest(strategy, offices, places, options.Place, options.Name, options.Places is null ? "--place" : Path.GetFileName(options.Places)));
        if (built.Files is not { } files)
        {
            return Fail(console, built.Problems);
        }

        Directory.CreateDirectory(options.Out);
        foreach (var file in files)
        {
            File.WriteAllBytes(Path.Combine(options.Out, file.Name), file.Content.ToArray());
            console.Out.WriteLine($"Wrote {Path.Combine(options.Out, file.Name)}");
        }

        console.Out.WriteLine("Fill in the units' email addresses (now ...@example.invalid) and the baselines, then check with 'genderplan rules check' and publish.");
        return ExitCodes.Success;
    }

    private static IReadOnlyList<PlaceEntry>? ReadPlaces(Options options, List<Problem> problems)
    {
        if (options.Places is null)
        {
            // No list: the place alone, named by its id until the officials rename it through the rules page.
            var level = PlaceLevelText.Parse(options.Level) ?? PlaceLevel.Commune;
            return [new PlaceEntry(options.Place.ToLowerInvariant(), options.Place, options.Place, level, null, 0)];
        }

        var name = Path.GetFileName(options.Places);
        if (!File.Exists(options.Places))
        {
            problems.Add(Core.Text.Messages.RulesInvalid.At(name, null, "the places file does not exist"));
            return null;
        }

        // Refuse an oversized file by its length, before reading it into memory.
        var length = new FileInfo(options.Places).Length;
        var bytes = length > PlaceLimits.MaxBytes ? new byte[PlaceLimits.MaxBytes + 1] : File.ReadAllBytes(options.Places);
        var read = PlaceListReader.Read(name, bytes);
        problems.AddRange(read.Problems);
        return read.Places;
    }

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine(message);
        console.Error.WriteLine("No plan was written.");
        return ExitCodes.Invalid;
    }

    private static int Fail(CliConsole console, IReadOnlyList<Problem> problems)
    {
        console.Error.WriteLine($"The plan could not be made ({problems.Count} problem(s)):");
        foreach (var problem in problems)
        {
            console.Error.WriteLine("  " + problem);
        }

        console.Error.WriteLine("No plan was written.");
        return ExitCodes.Invalid;
    }
}
