using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;
using GenderPlan.Testing;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;

namespace GenderPlan.Workflow.Tests;

/// <summary>The scorecard API (and <c>scorecard --json</c>) gives each result its milestone in force and every milestone of the active rules.</summary>
public class MilestoneResponseTests
{
    [Theory]
    [InlineData("2017", 2018)]
    [InlineData("2018", 2018)]
    [InlineData("2019-H1", 2020)]
    public void Scorecard_result_carries_the_milestone_in_force_for_its_period_and_every_milestone(string period, int year)
    {
        var plan = PlanWithMilestones();
        var stored = new StoredResult("G3.1", period, "dak-to", Status.FallingBehind, 97m, 97.5m, 96.5m, 0.6, 97.2m, "gddt", [], new LocalizedText("", ""), plan.Version, "r", "gddt", DateTimeOffset.UnixEpoch);

        var json = JsonSerializer.SerializeToNode(ResultResponses.InPlanOrder([stored], plan)[0], ApiJson.Options)!;

        Assert.Equal(year, (int)json["milestone"]!["year"]!);
        Assert.Equal([(2018, 97.5m), (2020, 98m)], json["milestones"]!.AsArray().Select(each => ((int)each!["year"]!, (decimal)each["target"]!)));
    }

    // The shipped plan with G3.1 (96,5% in 2015 → 98% in 2020) given a 2018 milestone of 97,5%.
    private static Plan PlanWithMilestones()
    {
        var workflow = JsonNode.Parse(File.ReadAllText(PlanEdits.ShippedWorkflowPath))!;
        var literacy = workflow["Rules"]!.AsArray().Single(rule => (string?)rule!["RuleName"] == "G3.1")!["Properties"]!.AsObject();
        literacy.Remove("target");
        literacy.Remove("targetYear");
        literacy["milestones"] = JsonNode.Parse("""[{ "year": 2018, "target": 97.5 }, { "year": 2020, "target": 98 }]""");
        var units = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "Rules", "units.json"));
        var loaded = RuleBookLoader.Load([new RuleSource("dak-to-2016-2020.workflow.json", Encoding.UTF8.GetBytes(workflow.ToJsonString())), new RuleSource("units.json", units)]);
        return loaded.RuleBook?.Plans[0] ?? throw new InvalidOperationException(string.Join("\n", loaded.Problems));
    }
}
