namespace GenderPlan.Core.Scoring;

/// <summary>Where a district figure comes from: the lead department's report, or the communes' reports added up.</summary>
public enum FigureSource
{
    /// <summary>A unit reported it (the department's own figure for the whole district, or a commune's figure).</summary>
    Reported,

    /// <summary>Added up from the communes' current reports (<see cref="CommuneRollUp"/>).</summary>
    Communes,
}

/// <summary>The words <see cref="FigureSource"/> is written with in storage and JSON.</summary>
public static class FigureSourceText
{
    /// <summary><c>communes</c>.</summary>
    public const string Communes = "communes";

    /// <summary><c>reported</c>.</summary>
    public const string Reported = "reported";
}
