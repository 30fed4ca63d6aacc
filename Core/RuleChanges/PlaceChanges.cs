using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.RuleChanges;

/// <summary>
/// What changed in a tree of places from one rules version to the next, for the rules history: a place added or taken
/// away, and of a place kept, its name, parent, level, code, first and last day and what it was formed from:
/// "tệp địa bàn: Xã Tân Cảnh: đến ngày – → 30/06/2025". Which places exist when decides who owes a report,
/// so a moved date is as much a change of the rules as a moved target.
/// </summary>
internal static class PlaceChanges
{
    /// <summary>The lines for <paramref name="scope"/> (a plan's id, or the places files) from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static IEnumerable<string> Between(string scope, PlaceTree before, PlaceTree after)
    {
        string? NameBefore(string id) => before.Find(id)?.Name;
        string? NameAfter(string id) => after.Find(id)?.Name;
        foreach (var place in after.Places)
        {
            if (before.Find(place.Id) is not { } was)
            {
                yield return $"{scope}: thêm địa bàn {PlaceWording.Describe(place, NameAfter)}";
                continue;
            }

            foreach (var change in Changes(was, place, NameBefore, NameAfter))
            {
                yield return $"{scope}: {place.Name}: {change}";
            }
        }

        foreach (var place in before.Places.Where(place => after.Find(place.Id) is null))
        {
            yield return $"{scope}: bỏ địa bàn {place.Name} ({place.Id})";
        }
    }

    private static IEnumerable<string> Changes(Jurisdiction was, Jurisdiction now, Func<string, string?> nameBefore, Func<string, string?> nameAfter)
    {
        if (was.Name != now.Name)
        {
            yield return $"tên \"{was.Name}\" → \"{now.Name}\"";
        }

        if (was.Parent != now.Parent)
        {
            yield return $"cấp trên {Name(was.Parent, nameBefore)} → {Name(now.Parent, nameAfter)}";
        }

        if (was.Level != now.Level)
        {
            yield return $"cấp {was.Level} → {now.Level}";
        }

        if (was.Code != now.Code)
        {
            yield return $"mã {was.Code ?? "–"} → {now.Code ?? "–"}";
        }

        if (was.From != now.From)
        {
            yield return $"từ ngày {Day(was.From)} → {Day(now.From)}";
        }

        if (was.Until != now.Until)
        {
            yield return $"đến ngày {Day(was.Until)} → {Day(now.Until)}";
        }

        if (!was.FormedFrom.SequenceEqual(now.FormedFrom, StringComparer.Ordinal))
        {
            yield return $"gộp từ {Names(was.FormedFrom, nameBefore)} → {Names(now.FormedFrom, nameAfter)}";
        }
    }

    private static string Name(string? id, Func<string, string?> nameOf) => id is null ? "–" : nameOf(id) ?? id;

    private static string Names(IReadOnlyList<string> ids, Func<string, string?> nameOf) => ids.Count == 0 ? "–" : PlaceWording.Names(ids, nameOf);

    private static string Day(DateOnly? day) => day is { } known ? PlaceWording.Day(known) : "–";
}
