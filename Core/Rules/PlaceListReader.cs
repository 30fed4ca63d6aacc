using System.Globalization;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Reads a list of places (a plan's <c>jurisdictions</c>, a places file's <c>places</c>) into a tree and checks what
/// the schema cannot: every <c>parent</c> is a place of the list, following parents never comes back to where it
/// started, one root exists on any day, a place lives within its parent's days, <c>formedFrom</c> names places that
/// ended before this one began. A list with no <c>parent</c> at all is the form written before places had depth: the
/// plan's <c>district</c> is its root and every other place a commune under it, so old files read as they always did.
/// </summary>
internal static class PlaceListReader
{
    /// <summary>The places of <paramref name="items"/> with their parents filled in, or null when any is refused.</summary>
    /// <param name="items">The list's objects, as the schema has checked them.</param>
    /// <param name="legacyRoot">The plan's <c>district</c>: the root of a list that gives no parent.</param>
    public static List<Jurisdiction>? Read(IReadOnlyList<JsonFields> items, string? legacyRoot)
    {
        var read = new List<(JsonFields Fields, Jurisdiction Place)>();
        var refused = false;
        foreach (var item in items)
        {
            if (item.String("id") is not { } id || item.String("name") is not { } name)
            {
                refused = true;
                continue;
            }

            WorkflowReader.ReportRepeat(item, "id", read.Any(existing => existing.Place.Id == id), $"'{id}' is listed twice");
            read.Add((item, new Jurisdiction(id, name)
            {
                Parent = item.String("parent"),
                Level = item.String("level") ?? PlaceLevels.Commune,
                From = Day(item, "from", ref refused),
                Until = Day(item, "until", ref refused),
                FormedFrom = item.StringList("formedFrom") ?? [],
                Code = item.Text("code"),
                Source = item.String("source"),
            }));
        }

        if (legacyRoot is not null && read.All(entry => entry.Place.Parent is null))
        {
            if (read.All(entry => entry.Place.Id != legacyRoot))
            {
                // A flat list without its root: the plan's "district" says what is wrong, once, rather than every place.
                return refused ? null : read.Select(entry => entry.Place).ToList();
            }

            // The flat form: the district on top, every other place a commune of it; a level written stays as written.
            read = read.Select(entry => entry.Place.Id == legacyRoot
                ? (entry.Fields, entry.Place with { Level = entry.Fields.String("level") ?? PlaceLevels.District })
                : (entry.Fields, entry.Place with { Parent = legacyRoot })).ToList();
        }

        var ids = read.ToDictionary(entry => entry.Place.Id, entry => entry.Place, StringComparer.Ordinal);
        foreach (var (fields, place) in read)
        {
            refused |= !CheckPlace(fields, place, ids);
        }

        refused |= !CheckRoots(read);
        return refused ? null : read.Select(entry => entry.Place).ToList();
    }

    private static bool CheckPlace(JsonFields fields, Jurisdiction place, IReadOnlyDictionary<string, Jurisdiction> ids)
    {
        var valid = true;
        if (place.From is { } from && place.Until is { } until && until < from)
        {
            fields.Report("until", $"{Text(until)} is before the place's first day {Text(from)}");
            valid = false;
        }

        if (place.Parent is { } parentId)
        {
            if (!ids.TryGetValue(parentId, out var parent))
            {
                fields.Report("parent", $"'{parentId}' is not one of the places ({string.Join(", ", ids.Keys)})");
                valid = false;
            }
            else if (CycleFrom(place, ids) is { } cycle)
            {
                fields.Report("parent", $"the parents go round in a cycle ({string.Join(" → ", cycle)}); a place cannot be added up into itself");
                valid = false;
            }
            else if ((parent.From is { } parentFrom && (place.From is not { } from1 || from1 < parentFrom))
                || (parent.Until is { } parentUntil && (place.Until is not { } until1 || until1 > parentUntil)))
            {
                fields.Report("parent", $"'{place.Id}' exists on days its parent '{parentId}' does not ({Span(place)} against {Span(parent)})");
                valid = false;
            }
        }

        foreach (var predecessorId in place.FormedFrom)
        {
            if (!ids.TryGetValue(predecessorId, out var predecessor))
            {
                fields.Report("formedFrom", $"'{predecessorId}' is not one of the places ({string.Join(", ", ids.Keys)})");
                valid = false;
            }
            else if (predecessor.Until is not { } ended || place.From is not { } began || ended >= began)
            {
                fields.Report("formedFrom", $"'{predecessorId}' ({Span(predecessor)}) does not end before '{place.Id}' begins ({Span(place)}); give it an \"until\" before this place's \"from\"");
                valid = false;
            }
        }

        return valid;
    }

    /// <summary>Two places without a parent that exist on the same day would each claim the whole: the second is refused.</summary>
    private static bool CheckRoots(List<(JsonFields Fields, Jurisdiction Place)> read)
    {
        var valid = true;
        var roots = read.Where(entry => entry.Place.Parent is null).ToList();
        for (var index = 1; index < roots.Count; index++)
        {
            var (fields, place) = roots[index];
            if (roots.Take(index).FirstOrDefault(earlier => Overlap(earlier.Place, place)) is { Place: { } other })
            {
                fields.Report("parent", $"'{place.Id}' and '{other.Id}' both have no parent while both exist; the places have one root, so give '{place.Id}' a parent");
                valid = false;
            }
        }

        return valid;
    }

    /// <summary>The ids from <paramref name="place"/> up through its parents until one repeats, or null when the top is reached.</summary>
    private static List<string>? CycleFrom(Jurisdiction place, IReadOnlyDictionary<string, Jurisdiction> ids)
    {
        var path = new List<string> { place.Id };
        for (var current = place; current.Parent is { } parent && ids.TryGetValue(parent, out var above); current = above)
        {
            path.Add(parent);
            if (path.IndexOf(parent) < path.Count - 1)
            {
                return path;
            }
        }

        return null;
    }

    private static bool Overlap(Jurisdiction first, Jurisdiction second) =>
        !Before(first.Until, second.From) && !Before(second.Until, first.From);

    /// <summary>Whether day <paramref name="early"/> comes strictly before <paramref name="late"/>; a missing day is the open end.</summary>
    private static bool Before(DateOnly? early, DateOnly? late) => early is { } first && late is { } second && first < second;

    private static DateOnly? Day(JsonFields item, string property, ref bool refused)
    {
        var written = item.String(property);
        if (written is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(written, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        item.Report(property, $"'{written}' is not a day of the calendar (YYYY-MM-DD)");
        refused = true;
        return null;
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Span(Jurisdiction place) => $"{(place.From is { } from ? Text(from) : "…")} – {(place.Until is { } until ? Text(until) : "…")}";
}
