namespace GenderPlan.Core.Domain;

/// <summary>
/// A place a report can cover: a nation, a province, a district, a commune or town. Places form a tree
/// (<see cref="Parent"/>) of any depth, and a place may exist for a span of days only (<see cref="From"/>,
/// <see cref="Until"/>), since communes are merged and districts abolished while reports made under them must keep
/// their place.
/// </summary>
/// <param name="Id">The id report files use (<c>dak-to</c>, <c>tan-canh</c>).</param>
/// <param name="Name">The Vietnamese name.</param>
public sealed record Jurisdiction(string Id, string Name)
{
    /// <summary>
    /// The place this one is added up into (<c>"parent"</c>), or null for the root of its tree: the place whose figures
    /// are the sums of its children's, recursively.
    /// </summary>
    public string? Parent { get; init; }

    /// <summary>
    /// The level word (<c>"level"</c>: <c>nation</c>, <c>province</c>, <c>district</c>, <c>commune</c>): indicators and
    /// units name the level they report at, so what a place owes follows from its level, not from its id.
    /// </summary>
    public string Level { get; init; } = PlaceLevels.Commune;

    /// <summary>The first day the place exists (<c>"from"</c>), or null when it existed before anything the product knows.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day the place exists (<c>"until"</c>), or null while it still exists.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>
    /// The places this one was formed from (<c>"formedFrom"</c>): their reports stay theirs, and a comparison across the
    /// change adds their numerators and denominators up into this place.
    /// </summary>
    public IReadOnlyList<string> FormedFrom { get; init; } = [];

    /// <summary>The statistics office's code (<c>"code"</c>, 23401 for Xã Đăk Tô), where the file gives it.</summary>
    public string? Code { get; init; }

    /// <summary>Where the place's existence and changes come from (<c>"source"</c>), kept so officials know what to verify.</summary>
    public string? Source { get; init; }

    /// <summary>Whether the place exists on <paramref name="day"/>.</summary>
    public bool ExistsOn(DateOnly day) => (From is not { } from || from <= day) && (Until is not { } until || day <= until);

    /// <summary>
    /// Whether a report for <paramref name="period"/> belongs to this place: a report describes the state at its period's
    /// end (30 June, 31 December), so a place counts in a period when it exists on that day. The annual 2025 report of
    /// Đăk Tô is the new communes', the first half of 2025 the old ones'.
    /// </summary>
    public bool ExistsIn(Period period) => ExistsOn(PlaceLevels.EndOf(period));
}

/// <summary>The level words the product gives a meaning to when a file leaves them out, and the day a period describes.</summary>
public static class PlaceLevels
{
    /// <summary><c>district</c>: the root of a plan written before places had parents.</summary>
    public const string District = "district";

    /// <summary><c>commune</c>: every other place of such a plan.</summary>
    public const string Commune = "commune";

    /// <summary>The last day of <paramref name="period"/>: the day its figures describe.</summary>
    public static DateOnly EndOf(Period period) => period.Kind == PeriodKind.Annual ? new DateOnly(period.Year, 12, 31) : new DateOnly(period.Year, 6, 30);
}
