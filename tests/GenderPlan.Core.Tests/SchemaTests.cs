using System.Text.Json.Nodes;

namespace GenderPlan.Core.Tests;

/// <summary>
/// The JSON Schemas editors use and the loader's checks must describe the same format. (The shipped files
/// being valid against them is checked in <see cref="DakTo2016To2020PlanTests"/>.)
/// </summary>
public class SchemaTests
{
    private static readonly SmallPlan Plan = SmallPlan.With(
        SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls", lead: "yte"));

    [Fact]
    public void Unknown_property_is_refused_naming_the_properties_the_schema_knows()
    {
        var plan = Plan.Copy();
        plan.Properties("G4.1")["tagret"] = 105;
        var known = RulesSchemas.Json("workflow.schema.json")["$defs"]!["rule"]!["properties"]!["Properties"]!["properties"]!.AsObject();

        var problem = Assert.Single(plan.Load().Problems);

        Assert.Equal("rule G4.1.Properties.tagret", problem.Location?.ToString());
        Assert.All(known, property => Assert.Contains(property.Key, problem.Text.En, StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_units_match_the_loader_units()
    {
        var units = RulesSchemas.Json("workflow.schema.json")["$defs"]!["rule"]!["properties"]!["Properties"]!["properties"]!["unit"]!["enum"]!.AsArray();

        Assert.Equal(Domain.MeasureUnit.KnownIds.Order(), units.Select(unit => (string)unit!).Order());
    }

    [Fact]
    public void Every_year_target_is_valid_for_the_schema_and_the_loader()
    {
        var plan = Plan.Copy();
        plan.Properties("G4.1")["every"] = "year";

        Assert.True(RulesSchemas.Evaluate("workflow.schema.json", plan.Workflow));
        Assert.True(plan.Book().Plans.Single().FindIndicator("G4.1")!.Definition.EveryYear);
        Assert.False(Plan.Copy().Book().Plans.Single().FindIndicator("G4.1")!.Definition.EveryYear);
    }

    [Fact]
    public void Plan_the_mistakes_are_made_in_is_valid_for_the_schema_and_the_loader()
    {
        Assert.True(RulesSchemas.Evaluate("workflow.schema.json", Plan.Workflow));
        Assert.True(RulesSchemas.Evaluate("units.schema.json", Plan.Units));
        Assert.True(Plan.Copy().Load().IsValid);
    }

    [Theory]
    [InlineData("misspelt property")]
    [InlineData("unknown unit")]
    [InlineData("wrong direction")]
    [InlineData("malformed code")]
    [InlineData("actions")]
    [InlineData("every month")]
    [InlineData("every as a flag")]
    public void Schema_flags_in_the_editor_what_the_loader_refuses(string mistake)
    {
        var plan = Plan.Copy();
        var rule = plan.Rule("G4.1");
        switch (mistake)
        {
            case "misspelt property": rule["Properties"]!["tagret"] = 105; break;
            case "unknown unit": rule["Properties"]!["unit"] = "per-thousand"; break;
            case "wrong direction": rule["Properties"]!["direction"] = "=>"; break;
            case "malformed code": rule["RuleName"] = "G4-1"; break;
            case "actions": rule["Actions"] = new JsonObject(); break;
            case "every month": rule["Properties"]!["every"] = "month"; break;
            case "every as a flag": rule["Properties"]!["every"] = true; break;
        }

        Assert.False(RulesSchemas.Evaluate("workflow.schema.json", plan.Workflow));
        Assert.False(plan.Load().IsValid);
    }

    [Fact]
    public void Schema_flags_a_unit_without_addresses()
    {
        var units = Plan.Copy().Units;
        units["units"]![0]!["emails"] = new JsonArray();

        Assert.False(RulesSchemas.Evaluate("units.schema.json", units));
    }
}
