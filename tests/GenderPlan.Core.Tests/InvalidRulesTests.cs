using System.Text.Json.Nodes;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>Rule validation, on a plan written here and broken one way at a time.</summary>
public class InvalidRulesTests
{
    private static readonly SmallPlan Valid = SmallPlan.With(
        SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m, lead: "gddt"),
        SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls", lead: "yte", coordinating: ["hlhpn", "ubnd-xa"]),
        SmallPlan.Staffing("G7.3"));

    [Fact]
    public void Plan_the_cases_break_is_valid_as_written()
    {
        Assert.Empty(Valid.Copy().Load().Problems);
    }

    public static TheoryData<string, string, string> BrokenRules => new()
    {
        // name of the case, "where" the problem must be reported, words the message must contain
        { "duplicate code", "rule G3.1.RuleName", "two rules" },
        { "malformed code", "rule G3-1.RuleName", "not an indicator code" },
        { "code of a goal the plan lacks", "rule G9.1.RuleName", "goal 9" },
        { "unknown lead unit", "rule G4.1.Properties.lead", "'so-yte' is not a unit" },
        { "unknown coordinating unit", "rule G4.1.Properties.coordinating", "'phong-x' is not a unit" },
        { "missing target", "rule G4.1.Properties.target", "is required" },
        { "missing Vietnamese name", "rule G4.1.Properties.name.vi", "is required" },
        { "misspelt property", "rule G4.1.Properties.tagret", "unknown property" },
        { "unknown unit of measure", "rule G4.1.Properties.unit", "not a unit" },
        { "percentage target above 100", "rule G3.1.Properties.target", "above 100" },
        { "negative baseline", "rule G3.1.Properties.baseline", "negative" },
        { "direction contradicts expression", "rule G4.1.Expression", "does not agree with direction" },
        { "expression ignores target", "rule G3.1.Expression", "does not agree with direction" },
        { "syntax error", "rule G4.1.Expression", "does not parse" },
        { "expression not boolean", "rule G4.1.Expression", "does not parse" },
        { "actions", "rule G4.1.Actions", "unknown property" },
        { "local params", "rule G4.1.LocalParams", "unknown property" },
        { "nested rules", "rule G4.1.Rules", "unknown property" },
        { "disabled rule", "rule G4.1.Enabled", "remove the rule" },
        { "other expression type", "rule G4.1.RuleExpressionType", "LambdaExpression" },
        { "injected workflows", "workflow.WorkflowsToInject", "unknown property" },
        { "global params", "workflow.GlobalParams", "unknown property" },
        { "target year outside plan", "rule G4.1.Properties.targetYear", "outside the plan's years" },
        { "baseline without year", "rule G3.1.Properties.baselineYear", "required when there is a baseline" },
        { "unknown category target", "rule G7.3.Properties.target", "not one of the categories" },
        { "every month", "rule G3.1.Properties.every", "\"month\" is not a recurrence; use \"year\"" },
        { "election without years", "rule G3.1.Properties.electionYears", "lists the years of the elections" },
        { "election years without election", "rule G3.1.Properties.changesAt", "must be \"election\"" },
        { "changes at a congress", "rule G3.1.Properties.changesAt", "\"congress\" is not a kind of change" },
        { "elected every year", "rule G3.1.Properties.changesAt", "cannot also have a target for every year" },
        { "election year twice", "rule G3.1.Properties.electionYears", "twice" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Broken_rule_is_refused_with_a_message_naming_the_rule(string brokenCase, string location, string words)
    {
        var plan = Valid.Copy();
        Break(plan, brokenCase);

        var result = plan.Load();

        Assert.Null(result.RuleBook);
        Assert.Contains(result.Problems, problem => problem.Location?.ToString() == location && problem.Text.En.Contains(words, StringComparison.Ordinal));
        Assert.All(result.Problems, problem => Assert.Equal(SmallPlan.WorkflowFile, problem.File));
    }

    [Fact]
    public void Every_problem_of_a_file_is_listed_at_once()
    {
        var plan = Valid.Copy();
        Break(plan, "unknown lead unit");
        Break(plan, "percentage target above 100");
        Break(plan, "duplicate code");

        var result = plan.Load();

        Assert.True(result.Problems.Count >= 3, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Invalid_json_names_line_and_column()
    {
        var result = RuleBookLoader.Load(
        [
            new RuleSource(SmallPlan.WorkflowFile, "{\n  \"WorkflowName\": \"x\",\n  \"Rules\": [ }"u8.ToArray()),
            SmallPlan.Source(RuleSource.UnitsFileName, Valid.Units),
        ]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("line 3, column 14", problem.Location?.ToString());
    }

    [Theory]
    [InlineData("missing emails", "unit yte.emails", "is required")]
    [InlineData("empty emails", "unit yte.emails", "at least one address")]
    [InlineData("bad address", "unit yte.emails", "not an email address")]
    [InlineData("header injection", "unit yte.emails", "not an email address")]
    [InlineData("duplicate id", "unit yte.id", "listed twice")]
    public void Broken_units_file_is_refused(string brokenCase, string location, string words)
    {
        var plan = Valid.Copy();
        var units = plan.Units;
        var yte = units["units"]!.AsArray().Select(unit => unit!.AsObject()).Single(unit => (string?)unit["id"] == "yte");
        switch (brokenCase)
        {
            case "missing emails": yte.Remove("emails"); break;
            case "empty emails": yte["emails"] = new JsonArray(); break;
            case "bad address": yte["emails"] = new JsonArray("yte at example.org"); break;
            case "header injection": yte["emails"] = new JsonArray("yte@example.org\r\nBcc: all@example.org"); break;
            case "duplicate id": units["units"]!.AsArray().Add(JsonNode.Parse("""{"id":"yte","name":"Trùng","emails":["a@example.org"]}""")); break;
        }

        var result = plan.Load();

        Assert.Null(result.RuleBook);
        Assert.Contains(result.Problems, problem => problem.File == "units.json" && problem.Location?.ToString() == location && problem.Text.En.Contains(words, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_plans_covering_the_same_place_and_years_are_refused()
    {
        var first = Valid.Workflow;
        var second = Valid.Copy().Workflow;
        second["WorkflowName"] = "test-2018-2022";
        second["Plan"]!["startYear"] = 2018;
        second["Plan"]!["endYear"] = 2022;

        var result = RuleBookLoader.Load(
        [
            SmallPlan.Source("a.workflow.json", first),
            SmallPlan.Source("b.workflow.json", second),
            SmallPlan.Source(RuleSource.UnitsFileName, Valid.Units),
        ]);

        Assert.Contains(result.Problems, problem => problem.Text.En.Contains("overlapping years", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_without_units_file_are_refused()
    {
        var result = RuleBookLoader.Load([SmallPlan.Source("p.workflow.json", Valid.Workflow)]);

        Assert.Null(result.RuleBook);
        Assert.Contains(result.Problems, problem => problem.File == "units.json" && problem.Text.En.Contains("missing", StringComparison.Ordinal));
    }

    private static void Break(SmallPlan plan, string brokenCase)
    {
        var workflow = plan.Workflow;
        var g41 = plan.Rule("G4.1");
        var g31 = plan.Rule("G3.1");
        var properties41 = g41["Properties"]!.AsObject();
        var properties31 = g31["Properties"]!.AsObject();
        switch (brokenCase)
        {
            case "duplicate code": workflow["Rules"]!.AsArray().Add(g31.DeepClone()); break;
            case "malformed code": g31["RuleName"] = "G3-1"; break;
            case "code of a goal the plan lacks": g31["RuleName"] = "G9.1"; break;
            case "unknown lead unit": properties41["lead"] = "so-yte"; break;
            case "unknown coordinating unit": properties41["coordinating"] = new JsonArray("hlhpn", "phong-x"); break;
            case "missing target": properties41.Remove("target"); break;
            case "missing Vietnamese name": properties41["name"]!.AsObject().Remove("vi"); break;
            case "misspelt property": properties41["tagret"] = 105; break;
            case "unknown unit of measure": properties41["unit"] = "per-thousand"; break;
            case "percentage target above 100": properties31["target"] = 120; break;
            case "negative baseline": properties31["baseline"] = -1; break;
            case "direction contradicts expression": g41["Expression"] = "value >= target"; break;
            case "expression ignores target": g31["Expression"] = "value >= 0"; break;
            case "syntax error": g41["Expression"] = "value <= "; break;
            case "expression not boolean": g41["Expression"] = "value + target"; break;
            case "actions": g41["Actions"] = JsonNode.Parse("""{"OnSuccess":{"Name":"OutputExpression","Context":{"Expression":"1"}}}"""); break;
            case "local params": g41["LocalParams"] = JsonNode.Parse("""[{"Name":"x","Expression":"1"}]"""); break;
            case "nested rules": g41["Rules"] = new JsonArray(); break;
            case "disabled rule": g41["Enabled"] = false; break;
            case "other expression type": g41["RuleExpressionType"] = "Other"; break;
            case "injected workflows": workflow["WorkflowsToInject"] = new JsonArray("other"); break;
            case "global params": workflow["GlobalParams"] = JsonNode.Parse("""[{"Name":"x","Expression":"1"}]"""); break;
            case "target year outside plan": properties41["targetYear"] = 2025; break;
            case "baseline without year": properties31.Remove("baselineYear"); break;
            case "unknown category target": plan.Properties("G7.3")["target"] = "Bán chuyên trách"; break;
            case "every month": plan.Properties("G3.1")["every"] = "month"; break;
            case "election without years": plan.Properties("G3.1")["changesAt"] = "election"; break;
            case "election years without election": plan.Properties("G3.1")["electionYears"] = new JsonArray(2016, 2021); break;
            case "changes at a congress": SmallPlan.Elected(plan.Rule("G3.1"), 2016)["Properties"]!["changesAt"] = "congress"; break;
            case "elected every year": SmallPlan.EveryYear(SmallPlan.Elected(plan.Rule("G3.1"), 2016, 2021)); break;
            case "election year twice": SmallPlan.Elected(plan.Rule("G3.1"), 2016, 2016); break;
            default: throw new ArgumentException(brokenCase);
        }
    }
}
