using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Scoring;

/// <summary>
/// Where a merged place's carried baselines come from: the baseline year and the former places whose figures of it are read.
/// </summary>
/// <param name="Period">The plan's baseline year, as an annual period.</param>
/// <param name="FormerPlaces">The places that stood for the merged place then, in the order it names them.</param>
public sealed record CarriedSource(Period Period, IReadOnlyList<Jurisdiction> FormerPlaces);

/// <summary>
/// Baselines for a place formed by a merger after its plan's baseline year. A commune formed on 1 July 2025 has no figure of
/// its own for 2020, and a plan started from the national strategy has no baselines at all; what the place stood at then is
/// the sum of its former places' figures, reported under the plans of their time. Only indicators whose rule names the code
/// the former plans used (<c>"carriedFrom"</c>) are carried, and only where that plan measured it in the same unit: a code
/// alone may mean something else in an older plan (G2.1 was new jobs in 2016-2020, wage work in the strategy). A baseline
/// written in the rule always wins: the officials' figure is the plan's.
/// </summary>
public static class CarriedBaselines
{
    /// <summary>
    /// The figures to read for <paramref name="place"/> of <paramref name="plan"/>, or null when nothing is carried: no
    /// indicator asks for it, or the place existed in the baseline year, or it was formed from no place the rules know.
    /// </summary>
    public static CarriedSource? SourceFor(RuleBook rules, Plan plan, string place)
    {
        if (!plan.Indicators.Any(Wanted))
        {
            return null;
        }

        var period = Period.Annual(plan.BaselineYear);
        var places = PlacesOf(rules, plan, place);
        if (places.Find(place) is not { } successor || successor.ExistsIn(period))
        {
            return null;
        }

        var former = SuccessionSum.FormerPlaces(places, successor, period);
        return former.Count == 0 ? null : new CarriedSource(period, former);
    }

    /// <summary>
    /// The carried baselines of <paramref name="place"/>, by indicator code, from <paramref name="figures"/>: the former places'
    /// current figures for the baseline year (<see cref="SourceFor"/>), under the codes of their own plans.
    /// </summary>
    public static IReadOnlyDictionary<string, CarriedOver> Compute(RuleBook rules, Plan plan, string place, IReadOnlyList<CommuneFigure> figures)
    {
        var carried = new Dictionary<string, CarriedOver>(StringComparer.OrdinalIgnoreCase);
        if (SourceFor(rules, plan, place) is not { } source)
        {
            return carried;
        }

        var places = PlacesOf(rules, plan, place);
        foreach (var indicator in plan.Indicators.Where(Wanted))
        {
            var code = indicator.Definition.CarriedFrom!;
            var same = figures
                .Where(figure => string.Equals(figure.Indicator, code, StringComparison.OrdinalIgnoreCase) && SameMeasure(rules, source.Period, figure.Jurisdiction, code, indicator))
                .Select(figure => figure with { Indicator = indicator.Code })
                .ToList();
            if (SuccessionSum.Compute(places, place, indicator, source.Period, same) is { Score.Value: not null } sum)
            {
                carried[indicator.Code] = sum;
            }
        }

        return carried;
    }

    private static bool Wanted(Indicator indicator) => indicator.Baseline is null && indicator.Definition.CarriedFrom is not null && !indicator.Unit.IsCategory;

    // The places over time know what a place was formed from; a plan's own list serves where no places file names it.
    private static PlaceTree PlacesOf(RuleBook rules, Plan plan, string place) =>
        rules.PlaceHistory.Find(place) is not null ? rules.PlaceHistory : plan.Places;

    private static bool SameMeasure(RuleBook rules, Period period, string formerPlace, string code, Indicator indicator) =>
        rules.FindPlan(period, formerPlace)?.FindIndicator(code) is { } former && former.Unit == indicator.Unit;
}
