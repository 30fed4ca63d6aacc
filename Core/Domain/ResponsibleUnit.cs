namespace GenderPlan.Core.Domain;

/// <summary>A department or committee that leads or coordinates indicators and receives alerts.</summary>
/// <param name="Id">The id used in rules (<c>yte</c>, <c>ldtbxh</c>).</param>
/// <param name="Name">The Vietnamese name.</param>
/// <param name="NameEn">The English name, where given.</param>
/// <param name="Emails">Where its alerts and reminders go.</param>
public sealed record ResponsibleUnit(string Id, string Name, string? NameEn, IReadOnlyList<string> Emails);

/// <summary>A place a report can cover: the district as a whole, or one commune or town.</summary>
/// <param name="Id">The id report files use (<c>dak-to</c>, <c>tan-canh</c>).</param>
/// <param name="Name">The Vietnamese name.</param>
public sealed record Jurisdiction(string Id, string Name);

/// <summary>One of a plan's goals (Mục tiêu).</summary>
/// <param name="Number">1 to 7 in the 2016-2020 plan.</param>
/// <param name="Name">What the goal is about.</param>
public sealed record Goal(int Number, LocalizedText Name);
