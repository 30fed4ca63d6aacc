using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

namespace GenderPlan.Core.Scoring;

/// <summary>One commune's current figure for an indicator, as its stored result keeps it.</summary>
/// <param name="Jurisdiction">The commune or town.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Value">The value, or null for a 0/0 (nothing arose).</param>
/// <param name="Counts">The numerator and denominator the commune reported, if it did.</param>
public sealed record CommuneFigure(string Jurisdiction, string Indicator, decimal? Value, Counts? Counts);

/// <summary>How much of the district a figure added up from the communes covers.</summary>
/// <param name="Reported">How many communes' figures went into it.</param>
/// <param name="Expected">How many communes and towns the plan has.</param>
/// <param name="Missing">The ids of those whose figure is not in it, in the plan's order.</param>
public sealed record Coverage(int Reported, int Expected, IReadOnlyList<string> Missing);

/// <summary>The district's value of one indicator added up from the communes, scored like any reported value.</summary>
/// <param name="Score">The score of the added-up value for the district and period.</param>
/// <param name="Coverage">Which communes it covers.</param>
public sealed record RolledUp(IndicatorScore Score, Coverage Coverage);

/// <summary>Who is alerted about a place's sums (<see cref="CommuneRollUp.AudienceOf"/>).</summary>
/// <param name="Alerted">Whether anyone is: false for a place between with no committee, whose sums are stored and shown only.</param>
/// <param name="Committee">The committee the alerts go to (copied to each indicator's lead and the coordinator), or null for the leads themselves.</param>
public sealed record SumsAudience(bool Alerted, string? Committee)
{
    /// <summary>Each indicator's lead, as a district report's alerts: the plan's own place.</summary>
    public static readonly SumsAudience Leads = new(true, null);

    /// <summary>Nobody: the sums are stored and shown only.</summary>
    public static readonly SumsAudience Nobody = new(false, null);

    /// <summary>The committee <paramref name="id"/>, as a commune's report's alerts.</summary>
    public static SumsAudience CommitteeOf(string id) => new(true, id);
}

/// <summary>
/// Adds up the district's figures from its communes' current reports, so the Labour division no longer compiles
/// them by hand: for a rate, the sum of the numerators over the sum of the denominators, times the unit's scale
/// (never an average of the communes' rates, which would weigh a commune of 50 births like one of 500); for a
/// count, the sum. Categories are levels, not amounts, and are never added up. A commune that gave a rate without
/// its numerator and denominator cannot be added in and counts as missing; a 0/0 (no case arose) is covered and
/// adds nothing.
/// </summary>
public static class CommuneRollUp
{
    /// <summary>
    /// The place the alert state of a district's added-up figures is kept under (<c>dak-to~communes</c>), so that a
    /// status alerted for the department's figure does not silence the same status of the communes' sum, nor the reverse.
    /// </summary>
    public static string AlertPlaceOf(string district) => district + "~communes";

    /// <summary>
    /// Who is told when the sums of <paramref name="place"/> fall behind or recover. The plan's own place is alerted as
    /// it always was, each indicator's lead like a district report. A place between (a district of a province's plan) is
    /// alerted through its committee (<see cref="RuleBook.CommitteeOf"/>) where <c>units.json</c> has one, as a
    /// commune's report is: it is the body that answers for that place and can act on the places below it. Without a
    /// committee its sums are stored and shown only: the leads answer for the plan's own place, whose sum already
    /// holds every report below, and telling them again for each district would repeat that alert once per district.
    /// </summary>
    public static SumsAudience AudienceOf(RuleBook rules, Plan plan, string place) =>
        plan.IsDistrict(place) ? SumsAudience.Leads
        : rules.CommitteeOf(place) is { } committee ? SumsAudience.CommitteeOf(committee.Id)
        : SumsAudience.Nobody;

    /// <summary>
    /// The added-up value of every indicator of <paramref name="plan"/> that adds up and that at least one commune
    /// covers, for <paramref name="period"/>, from <paramref name="figures"/> (the communes' current results): the plan's
    /// own place summed through every level of its tree (<see cref="PlaceRollUp"/>).
    /// </summary>
    public static IReadOnlyList<RolledUp> Compute(Plan plan, Period period, IReadOnlyList<CommuneFigure> figures) =>
        PlaceRollUp.ComputeAt(plan, plan.District.Id, period, figures);

    /// <summary>The sum of <paramref name="figures"/>: counts add; rates add their parts and divide once.</summary>
    public static Measurement Sum(Indicator indicator, IReadOnlyList<CommuneFigure> figures)
    {
        if (indicator.Unit.RatioScale is not { } scale)
        {
            return Measurement.Of(figures.Sum(figure => figure.Value ?? 0m));
        }

        var numerator = figures.Sum(figure => figure.Counts?.Numerator ?? 0m);
        var denominator = figures.Sum(figure => figure.Counts?.Denominator ?? 0m);
        return denominator == 0m
            ? Measurement.NotApplicable
            : Measurement.Of(numerator / denominator * scale) with { Counts = new Counts(numerator, denominator) };
    }
}
