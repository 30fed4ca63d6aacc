using System.Net.Mail;
using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Rules;

/// <summary>Reads <c>units.json</c>: every unit's id, Vietnamese name and the addresses its alerts go to.</summary>
internal static class UnitsReader
{
    private static readonly HashSet<string> FileProperties = ["$schema", "units"];
    private static readonly HashSet<string> UnitProperties = ["id", "name", "nameEn", "emails", "level", "jurisdiction", "group"];

    public static IReadOnlyList<ResponsibleUnit>? Read(RuleSource source, List<Problem> problems)
    {
        if (JsonText.TryParse(source.Name, source.Content, problems) is not { } document)
        {
            return null;
        }

        using (document)
        {
            var before = problems.Count;
            var root = new JsonFields(document.RootElement, source.Name, "units file", problems);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || root.Get("units") is not { ValueKind: JsonValueKind.Array } list)
            {
                problems.Add(Messages.RulesInvalid.At(source.Name, null, "units.json holds { \"units\": [ { \"id\", \"name\", \"emails\" }, ... ] }"));
                return null;
            }

            root.RejectUnknown(FileProperties, "only 'units' is read");
            var units = new List<ResponsibleUnit>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                    ? idElement.GetString()
                    : null;
                var unit = new JsonFields(item, source.Name, id is null ? $"units[{index}]" : $"unit {id}", problems);
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    unit.Report("", "each unit must be a JSON object");
                    continue;
                }

                unit.RejectUnknown(UnitProperties, "known: id, name, nameEn, emails, level, jurisdiction, group");
                if (ReadUnit(unit, units) is { } read)
                {
                    units.Add(read);
                }
            }

            return problems.Count > before ? null : units;
        }
    }

    private static UnitLevel Invalid(JsonFields unit, string level)
    {
        unit.Report("level", $"'{level}' is not a level: write \"district\" (a department) or \"commune\" (a commune or town People's Committee)");
        return UnitLevel.District;
    }

    private static UnitLevel? InvalidGroup(JsonFields unit, string group)
    {
        unit.Report("group", $"'{group}' is not a group: write \"commune\" for a unit that stands for every commune and town People's Committee");
        return null;
    }

    /// <summary>
    /// A commune committee names the one commune it answers for (whether that place exists is checked against
    /// the plans, in <see cref="RuleBookLoader"/>); a group names none, and a department is neither.
    /// </summary>
    private static void CheckPlace(JsonFields unit, UnitLevel level, string? jurisdiction, UnitLevel? group)
    {
        if (group is not null && jurisdiction is not null)
        {
            unit.Report("jurisdiction", "a group stands for every commune committee, so it names no single commune");
        }
        else if (group is not null && level != group)
        {
            unit.Report("level", "a group of commune committees is itself at the \"commune\" level");
        }
        else if (group is null && level == UnitLevel.Commune && jurisdiction is null)
        {
            unit.Report("jurisdiction", "a commune People's Committee names the commune or town it answers for (\"jurisdiction\": \"tan-canh\"), or is a group (\"group\": \"commune\")");
        }
        else if (level == UnitLevel.District && jurisdiction is not null)
        {
            unit.Report("jurisdiction", "only a commune People's Committee (\"level\": \"commune\") answers for one commune");
        }
    }

    private static ResponsibleUnit? ReadUnit(JsonFields unit, List<ResponsibleUnit> earlier)
    {
        var id = unit.RequiredString("id");
        var name = unit.RequiredString("name");
        var nameEn = unit.OptionalText("nameEn");
        var emails = unit.StringList("emails", required: true);
        var level = unit.OptionalText("level") switch
        {
            null or "district" => UnitLevel.District,
            "commune" => UnitLevel.Commune,
            var other => Invalid(unit, other),
        };
        var jurisdiction = unit.OptionalText("jurisdiction");
        var group = unit.OptionalText("group") switch
        {
            null => (UnitLevel?)null,
            "commune" => UnitLevel.Commune,
            var other => InvalidGroup(unit, other),
        };
        CheckPlace(unit, level, jurisdiction, group);
        if (id is not null && !RuleNames.IsId(id))
        {
            unit.Report("id", $"'{id}' must be lower-case letters, digits and '-'");
        }

        if (id is not null && earlier.Any(existing => existing.Id == id))
        {
            unit.Report("id", $"'{id}' is listed twice");
        }

        if (emails is { Count: 0 })
        {
            unit.Report("emails", "needs at least one address, or the unit's alerts cannot be delivered");
        }

        foreach (var email in emails ?? [])
        {
            if (!IsPlainAddress(email))
            {
                unit.Report("emails", $"'{email}' is not an email address");
            }
        }

        return id is null || name is null || emails is null
            ? null
            : new ResponsibleUnit(id, new LocalizedText(name, nameEn ?? name), emails.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), level, jurisdiction, group);
    }

    /// <summary>A bare address only: display names or line breaks here would end up in mail headers.</summary>
    private static bool IsPlainAddress(string email) =>
        !email.Any(char.IsControl) && !email.Contains(' ', StringComparison.Ordinal)
        && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.DisplayName.Length == 0;
}
