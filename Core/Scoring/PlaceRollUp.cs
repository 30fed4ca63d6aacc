using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Scoring;

/// <summary>One place's value of one indicator added up from the places below it, with what it covers.</summary>
/// <param name="Place">The place the sum is for (a district, a province, a nation).</param>
/// <param name="RolledUp">The scored sum and its coverage.</param>
public sealed record PlaceSum(string Place, RolledUp RolledUp);

/// <summary>
/// Adds up every place of a tree of any depth from the places below it, as the district has always been added up from
/// its communes: a province in a province → district → commune tree gets the sum of its districts' sums, each the sum
/// of its communes. Rates add their numerators and denominators and divide once at each place, so a province's rate is
/// exactly its communes' numerators over their denominators, whatever lies between (sums of sums are sums).
/// <para>
/// What a place adds up from, for one indicator, are the places below it at the lowest level that reports the indicator
/// (<c>"levels"</c>): a commune-level indicator is added up from communes, one reported by districts only from districts.
/// A place's own reported figure is never added into its parent's sum, so the sum at every level rests on the same
/// reports and a district's own figure can be compared with it. Coverage counts those places that reported, among those
/// that exist in the period (a commune abolished before it, or created after it, is not expected).
/// </para>
/// </summary>
public static class PlaceRollUp
{
    /// <summary>
    /// The sums of every place of <paramref name="plan"/> that has places below it reporting an indicator that adds up,
    /// for <paramref name="period"/>, from <paramref name="figures"/> (the reporting places' current results), the plan's
    /// own place first, then down the tree.
    /// </summary>
    public static IReadOnlyList<PlaceSum> Compute(Plan plan, Period period, IReadOnlyList<CommuneFigure> figures)
    {
        if (plan.Places.RootIn(period) is not { } root)
        {
            return [];
        }

        var sums = new List<PlaceSum>();
        foreach (var place in plan.Places.DescendantsOf(root.Id, period).Prepend(root))
        {
            sums.AddRange(ComputeAt(plan, place.Id, period, figures).Select(rolled => new PlaceSum(place.Id, rolled)));
        }

        return sums;
    }

    /// <summary>
    /// The places of <paramref name="plan"/> strictly between its own place and the places that only report, in
    /// <paramref name="period"/>, parents first: each has places below it, so it has sums of its own (a province plan's
    /// districts). Empty for a plan of a district over its communes.
    /// </summary>
    public static IReadOnlyList<Jurisdiction> PlacesBetween(Plan plan, Period period) =>
        [.. plan.Places.DescendantsOf(plan.District.Id, period).Where(place => plan.Places.ChildrenOf(place.Id, period).Count > 0)];

    /// <summary>The sums of <paramref name="place"/> alone: one per indicator that adds up there and that at least one place below covers.</summary>
    public static IReadOnlyList<RolledUp> ComputeAt(Plan plan, string place, Period period, IReadOnlyList<CommuneFigure> figures)
    {
        var rolled = new List<RolledUp>();
        foreach (var indicator in plan.Indicators.Where(indicator => !indicator.Unit.IsCategory))
        {
            var expected = Contributors(plan.Places, place, indicator, period);
            if (expected.Count == 0)
            {
                continue;
            }

            var usable = figures
                .Where(figure => string.Equals(figure.Indicator, indicator.Code, StringComparison.OrdinalIgnoreCase) && expected.Contains(figure.Jurisdiction) && CanAdd(indicator, figure))
                .GroupBy(figure => figure.Jurisdiction, StringComparer.Ordinal)
                .Select(group => group.Last())
                .ToList();
            if (usable.Count == 0)
            {
                continue;
            }

            var covered = usable.Select(figure => figure.Jurisdiction).ToHashSet(StringComparer.Ordinal);
            var coverage = new Coverage(covered.Count, expected.Count, [.. expected.Where(id => !covered.Contains(id))]);
            rolled.Add(new RolledUp(Scorer.ScoreOne(indicator, CommuneRollUp.Sum(indicator, usable), period), coverage));
        }

        return rolled;
    }

    /// <summary>
    /// The places under <paramref name="place"/> whose reports of <paramref name="indicator"/> its sum is made of, in the
    /// tree's order: going down each branch, the lowest places at a level that reports the indicator. Those that exist in
    /// <paramref name="period"/>; with no period, those that ever did (what a page of every period may show).
    /// </summary>
    public static IReadOnlyList<string> Contributors(PlaceTree places, string place, Indicator indicator, Period? period = null)
    {
        var found = new List<string>();
        foreach (var child in places.ChildrenOf(place, period))
        {
            var below = Contributors(places, child.Id, indicator, period);
            if (below.Count > 0)
            {
                found.AddRange(below);
            }
            else if (indicator.IsReportedAtLevel(child.Level))
            {
                found.Add(child.Id);
            }
        }

        return found;
    }

    /// <summary>A rate adds in with its numerator and denominator (or as a 0/0, covered and adding nothing); a count with its value.</summary>
    internal static bool CanAdd(Indicator indicator, CommuneFigure figure) =>
        indicator.Unit.RatioScale is null ? figure.Value is not null : figure.Counts is not null || figure.Value is null;
}
