using System.Text.Json;
using System.Text.Json.Nodes;
using GenderPlan.Core.Rules;
using Json.Schema;

namespace GenderPlan.Core.Tests;

/// <summary>The JSON Schemas editors use and the loader's checks must describe the same format.</summary>
public class SchemaTests
{
    private static JsonObject Schema(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestRules.RulesDirectory, "schemas", name)))!.AsObject();

    [Fact]
    public void Schema_lists_exactly_the_rule_properties_the_loader_knows()
    {
        var properties = Schema("workflow.schema.json")["$defs"]!["rule"]!["properties"]!["Properties"]!["properties"]!.AsObject();

        Assert.Equal(WorkflowReader.KnownIndicatorProperties.Order(), properties.Select(property => property.Key).Order());
    }

    [Fact]
    public void Schema_units_match_the_loader_units()
    {
        var units = Schema("workflow.schema.json")["$defs"]!["rule"]!["properties"]!["Properties"]!["properties"]!["unit"]!["enum"]!.AsArray();

        Assert.Equal(Domain.MeasureUnit.KnownIds.Order(), units.Select(unit => (string)unit!).Order());
    }

    [Fact]
    public void Rules_files_point_editors_at_their_schemas()
    {
        Assert.Equal("./schemas/workflow.schema.json", (string?)TestRules.WorkflowJson()["$schema"]);
        Assert.Equal("./schemas/units.schema.json", (string?)TestRules.UnitsJson()["$schema"]);
    }

    [Fact]
    public void Repository_rules_files_are_valid_against_their_schemas()
    {
        Assert.True(Evaluate("workflow.schema.json", TestRules.WorkflowJson()));
        Assert.True(Evaluate("units.schema.json", TestRules.UnitsJson()));
    }

    [Theory]
    [InlineData("misspelt property")]
    [InlineData("unknown unit")]
    [InlineData("wrong direction")]
    [InlineData("malformed code")]
    [InlineData("actions")]
    public void Schema_flags_in_the_editor_what_the_loader_refuses(string mistake)
    {
        var workflow = TestRules.WorkflowJson();
        var rule = TestRules.Rule(workflow, "G4.1");
        switch (mistake)
        {
            case "misspelt property": rule["Properties"]!["tagret"] = 105; break;
            case "unknown unit": rule["Properties"]!["unit"] = "per-thousand"; break;
            case "wrong direction": rule["Properties"]!["direction"] = "=>"; break;
            case "malformed code": rule["RuleName"] = "G4-1"; break;
            case "actions": rule["Actions"] = new JsonObject(); break;
        }

        Assert.False(Evaluate("workflow.schema.json", workflow));
        Assert.False(TestRules.Load(workflow).IsValid);
    }

    [Fact]
    public void Schema_flags_a_unit_without_addresses()
    {
        var units = TestRules.UnitsJson();
        units["units"]![0]!["emails"] = new JsonArray();

        Assert.False(Evaluate("units.schema.json", units));
    }

    // A schema registers itself globally under its $id, so each is read once per test run.
    private static readonly Dictionary<string, JsonSchema> Schemas = new[] { "workflow.schema.json", "units.schema.json" }
        .ToDictionary(name => name, name => JsonSchema.FromText(File.ReadAllText(Path.Combine(TestRules.RulesDirectory, "schemas", name))));

    private static bool Evaluate(string schemaFile, JsonNode document)
    {
        var schema = Schemas[schemaFile];
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return schema.Evaluate(parsed.RootElement).IsValid;
    }
}
