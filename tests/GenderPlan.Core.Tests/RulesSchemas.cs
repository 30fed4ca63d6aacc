using System.Text.Json;
using System.Text.Json.Nodes;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>
/// The JSON Schemas of <c>Rules/schemas/</c>, the ones editors check rules files against, as the loader embeds
/// them (one text: the embedded copy is linked from that folder).
/// </summary>
internal static class RulesSchemas
{
    /// <summary>The schema file's JSON, to read what it lists.</summary>
    public static JsonObject Json(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestRules.RulesDirectory, "schemas", name)))!.AsObject();

    /// <summary>Whether <paramref name="document"/> is valid against the schema <paramref name="schemaFile"/>.</summary>
    public static bool Evaluate(string schemaFile, JsonNode document)
    {
        var schema = schemaFile == RulesSchema.Units.FileName ? RulesSchema.Units : RulesSchema.Workflow;
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return schema.IsValid(parsed.RootElement);
    }
}
