namespace GenderPlan.Core.Domain;

/// <summary>
/// How one status is shown, everywhere: the wire word of files and JSON, the label in both languages, the
/// symbol and the colour. The scorecard page, the emails, the charts and the command line all read this one
/// table, so changing a word or a colour here changes it in every output at once. A status is never shown
/// by colour alone: the symbol and the label go with it.
/// </summary>
/// <param name="Status">The status.</param>
/// <param name="Word">The wire word: <c>met</c>, <c>on-track</c>, <c>falling-behind</c>, <c>off-track</c>, <c>missed</c>, <c>not-applicable</c>; also the CSS class suffix.</param>
/// <param name="Label">What officials read, Vietnamese with diacritics and English.</param>
/// <param name="Symbol">The symbol shown before the label.</param>
/// <param name="Colour">A CSS colour with at least 4.5:1 contrast on white.</param>
public sealed record StatusPresentation(Status Status, string Word, LocalizedText Label, string Symbol, string Colour)
{
    private static readonly StatusPresentation[] ByStatus =
    [
        new(Status.Met, "met", new("Đã đạt", "Met"), "✔", "#1b7f3b"),
        new(Status.OnTrack, "on-track", new("Đúng tiến độ", "On track"), "➜", "#0b6e8a"),
        new(Status.FallingBehind, "falling-behind", new("Chậm tiến độ", "Falling behind"), "▲", "#a15c00"),
        new(Status.OffTrack, "off-track", new("Có nguy cơ không đạt", "Off track"), "✖", "#b3261e"),
        new(Status.Missed, "missed", new("Không đạt", "Missed"), "■", "#6a1b9a"),
        new(Status.NotApplicable, "not-applicable", new("Không phát sinh", "Not applicable"), "–", "#555555"),
    ];

    /// <summary>Every status in the order of <see cref="Domain.Status"/>, for legends and style sheets.</summary>
    public static IReadOnlyList<StatusPresentation> All => ByStatus;

    /// <summary>The presentation of <paramref name="status"/>.</summary>
    public static StatusPresentation Of(Status status) =>
        (uint)status < (uint)ByStatus.Length ? ByStatus[(int)status] : throw new ArgumentOutOfRangeException(nameof(status));
}
