namespace GenderPlan.Core.Domain;

/// <summary>One level of an ordered category indicator (G7.3: none, concurrent, dedicated staff).</summary>
/// <param name="Level">The rank the rule expression compares; higher is better.</param>
/// <param name="Name">The canonical words.</param>
/// <param name="Aliases">Other ways officials write the same level (matched without diacritics).</param>
public sealed record Category(int Level, LocalizedText Name, IReadOnlyList<string> Aliases);
