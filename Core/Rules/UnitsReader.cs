using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Reads <c>units.json</c>: every unit's id, Vietnamese name and the addresses its alerts go to.
/// <c>units.schema.json</c> checks each unit's fields, addresses and how level, group and commune go together;
/// this reader adds what needs the whole list (an id used twice). Whether a committee's commune exists is checked
/// against the plans, in <see cref="RuleBookLoader"/>.
/// </summary>
internal static class UnitsReader
{
    public static IReadOnlyList<ResponsibleUnit>? Read(RuleSource source, List<Problem> problems)
    {
        if (JsonText.TryParse(source.Name, source.Content, problems) is not { } document)
        {
            return null;
        }

        using (document)
        {
            var before = problems.Count;
            var root = document.RootElement;
            var flagged = RulesSchema.Units.Check(source.Name, root, problems);
            var units = new List<ResponsibleUnit>();
            var index = 0;
            foreach (var item in root.ValueKind == JsonValueKind.Object && root.TryGetProperty("units", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : default)
            {
                var unit = new JsonFields(item, source.Name, RulesSchema.Units.Names.Item(item, index++), problems, flagged);
                if (unit.String("id") is { } id && unit.String("name") is { } name && unit.StringList("emails") is { } emails)
                {
                    WorkflowReader.ReportRepeat(unit, "id", units.Any(existing => existing.Id == id), $"'{id}' is listed twice");
                    units.Add(new ResponsibleUnit(
                        id, new LocalizedText(name, unit.String("nameEn") ?? name), emails.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                        unit.String("level") == "commune" ? UnitLevel.Commune : UnitLevel.District,
                        unit.String("jurisdiction"),
                        unit.String("group") == "commune" ? UnitLevel.Commune : null,
                        unit.String("language") == "en" ? Language.English : Language.Vietnamese)
                    {
                        From = Day(unit, "from"),
                        Until = Day(unit, "until"),
                    });
                }
            }

            return problems.Count > before ? null : units;
        }
    }

    /// <summary>The day of <paramref name="property"/>; the schema checks the form, this the calendar (no 2025-02-30).</summary>
    private static DateOnly? Day(JsonFields unit, string property)
    {
        var written = unit.String(property);
        if (written is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return day;
        }

        unit.Report(property, $"'{written}' is not a day of the calendar (YYYY-MM-DD)");
        return null;
    }
}
