using System.Text.Json.Nodes;
using GenderPlan.Core.Rules;

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
}
