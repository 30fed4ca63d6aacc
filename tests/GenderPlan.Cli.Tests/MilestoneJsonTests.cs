using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenderPlan.Cli.Tests;

/// <summary><c>score --json</c> for an indicator with milestones: the target in force, that milestone, and every milestone.</summary>
public class MilestoneJsonTests
{
    [Theory]
    // 2018: the 2018 milestone (97,5%) has come and 97,2% misses it
    [InlineData("2018", "97,2", "missed", 2018, "97.5", "97.5")]
    // 2019: from the 2018 milestone's 97,5% to 98% in 2020, half way: 97,75% due, 97,6% made 0,4 of it
    [InlineData("2019", "97,6", "off-track", 2020, "98", "97.75")]
    public void Score_json_gives_the_milestone_in_force_and_every_milestone(string period, string value, string status, int year, string target, string expected)
    {
        var rules = RulesWithMilestones();
        var file = Cli.TempFile("bao-cao.csv", $"period,jurisdiction,indicator,value\n{period},dak-to,G3.1,\"{value}\"\n");

        var (_, output, error) = Cli.Run("score", file, "--rules", rules, "--json");

        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var literacy = json.RootElement.GetProperty("reports")[0].GetProperty("results")[0];
        Assert.Equal(status, literacy.GetProperty("status").GetString());
        Assert.Equal(decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture), literacy.GetProperty("target").GetDecimal());
        Assert.Equal((year, literacy.GetProperty("target").GetDecimal()), (literacy.GetProperty("milestone").GetProperty("year").GetInt32(), literacy.GetProperty("milestone").GetProperty("target").GetDecimal()));
        Assert.Equal([(2018, 97.5m), (2020, 98m)], literacy.GetProperty("milestones").EnumerateArray().Select(each => (each.GetProperty("year").GetInt32(), each.GetProperty("target").GetDecimal())));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), literacy.GetProperty("expected").GetDecimal());
    }

    // The shipped rules with G3.1 (96,5% in 2015 → 98% in 2020) given a 2018 milestone of 97,5%.
    private static string RulesWithMilestones()
    {
        var directory = Directory.CreateTempSubdirectory("genderplan-milestones-").FullName;
        File.Copy(Path.Combine(Cli.RulesDirectory, "units.json"), Path.Combine(directory, "units.json"));
        var workflow = JsonNode.Parse(File.ReadAllText(Path.Combine(Cli.RulesDirectory, "dak-to-2016-2020.workflow.json")))!;
        var literacy = workflow["Rules"]!.AsArray().Single(rule => (string?)rule!["RuleName"] == "G3.1")!["Properties"]!.AsObject();
        literacy.Remove("target");
        literacy.Remove("targetYear");
        literacy["milestones"] = JsonNode.Parse("""[{ "year": 2018, "target": 97.5 }, { "year": 2020, "target": 98 }]""");
        File.WriteAllText(Path.Combine(directory, "dak-to-2016-2020.workflow.json"), workflow.ToJsonString());
        return directory;
    }
}
