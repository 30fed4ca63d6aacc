using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;
using Json.Schema;

namespace GenderPlan.Core.Rules;

/// <summary>
/// One keyword's error from a schema evaluation, in words for the person who wrote the file. The schema may say
/// it better itself with <c>errorMessage</c> (a text, or one per keyword as in ajv-errors; <c>${0}</c> stands for
/// the value), which editors show too; otherwise each keyword has a sentence that names the value and the limit.
/// </summary>
internal sealed class SchemaError(
    string file, JsonElement document, LocationNames names, JsonObject schemaText, EvaluationResults node, string keyword, string libraryMessage)
{
    // Enough of a value to recognise it; a hostile file's megabyte string stays out of logs and emails.
    private const int MaxQuoted = 60;

    private readonly string _pointer = node.InstanceLocation.ToString();

    /// <summary>
    /// Whether the node sits inside an <c>if</c> or a <c>not</c>: failing there is how a condition is tested, not
    /// a mistake in the file.
    /// </summary>
    public static bool IsInsideCondition(string evaluationPath) =>
        evaluationPath.Contains("/if/", StringComparison.Ordinal) || evaluationPath.EndsWith("/if", StringComparison.Ordinal)
        || evaluationPath.Contains("/not/", StringComparison.Ordinal);

    /// <summary>The problems of this error: one per missing property for <c>required</c>, one otherwise.</summary>
    public IEnumerable<Problem> Problems()
    {
        var instance = Instance(_pointer);
        var subschema = Subschema();
        var location = names.Of(document, _pointer);
        if (keyword == "required")
        {
            var missing = subschema?["required"]?.AsArray().Select(name => (string)name!)
                .Where(name => instance is not { ValueKind: JsonValueKind.Object } present || !present.TryGetProperty(name, out _)) ?? [];
            return missing.Select(name => Messages.RulesInvalid.At(file, ProblemLocation.At($"{location}.{name}"), Custom(subschema, instance) ?? "is required"));
        }

        if (keyword == "not" && subschema?["not"] is null)
        {
            return [];
        }

        if (keyword.Length == 0)
        {
            var known = subschema?["properties"]?.AsObject().Select(property => property.Key).Where(name => name != "$schema") ?? [];
            return [Messages.RulesInvalid.At(file, ProblemLocation.At(location), $"unknown property; known: {string.Join(", ", known)}")];
        }

        return [Messages.RulesInvalid.At(file, ProblemLocation.At(location), Custom(subschema, instance) ?? Generic(subschema, instance))];
    }

    private string Generic(JsonObject? subschema, JsonElement? instance)
    {
        var value = Quote(instance);
        var limit = subschema?[keyword]?.ToJsonString() ?? "";
        return keyword switch
        {
            "type" => $"must be {TypeWords(subschema?["type"])}",
            "enum" => $"{value} is not one of {string.Join(", ", subschema?["enum"]?.AsArray().Select(item => item?.ToJsonString()) ?? [])}",
            "const" => $"{value} is not allowed here; use {limit}",
            "pattern" => $"{value} is not in the expected form",
            "minLength" when limit == "1" => "must not be empty",
            "maxLength" => $"is {instance?.GetString()?.Length} characters long; at most {limit} are allowed",
            "minItems" => $"must list at least {limit}",
            "maxItems" => $"lists {instance?.GetArrayLength()} items; at most {limit} are allowed",
            "minimum" when limit == "0" => $"{value} is negative; it cannot be",
            "minimum" => $"{value} is below {limit}, the least allowed",
            "maximum" => $"{value} is above {limit}, the most allowed here",
            "uniqueItems" => $"{Duplicate(instance)} is listed twice",
            "not" => "is not allowed here",
            _ => libraryMessage,
        };
    }

    /// <summary>The schema's own words for this keyword, with <c>${0}</c> replaced by the value.</summary>
    private string? Custom(JsonObject? subschema, JsonElement? instance)
    {
        var custom = subschema?["errorMessage"] switch
        {
            JsonValue text => (string?)text,
            JsonObject byKeyword => (string?)byKeyword[keyword],
            _ => null,
        };
        return custom?.Replace("${0}", Quote(instance), StringComparison.Ordinal);
    }

    private static string Quote(JsonElement? instance)
    {
        var raw = instance?.GetRawText() ?? "null";
        return raw.Length <= MaxQuoted ? raw : raw[..MaxQuoted] + "…";
    }

    private static string Duplicate(JsonElement? instance)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = instance is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray() : default;
        return items.Select(item => Quote(item)).FirstOrDefault(raw => !seen.Add(raw)) ?? "an item";
    }

    private static string TypeWords(JsonNode? type) =>
        string.Join(" or ", (type is JsonArray types ? types.Select(item => (string?)item) : [(string?)type])
            .Where(name => name != "null")
            .Select(name => name switch
            {
                "integer" => "a whole number",
                "number" => "a number",
                "string" => "a text",
                "array" => "a list",
                "object" => "an object { ... }",
                "boolean" => "true or false",
                _ => name,
            }));

    private JsonElement? Instance(string pointer)
    {
        var current = document;
        foreach (var segment in LocationNames.Segments(pointer))
        {
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>
    /// The schema object the node evaluated, found by walking its evaluation path through the schema text and its
    /// <c>$ref</c>s. The path is followed leniently: JsonSchema.Net 8.0.5 repeats some segments (<c>items/items</c>)
    /// and writes its schema locations oddly, so a segment the schema lacks is passed over. The walk stops at
    /// <c>additionalProperties</c>: a refused property fails a false schema, and its parent knows the names.
    /// </summary>
    private JsonObject? Subschema()
    {
        JsonNode? current = schemaText;
        foreach (var segment in LocationNames.Segments(node.EvaluationPath.ToString()))
        {
            if (segment == "additionalProperties")
            {
                break;
            }

            var next = segment == "$ref" && current is JsonObject map && (string?)map["$ref"] is ['#', .. var pointer]
                ? Resolve(pointer)
                : Step(current, segment);
            current = next ?? current;
        }

        return current as JsonObject;
    }

    private JsonNode? Resolve(string pointer)
    {
        JsonNode? current = schemaText;
        foreach (var segment in LocationNames.Segments(pointer))
        {
            current = Step(current, segment);
        }

        return current;
    }

    private static JsonNode? Step(JsonNode? current, string segment) => current switch
    {
        JsonObject map => map[segment],
        JsonArray list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Count => list[index],
        _ => null,
    };
}
