using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace GenderPlan.Core.Tests;

/// <summary>The JSON Schemas of <c>Rules/schemas/</c>, the ones editors check rules files against.</summary>
internal static class RulesSchemas
{
    // A schema registers itself globally under its $id, so each is read once per test run.
    private static readonly Dictionary<string, JsonSchema> Schemas = new[] { "workflow.schema.json", "units.schema.json" }
        .ToDictionary(name => name, name => JsonSchema.FromText(File.ReadAllText(Path(name))));

    /// <summary>The schema file's JSON, to read what it lists.</summary>
    public static JsonObject Json(string name) => JsonNode.Parse(File.ReadAllText(Path(name)))!.AsObject();

    /// <summary>Whether <paramref name="document"/> is valid against the schema <paramref name="schemaFile"/>.</summary>
    public static bool Evaluate(string schemaFile, JsonNode document)
    {
        var schema = Schemas[schemaFile];
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return schema.Evaluate(parsed.RootElement).IsValid;
    }

    private static string Path(string name) => System.IO.Path.Combine(TestRules.RulesDirectory, "schemas", name);
}
