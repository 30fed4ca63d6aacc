using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Scoring;

/// <summary>
/// A figure of a place for a period before it existed, added up from the places it was formed from: what a new commune
/// is compared with across a reform (its baseline, last year's figure).
/// </summary>
/// <param name="Place">The new place the figure stands for.</param>
/// <param name="Score">The added-up value, scored for the period like any reported one.</param>
/// <param name="Coverage">Which of the former places' figures went into it.</param>
/// <param name="Predecessors">The former places it is added up from, in the order the new place names them.</param>
/// <param name="Explanation">What the figure is, in words an official reads beside it.</param>
public sealed record CarriedOver(string Place, IndicatorScore Score, Coverage Coverage, IReadOnlyList<Jurisdiction> Predecessors, LocalizedText Explanation);

/// <summary>
/// Compares a place across the change that formed it. Reports made before a reform stay under the places that made
/// them and are never rewritten; when a new commune's figure is compared with an earlier period, the earlier figure is
/// the sum of its predecessors' numerators and denominators (a count: their sum), exactly as a district is added up
/// from its communes, with the same coverage rule, and its explanation says so: "gộp từ 4 đơn vị cũ: Thị trấn Đăk Tô,
/// Xã Tân Cảnh, Xã Pô Kô, Xã Diên Bình". A predecessor that was itself formed from others, before its own time, is
/// followed back to them.
/// </summary>
public static class SuccessionSum
{
    /// <summary>
    /// The figure of <paramref name="place"/> for <paramref name="period"/> added up from the places it was formed from,
    /// or null when the place existed in that period (its own report is its figure), was formed from nothing, or none
    /// of its predecessors has a figure that adds up.
    /// </summary>
    /// <param name="places">The places over time (<see cref="RuleBook.PlaceHistory"/>).</param>
    /// <param name="place">The new place.</param>
    /// <param name="indicator">The indicator compared.</param>
    /// <param name="period">The earlier period.</param>
    /// <param name="figures">The former places' figures for that period, as their reports gave them.</param>
    public static CarriedOver? Compute(PlaceTree places, string place, Indicator indicator, Period period, IReadOnlyList<CommuneFigure> figures)
    {
        if (places.Find(place) is not { } successor || successor.ExistsIn(period) || indicator.Unit.IsCategory)
        {
            return null;
        }

        var predecessors = FormerPlaces(places, successor, period);
        if (predecessors.Count == 0)
        {
            return null;
        }

        var expected = predecessors.Select(former => former.Id).ToList();
        var usable = figures
            .Where(figure => string.Equals(figure.Indicator, indicator.Code, StringComparison.OrdinalIgnoreCase) && expected.Contains(figure.Jurisdiction) && PlaceRollUp.CanAdd(indicator, figure))
            .GroupBy(figure => figure.Jurisdiction, StringComparer.Ordinal)
            .Select(group => group.Last())
            .ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        var covered = usable.Select(figure => figure.Jurisdiction).ToHashSet(StringComparer.Ordinal);
        var coverage = new Coverage(covered.Count, expected.Count, [.. expected.Where(id => !covered.Contains(id))]);
        var score = Scorer.ScoreOne(indicator, CommuneRollUp.Sum(indicator, usable), period);
        return new CarriedOver(successor.Id, score, coverage, predecessors, Explain(predecessors, coverage));
    }

    /// <summary>
    /// The places whose reports of <paramref name="period"/> stand for <paramref name="place"/>: those it was formed from
    /// that existed then, and for one that did not exist yet either, the places that one was formed from, in order.
    /// </summary>
    public static IReadOnlyList<Jurisdiction> FormerPlaces(PlaceTree places, Jurisdiction place, Period period)
    {
        var found = new List<Jurisdiction>();
        foreach (var former in places.PredecessorsOf(place.Id))
        {
            if (former.ExistsIn(period))
            {
                found.Add(former);
            }
            else
            {
                found.AddRange(FormerPlaces(places, former, period));
            }
        }

        return found;
    }

    /// <summary>
    /// "gộp từ 4 đơn vị cũ: Thị trấn Đăk Tô, Xã Tân Cảnh, Xã Pô Kô, Xã Diên Bình", and where a former place has no figure,
    /// "thiếu: Xã Pô Kô", so a reader never takes three communes' sum for four.
    /// </summary>
    public static LocalizedText Explain(IReadOnlyList<Jurisdiction> predecessors, Coverage coverage)
    {
        var names = string.Join(", ", predecessors.Select(former => former.Name));
        var count = predecessors.Count;
        if (coverage.Missing.Count == 0)
        {
            return new($"gộp từ {count} đơn vị cũ: {names}", $"added up from {count} former units: {names}");
        }

        var missing = string.Join(", ", coverage.Missing.Select(id => predecessors.First(former => former.Id == id).Name));
        return new(
            $"gộp từ {count} đơn vị cũ: {names}; có số liệu {coverage.Reported}/{coverage.Expected}, thiếu: {missing}",
            $"added up from {count} former units: {names}; {coverage.Reported} of {coverage.Expected} reported, missing: {missing}");
    }
}
