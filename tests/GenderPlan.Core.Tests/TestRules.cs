using System.Text;
using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>The repository's real rules, and edited copies of them for the failure cases.</summary>
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

    /// <summary>The rule of <paramref name="code"/> inside an editable workflow.</summary>
    public static JsonObject Rule(JsonObject workflow, string code) =>
        workflow["Rules"]!.AsArray().Select(rule => rule!.AsObject()).Single(rule => (string?)rule["RuleName"] == code);

    public static RulesLoadResult Load(JsonObject workflow, JsonObject? units = null) =>
        RuleBookLoader.Load(
        [
            new RuleSource("dak-to-2016-2020.workflow.json", Encoding.UTF8.GetBytes(workflow.ToJsonString())),
            new RuleSource("units.json", Encoding.UTF8.GetBytes((units ?? UnitsJson()).ToJsonString())),
        ]);
}
