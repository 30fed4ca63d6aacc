namespace GenderPlan.Core.Domain;

/// <summary>Where an indicator stands against its target and the plan's path to it (the UN SDG Progress Chart's statuses, on a straight line by default).</summary>
public enum Status
{
    /// <summary>The reported value meets the target.</summary>
    Met,

    /// <summary>Not met yet, but a progress ratio of 0.95 or more on the plan's path.</summary>
    OnTrack,

    /// <summary>A progress ratio of 0.5 to 0.95 on the plan's path: the lead unit must speed up.</summary>
    FallingBehind,

    /// <summary>Moving at under half the needed pace, backwards, or not measurable and not met.</summary>
    OffTrack,

    /// <summary>The verdict is final and the target is not met: the target year has come, an every-year target failed a year, or an elected figure's term result is below it.</summary>
    Missed,

    /// <summary>Nothing to measure (a 0/0 rate, such as no trafficking victim found).</summary>
    NotApplicable,
}

/// <summary>Short ways to read a status's <see cref="StatusPresentation"/>, which holds the words themselves.</summary>
public static class StatusText
{
    /// <summary>The wire word: <c>met</c>, <c>on-track</c>, <c>falling-behind</c>, <c>off-track</c>, <c>missed</c>, <c>not-applicable</c>.</summary>
    public static string Word(this Status status) => StatusPresentation.Of(status).Word;

    /// <summary>The Vietnamese label officials read.</summary>
    public static string Vietnamese(this Status status) => StatusPresentation.Of(status).Label.Vi;

    /// <summary>The English label.</summary>
    public static string English(this Status status) => StatusPresentation.Of(status).Label.En;

    /// <summary>Whether the responsible units must be told: the indicator is falling behind, off track or missed.</summary>
    public static bool NeedsAttention(this Status status) => status is Status.FallingBehind or Status.OffTrack or Status.Missed;

    /// <summary>Reads a wire word back.</summary>
    public static bool TryParse(string? word, out Status status)
    {
        foreach (var candidate in Enum.GetValues<Status>())
        {
            if (candidate.Word() == word)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
