using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Documents.Dashboard;

/// <summary>
/// Which periods a place's page can show and which it shows first. The district's page opens on the latest period
/// with the district's own figures: a commune's newer report (its sums, its row in the comparison) must not hide
/// the results the departments reported for the year before.
/// </summary>
public static class PagePeriods
{
    /// <summary>
    /// The period a page shows when none is asked for: the latest with the place's own reported figures, else the
    /// latest with any result (the communes' sums), else the latest any commune reported for; null when nothing is stored.
    /// </summary>
    public static Period? Default(DashboardInput input) =>
        Latest(input.Results.Where(result => result.Source == FigureSource.Reported).Select(result => result.Period))
        ?? Latest(input.Results.Select(result => result.Period))
        ?? Latest(CommunePeriods(input));

    /// <summary>Every period with a result on the page (the place's own, the communes' sums, a commune's report), oldest first.</summary>
    public static IReadOnlyList<Period> WithResults(DashboardInput input) =>
        [.. input.Results.Select(result => result.Period).Concat(CommunePeriods(input)).Distinct().Order()];

    /// <summary>The period the page shows: the one asked for, else the default.</summary>
    public static Period? Shown(DashboardInput input) => input.Period ?? Default(input);

    private static IEnumerable<Period> CommunePeriods(DashboardInput input) =>
        (input.CommuneResults ?? new Dictionary<string, IReadOnlyList<DashboardResult>>()).Values.SelectMany(results => results).Select(result => result.Period);

    private static Period? Latest(IEnumerable<Period> periods) => periods.Select(period => (Period?)period).Max();
}
