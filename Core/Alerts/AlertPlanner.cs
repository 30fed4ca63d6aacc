using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Alerts;

/// <summary>What one scored report changes for its lead units.</summary>
/// <param name="Behind">Indicators newly falling behind or off track, or whose bad status changed.</param>
/// <param name="Recovered">Indicators that were alerted before and are now met or on track.</param>
/// <param name="States">The alerted status to remember per indicator afterwards; null forgets it.</param>
public sealed record AlertPlan(
    IReadOnlyList<IndicatorScore> Behind,
    IReadOnlyList<IndicatorScore> Recovered,
    IReadOnlyDictionary<string, Status?> States);

/// <summary>
/// Decides whom to tell, so that units are alerted once, not on every run: an indicator is alerted when it
/// first falls behind (per place and period) and again only if its status changes; one that recovers gets
/// a short "resolved" notice. A figure that changes only at elections is alerted only in the reports of an election
/// year: its result stands for the term, and telling the lead unit every half year about a council nobody can
/// re-elect before the next election would teach it to ignore alerts. Its verdict still shows on the pages and in the
/// report to the province.
/// </summary>
public static class AlertPlanner
{
    /// <summary>Compares <paramref name="card"/> with the statuses alerted before for the same place and period.</summary>
    public static AlertPlan Plan(Scorecard card, IReadOnlyDictionary<string, Status> alertedBefore)
    {
        var behind = new List<IndicatorScore>();
        var recovered = new List<IndicatorScore>();
        var states = new Dictionary<string, Status?>(StringComparer.Ordinal);
        foreach (var score in card.Scores)
        {
            var code = score.Indicator.Code;
            var known = alertedBefore.TryGetValue(code, out var before);
            if (score.Status.NeedsAttention() && WorthTelling(score))
            {
                if (!known || before != score.Status)
                {
                    behind.Add(score);
                    states[code] = score.Status;
                }
            }
            else if (known && score.Status is Status.Met or Status.OnTrack)
            {
                recovered.Add(score);
                states[code] = null;
            }
        }

        return new AlertPlan(behind, recovered, states);
    }

    /// <summary>Whether the lead can act on this verdict now: always, except for an elected figure outside an election year.</summary>
    private static bool WorthTelling(IndicatorScore score) =>
        !score.Indicator.ChangesOnlyAtElections || score.Indicator.Definition.ElectionYears!.Contains(score.Period.Year);
}
