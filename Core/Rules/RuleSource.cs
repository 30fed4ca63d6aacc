namespace GenderPlan.Core.Rules;

/// <summary>
/// One rules file's name and bytes, wherever it came from (a folder, a blob container). Loading works on
/// bytes so the same validation runs on a laptop and in the cloud.
/// </summary>
/// <param name="Name">The file name, e.g. <c>units.json</c> or <c>dak-to-2016-2020.workflow.json</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record RuleSource(string Name, ReadOnlyMemory<byte> Content)
{
    /// <summary>The file that lists the units and their email addresses.</summary>
    public const string UnitsFileName = "units.json";

    /// <summary>How a plan's workflow file name ends.</summary>
    public const string WorkflowSuffix = ".workflow.json";

    /// <summary>How a places file's name ends (<c>dak-to-2025.places.json</c>).</summary>
    public const string PlacesSuffix = ".places.json";

    /// <summary>Whether this is the units directory.</summary>
    public bool IsUnits => string.Equals(Path.GetFileName(Name), UnitsFileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this is a plan's workflow.</summary>
    public bool IsWorkflow => Name.EndsWith(WorkflowSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether this is a places file: places over time (communes merged, districts abolished) that outlive any one plan,
    /// so they travel with the rules rather than inside a plan.
    /// </summary>
    public bool IsPlaces => Name.EndsWith(PlacesSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads every rules file (<c>units.json</c>, <c>*.workflow.json</c>, <c>*.places.json</c>) of a folder.</summary>
    public static IReadOnlyList<RuleSource> FromDirectory(string directory) =>
        Directory.EnumerateFiles(directory)
            .Select(path => new RuleSource(Path.GetFileName(path), File.ReadAllBytes(path)))
            .Where(source => source.IsUnits || source.IsWorkflow || source.IsPlaces)
            .OrderBy(source => source.Name, StringComparer.Ordinal)
            .ToList();
}
