using GenderPlan.Core.Scoring;
using GenderPlan.Documents.Alerts;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// A scored card on its way to storage and to people: a new report, a report scored again after a rules change,
/// or a place's figures added up from the places below it. All three go through <see cref="VerdictRecorder"/>.
/// </summary>
/// <param name="Card">The verdicts.</param>
/// <param name="Report">The report as alerts name it; its key is the source of every message it causes.</param>
/// <param name="AlertPlace">Where the once-per-status state is kept: the place itself, or its sums' own place (<see cref="Core.Scoring.CommuneRollUp.AlertPlaceOf"/>).</param>
/// <param name="Figures">How the results are stored.</param>
public sealed record ScoredCard(Scorecard Card, ReportReference Report, string AlertPlace, FiguresToStore Figures);

/// <summary>How a scored card's results are stored.</summary>
public abstract record FiguresToStore;

/// <summary>A unit's reported figures: latest results and history, and, for a new report, its log entry (written last).</summary>
/// <param name="ReportKey">The report the figures come from.</param>
/// <param name="Unit">The unit that sent it.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Arrival">Its arrival number, which decides whether its figures are the latest (see <see cref="UploadLog"/>).</param>
/// <param name="RescoredBy">The rules activation that scored it again, or null for a new report.</param>
/// <param name="Log">The report log's entry of a new report; null when scoring again.</param>
public sealed record ReportedFigures(string ReportKey, string Unit, DateTimeOffset ReceivedAt, long Arrival, string? RescoredBy, ReportRecord? Log) : FiguresToStore;

/// <summary>A place's figures added up from the places below it (the district's from its communes), and the sums no place below supports any more.</summary>
/// <param name="RolledUp">The sums with their coverage.</param>
/// <param name="Stale">Indicators whose stored sum is taken away.</param>
/// <param name="RulesVersion">The plan version that scored them.</param>
/// <param name="ComputedAt">When they were added up.</param>
/// <param name="Basis">The total of the arrival numbers of the results below the place that were read (<see cref="ResultStore.BasisOf"/>).</param>
public sealed record CommuneSums(IReadOnlyList<RolledUp> RolledUp, IReadOnlyList<string> Stale, string RulesVersion, DateTimeOffset ComputedAt, long Basis) : FiguresToStore;
