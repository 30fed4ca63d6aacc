using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Documents.Dashboard;

/// <summary>One indicator's result for one period, as the scorecard page shows it.</summary>
/// <param name="Indicator">The code.</param>
/// <param name="Period">The period.</param>
/// <param name="Status">The status.</param>
/// <param name="Value">The value, or null when not applicable.</param>
/// <param name="Explanation">The sentence in both languages.</param>
/// <param name="Source">Reported by a unit, or (for the district) added up from the communes' reports.</param>
/// <param name="Coverage">For a figure added up from the communes, which of them it covers.</param>
public sealed record DashboardResult(
    string Indicator, Period Period, Status Status, decimal? Value, LocalizedText Explanation, FigureSource Source = FigureSource.Reported, Coverage? Coverage = null);

/// <summary>A report that arrived.</summary>
/// <param name="Period">Its period.</param>
/// <param name="Unit">The unit that sent it, or null when unknown (offline files).</param>
/// <param name="File">The file or blob name.</param>
/// <param name="ReceivedAt">When it arrived, where known.</param>
/// <param name="OnTime">Whether it arrived before the deadline, where known.</param>
/// <param name="Jurisdiction">The place it covers, where known: a committee's report counts for its own commune.</param>
/// <param name="Arrival">
/// Its arrival number, where known: the order reports arrived in, exact where <paramref name="ReceivedAt"/> (to the
/// second) ties.
/// </param>
/// <param name="Decision">Where the plan requires approval, the decision about it (null while it awaits one).</param>
public sealed record DashboardReport(
    Period Period, string? Unit, string File, DateTimeOffset? ReceivedAt, bool? OnTime, string? Jurisdiction = null, long? Arrival = null,
    Core.Approval.DecisionStamp? Decision = null);

/// <summary>Everything the scorecard page of one place shows.</summary>
/// <param name="Rules">The rules: the plan, its goals and the units' names.</param>
/// <param name="Plan">The plan shown.</param>
/// <param name="Jurisdiction">The place.</param>
/// <param name="Results">The latest result per indicator and period for the place.</param>
/// <param name="Reports">The reports that arrived for the place.</param>
/// <param name="Today">The date the page is made, Vietnam time: decides which deadlines have passed.</param>
/// <param name="GeneratedAt">When the page is made.</param>
/// <param name="OtherPages">Other places' pages to link to (id and file name).</param>
/// <param name="CommuneResults">
/// For the district's page: each commune's latest reported results by commune id, for the comparison of communes;
/// empty elsewhere.
/// </param>
/// <param name="ProvinceReports">The province report files published beside the page (site-relative), for the district's page to link to.</param>
/// <param name="ShowsFileNames">
/// Whether the page may name the report files: only on the coordinator's own page made from files
/// (<c>genderplan dashboard</c>). Published pages are public, and a file's name can be a person's name and phone number.
/// </param>
/// <param name="Period">The period asked for (<c>?period=2019</c>, a per-period file); null for the default (<see cref="PagePeriods.Default"/>).</param>
/// <param name="PeriodLinks">Where the page's period choice leads; null for a page without the choice (one file made from report files).</param>
/// <param name="FollowUps">
/// The follow-up cases of the place and of the places below it, every period, open or closed: each card shows what the
/// units do about its indicator in the period shown, and the province report says what was done. Null (none) for a page
/// made from report files, which has no workflow behind it.
/// </param>
public sealed record DashboardInput(
    RuleBook Rules,
    Plan Plan,
    string Jurisdiction,
    IReadOnlyList<DashboardResult> Results,
    IReadOnlyList<DashboardReport> Reports,
    DateOnly Today,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<(string Jurisdiction, string File)> OtherPages,
    IReadOnlyDictionary<string, IReadOnlyList<DashboardResult>>? CommuneResults = null,
    IReadOnlyList<PublishedReportFile>? ProvinceReports = null,
    bool ShowsFileNames = false,
    Period? Period = null,
    PeriodLinks? PeriodLinks = null,
    IReadOnlyList<FollowUpCase>? FollowUps = null);

/// <summary>A file of the province report published with the site.</summary>
/// <param name="Period">The period it reports.</param>
/// <param name="Path">Its path relative to the page (<c>bao-cao/bao-cao-dak-to-2019.xlsx</c>).</param>
public sealed record PublishedReportFile(Period Period, string Path);
