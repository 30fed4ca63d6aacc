using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Plans;

/// <summary>
/// The office that coordinates a local plan at one level of government, and the body its report goes to: a commune's
/// Phòng Văn hóa - Xã hội reporting to the province's Sở Nội vụ, a province's Sở Nội vụ reporting to the Bộ Nội vụ.
/// These are facts of the 2025 reform that may change again, so they live beside the strategy (<c>offices.json</c>),
/// not in code.
/// </summary>
/// <param name="Level">The level whose plans this office coordinates.</param>
/// <param name="Id">The unit id the new plan's <c>units.json</c> gives it.</param>
/// <param name="Name">Its Vietnamese name.</param>
/// <param name="NameEn">Its English name.</param>
/// <param name="ReportsTo">The body the plan's report goes to; <c>{parent}</c> stands for the place above.</param>
public sealed record LevelOffice(PlaceLevel Level, string Id, string Name, string NameEn, LocalizedText ReportsTo)
{
    /// <summary>The placeholder in <see cref="ReportsTo"/> for the name of the place above.</summary>
    public const string ParentPlaceholder = "{parent}";
}

/// <summary>Reads <c>offices.json</c>: <c>{ "levels": [ { "level", "coordinator": { "id", "name", "nameEn" }, "reportsTo": { "vi", "en" } } ] }</c>.</summary>
public static class StrategyOffices
{
    /// <summary>The file's name beside the strategy's workflow file.</summary>
    public const string FileName = "offices.json";

    /// <summary>The offices of <paramref name="file"/>, or null with the problems added to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<LevelOffice>? Read(string file, ReadOnlyMemory<byte> content, List<Problem> problems)
    {
        if (JsonText.TryParse(file, content, problems) is not { } document)
        {
            return null;
        }

        using (document)
        {
            var before = problems.Count;
            var offices = new List<LevelOffice>();
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("levels", out var levels) || levels.ValueKind != JsonValueKind.Array)
            {
                problems.Add(Messages.RulesInvalid.At(file, null, "offices.json holds { \"levels\": [ { \"level\", \"coordinator\", \"reportsTo\" } ] }"));
                return null;
            }

            var index = 0;
            foreach (var item in levels.EnumerateArray())
            {
                var at = $"levels[{index++}]";
                var level = Text(item, "level") is { } word ? PlaceLevelText.Parse(word) : null;
                var coordinator = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("coordinator", out var found) ? found : default;
                var reportsTo = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("reportsTo", out var body) ? body : default;
                if (level is null || Text(coordinator, "id") is not { } id || Text(coordinator, "name") is not { } name
                    || Text(reportsTo, "vi") is not { } vi || Text(reportsTo, "en") is not { } en)
                {
                    problems.Add(Messages.RulesInvalid.At(file, ProblemLocation.At(at), "needs a level (province, district or commune), a coordinator { \"id\", \"name\", \"nameEn\" } and reportsTo { \"vi\", \"en\" }"));
                    continue;
                }

                offices.Add(new LevelOffice(level.Value, id, name, Text(coordinator, "nameEn") ?? name, new LocalizedText(vi, en)));
            }

            return problems.Count > before ? null : offices;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 500 } text
            ? text
            : null;
}
