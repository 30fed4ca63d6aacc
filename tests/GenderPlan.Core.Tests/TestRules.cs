using System.Text;
using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>
/// The repository's shipped rules (<c>Rules/</c>): for the tests about that plan
/// (<see cref="DakTo2016To2020PlanTests"/>) and for reading reports the way its officials write them. Engine
/// tests write their own rules with <see cref="SmallPlan"/>.
/// </summary>
internal static class TestRules
{
    // The district's plan with the shipped units and places files: what the tests of the 2016-2020 plan read. The
    // commune's 2021-2030 plan beside it changes what "the newest plan" is, which those tests are not about.
    private static readonly Lazy<RuleBook> Repository = new(() =>
        RuleBookLoader.Load(DistrictSources()).RuleBook
        ?? throw new InvalidOperationException("the repository's rules are invalid"));

    private static readonly Lazy<RuleBook> Everything = new(() =>
        RuleBookLoader.LoadDirectory(RulesDirectory).RuleBook ?? throw new InvalidOperationException("the repository's rules are invalid"));

    public static string RepositoryRoot => GenderPlan.Testing.RepositoryRoot.Path;

    public static string RulesDirectory => Path.Combine(RepositoryRoot, "Rules");

    public static string WorkflowPath => Path.Combine(RulesDirectory, "dak-to-2016-2020.workflow.json");

    /// <summary>The 2016-2020 plan with the shipped units and places.</summary>
    public static RuleBook Book => Repository.Value;

    /// <summary>The files <see cref="Book"/> is loaded from: every rules file but the later plans.</summary>
    public static IReadOnlyList<RuleSource> DistrictSources() =>
        [.. RuleSource.FromDirectory(RulesDirectory).Where(source => !source.IsWorkflow || source.Name == Path.GetFileName(WorkflowPath))];

    /// <summary>Everything <c>Rules/</c> holds: both plans, the units and the places.</summary>
    public static RuleBook Shipped => Everything.Value;

    public static Plan Plan => Book.Plans[0];

    public static Indicator Indicator(string code) => Plan.FindIndicator(code) ?? throw new ArgumentException(code);

    public static JsonObject WorkflowJson() => JsonNode.Parse(File.ReadAllText(WorkflowPath))!.AsObject();

    public static JsonObject UnitsJson() => JsonNode.Parse(File.ReadAllText(Path.Combine(RulesDirectory, "units.json")))!.AsObject();

    /// <summary>The rule of <paramref name="code"/> inside an editable copy of the workflow.</summary>
    public static JsonObject Rule(JsonObject workflow, string code) =>
        workflow["Rules"]!.AsArray().Select(rule => rule!.AsObject()).Single(rule => (string?)rule["RuleName"] == code);

    /// <summary>Loads an edited copy of the shipped workflow (and units file), with the shipped places files the units name places of.</summary>
    public static RulesLoadResult Load(JsonObject workflow, JsonObject? units = null) =>
        RuleBookLoader.Load(
        [
            new RuleSource("dak-to-2016-2020.workflow.json", Encoding.UTF8.GetBytes(workflow.ToJsonString())),
            new RuleSource("units.json", Encoding.UTF8.GetBytes((units ?? UnitsJson()).ToJsonString())),
            .. RuleSource.FromDirectory(RulesDirectory).Where(source => source.IsPlaces),
        ]);
}
