namespace GenderPlan.Core.Domain;

/// <summary>A department or committee that leads or coordinates indicators and receives alerts.</summary>
/// <param name="Id">The id used in rules (<c>yte</c>, <c>ldtbxh</c>).</param>
/// <param name="Name">The name; in English the Vietnamese name where <c>units.json</c> gives no English one.</param>
/// <param name="Emails">Where its alerts and reminders go.</param>
/// <param name="Level">
/// Whether it is a district department or a commune-level People's Committee: a commune committee reports
/// for its own commune, never for the district as a whole, whatever its upload says.
/// </param>
/// <param name="Jurisdiction">
/// The commune or town a commune committee answers for (<c>tan-canh</c> for <c>ubnd-tan-canh</c>): it owes
/// that place's report, may report for it only, and receives the alerts about it. Null for departments and groups.
/// </param>
/// <param name="Group">
/// Set for a group unit (<c>ubnd-xa</c>, "UBND các xã, thị trấn"), which stands for every unit of that level where
/// the plan names them together. A group is a list address: it is never expanded into its members' addresses (no
/// flood), sends no report and owes none.
/// </param>
/// <param name="Language">
/// The one language its emails are written in (<c>language</c> in <c>units.json</c>): Vietnamese unless the unit
/// asks for English, so an official never reads a letter in two languages.
/// </param>
public sealed record ResponsibleUnit(
    string Id, LocalizedText Name, IReadOnlyList<string> Emails, UnitLevel Level = UnitLevel.District, string? Jurisdiction = null, UnitLevel? Group = null,
    Language Language = Language.Vietnamese)
{
    /// <summary>The first day the unit exists (<c>from</c> in <c>units.json</c>), for the committee of a place a reform created.</summary>
    public DateOnly? From { get; init; }

    /// <summary>
    /// The last day the unit exists (<c>until</c>), for the committee of a place merged away: the reports it sent stay its
    /// own, and after this day it owes none.
    /// </summary>
    public DateOnly? Until { get; init; }

    /// <summary>Whether the unit exists on <paramref name="day"/>, and so owes reports and gets reminders then.</summary>
    public bool ExistsOn(DateOnly day) => (From is not { } from || from <= day) && (Until is not { } until || day <= until);

    /// <summary>Whether the unit is a commune or town People's Committee that owes its own commune's report.</summary>
    public bool IsCommuneCommittee => Level == UnitLevel.Commune && Group is null && Jurisdiction is not null;
}

/// <summary>The level a unit works at (<c>level</c> in <c>units.json</c>; a department when absent).</summary>
public enum UnitLevel
{
    /// <summary>A district department or organisation: it reports for the district.</summary>
    District,

    /// <summary>A commune or town People's Committee: it reports for communes only.</summary>
    Commune,
}

/// <summary>One of a plan's goals (Mục tiêu).</summary>
/// <param name="Number">1 to 7 in the 2016-2020 plan.</param>
/// <param name="Name">What the goal is about.</param>
public sealed record Goal(int Number, LocalizedText Name);
