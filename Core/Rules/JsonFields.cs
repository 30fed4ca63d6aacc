using System.Globalization;
using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Hands over the typed values of one JSON object of a rules file after <see cref="RulesSchema"/> has checked it.
/// The schema reports what is missing, mistyped or unknown; a field it flagged reads as absent here, so each
/// mistake is reported once, and the readers report only what code alone can see.
/// </summary>
internal sealed class JsonFields(JsonElement element, string file, string location, List<Problem> problems, IReadOnlySet<string> flagged)
{
    public void Report(string property, string message) =>
        problems.Add(Messages.RulesInvalid.At(file, ProblemLocation.At(property.Length == 0 ? location : $"{location}.{property}"), message));

    public JsonElement? Get(string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
        && value.ValueKind != JsonValueKind.Null && !flagged.Contains($"{location}.{property}")
            ? value
            : null;

    public bool Has(string property) => Get(property) is not null;

    public string? String(string property) =>
        Get(property) is { ValueKind: JsonValueKind.String } value ? value.GetString()!.Trim().Normalize() : null;

    /// <summary>A text or a number as written (<c>provinceTarget</c> is either).</summary>
    public string? Text(string property) => Get(property) is { ValueKind: JsonValueKind.Number } value ? value.GetRawText() : String(property);

    public bool? Bool(string property) => Get(property) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public int? Int(string property) => Get(property) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    public decimal? Decimal(string property) => Get(property) is { } value ? AsDecimal(value) : null;

    public LocalizedText? Localized(string property) =>
        Get(property) is { ValueKind: JsonValueKind.Object } value && Child(value, property) is var fields
        && fields.String("vi") is { Length: > 0 } vi && fields.String("en") is { Length: > 0 } en
            ? new LocalizedText(vi, en)
            : null;

    // A plain loop: LINQ over JsonElement is JIT-compiled at every start of the CLI.
    public IReadOnlyList<string>? StringList(string property)
    {
        if (Get(property) is not { ValueKind: JsonValueKind.Array } list)
        {
            return null;
        }

        var texts = new List<string>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                texts.Add(item.GetString()!.Trim().Normalize());
            }
        }

        return texts;
    }

    /// <summary>Each object of the list <paramref name="property"/>, located as <c>goals[2]</c>.</summary>
    public IEnumerable<JsonFields> Items(string property)
    {
        if (Get(property) is not { ValueKind: JsonValueKind.Array } list)
        {
            yield break;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            yield return Child(item, $"{property}[{index++}]");
        }
    }

    public JsonFields Child(JsonElement child, string property) => new(child, file, $"{location}.{property}", problems, flagged);

    /// <summary>The number, or null where it is not one or lies beyond <see cref="decimal"/> (1e400).</summary>
    public static decimal? AsDecimal(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number
        && decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
