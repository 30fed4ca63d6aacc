using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenderPlan.Workflow.Web;

/// <summary>
/// The JSON of the HTTP API and of the command line's <c>--json</c>: camelCase names, enums as kebab-case
/// words (<c>falling-behind</c>, the same words as <c>score --json</c>), Vietnamese letters unescaped.
/// </summary>
public static class ApiJson
{
    /// <summary>The options, shared so both hosts and the CLI write the same JSON.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
