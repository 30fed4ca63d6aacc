using System.Globalization;
using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Reads typed properties out of one JSON object and records a <see cref="Problem"/> for each one that is
/// missing, mistyped or unknown, so a rules file reports every mistake at once.
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonElement _element;
    private readonly string _file;
    private readonly string _location;
    private readonly List<Problem> _problems;

    public JsonFields(JsonElement element, string file, string location, List<Problem> problems)
    {
        _element = element;
        _file = file;
        _location = location;
        _problems = problems;
    }

    public string Location => _location;

    public void Report(string property, string message) =>
        _problems.Add(Messages.RulesInvalid.At(_file, ProblemLocation.At(property.Length == 0 ? _location : $"{_location}.{property}"), message));

    public void RejectUnknown(IReadOnlySet<string> known, string hint)
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Report(property.Name, $"unknown property; {hint}");
            }
        }
    }

    public bool Has(string property) =>
        _element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement? Get(string property) =>
        _element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string? RequiredString(string property)
    {
        var value = Get(property);
        if (value is null)
        {
            Report(property, "is required");
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.Value.GetString()))
        {
            Report(property, "must be a non-empty text");
            return null;
        }

        return value.Value.GetString()!.Trim().Normalize();
    }

    public string? OptionalText(string property)
    {
        var value = Get(property);
        return value?.ValueKind switch
        {
            null => null,
            JsonValueKind.String => value.Value.GetString()!.Normalize(),
            JsonValueKind.Number => value.Value.GetRawText(),
            _ => Fail<string>(property, "must be a text or a number"),
        };
    }

    public int? RequiredInt(string property)
    {
        var value = Get(property);
        if (value is null)
        {
            Report(property, "is required");
            return null;
        }

        return value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt32(out var number)
            ? number
            : Fail<int?>(property, "must be a whole number");
    }

    public int? OptionalInt(string property) => Has(property) ? RequiredInt(property) : null;

    public LocalizedText? RequiredLocalized(string property)
    {
        var value = Get(property);
        if (value is null || value.Value.ValueKind != JsonValueKind.Object)
        {
            Report(property, "is required as { \"vi\": \"...\", \"en\": \"...\" }");
            return null;
        }

        var fields = Child(value.Value, property);
        var vi = fields.RequiredString("vi");
        var en = fields.RequiredString("en");
        fields.RejectUnknown(new HashSet<string> { "vi", "en" }, "only 'vi' and 'en' are used");
        return vi is null || en is null ? null : new LocalizedText(vi, en);
    }

    public IReadOnlyList<string>? StringList(string property, bool required)
    {
        var value = Get(property);
        if (value is null)
        {
            if (required)
            {
                Report(property, "is required (a list)");
            }

            return required ? null : [];
        }

        // A plain loop: LINQ over JsonElement is JIT-compiled at every start of the CLI.
        if (value.Value.ValueKind == JsonValueKind.Array)
        {
            var texts = new List<string>();
            foreach (var item in value.Value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    break;
                }

                texts.Add(item.GetString()!.Trim().Normalize());
            }

            if (texts.Count == value.Value.GetArrayLength())
            {
                return texts;
            }
        }

        Report(property, "must be a list of texts");
        return null;
    }

    public JsonFields Child(JsonElement element, string property) =>
        new(element, _file, $"{_location}.{property}", _problems);

    public static decimal? AsDecimal(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number
        && decimal.TryParse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private T? Fail<T>(string property, string message)
    {
        Report(property, message);
        return default;
    }
}
