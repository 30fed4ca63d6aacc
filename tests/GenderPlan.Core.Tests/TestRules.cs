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
    private static readonly Lazy<RuleBook> Repository = new(() =>
        RuleBookLoader.LoadDirectory(RulesDirectory).RuleBook ?? throw new InvalidOperationException("the repository's rules are invalid"));

    public static string RepositoryRoot => GenderPlan.Testing.RepositoryRoot.Path;

    public static string RulesDirectory => Path.Combine(RepositoryRoot, "Rules");

    public static string WorkflowPath => Path.Combine(RulesDirectory, "dak-to-2016-2020.workflow.json");

    public static RuleBook Book => Repository.Value;

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
