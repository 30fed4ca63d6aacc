using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Documents.Alerts;

/// <summary>
/// What the email templates in <c>Templates/</c> read, one record per family of emails. The composer fills
/// them with plain text (names, file names, formatted values); the templates escape it for HTML, and write it
/// as it is in the plain-text part.
/// </summary>
/// <param name="Subject">The subject, also the HTML part's title.</param>
internal abstract record EmailModel(string Subject);

/// <summary>An alert or a resolved notice about one report (<c>alert</c>, <c>resolved</c>).</summary>
internal sealed record ReportEmail(
    string Subject,
    LocalizedText Unit,
    string File,
    string Place,
    LocalizedText Period,
    int TargetYear,
    IReadOnlyList<ScoreLine> Scores,
    string? ScorecardUrl,
    IReadOnlyList<ScoreLine>? Watch = null,
    bool Commune = false,
    string? UploadLink = null) : EmailModel(Subject);

/// <summary>
/// A notice that the district's reported figure and the communes' sum disagree (<c>discrepancy</c>): both figures,
/// how much of the district the sum covers, and the tolerance they exceed.
/// </summary>
internal sealed record DiscrepancyEmail(
    string Subject,
    string Code,
    LocalizedText Name,
    string Place,
    LocalizedText Period,
    LocalizedText Reported,
    LocalizedText Communes,
    LocalizedText Coverage,
    LocalizedText Tolerance,
    LocalizedText Lead,
    LocalizedText Coordinator) : EmailModel(Subject);

/// <summary>The coordinator's summary of a new rules version (<c>rules-changed</c>).</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Version">The version now in force.</param>
/// <param name="Author">Who made it active.</param>
/// <param name="Diff">The rules' changes, one line each (Vietnamese).</param>
/// <param name="Changes">The verdicts that change.</param>
/// <param name="More">How many more verdicts change than are listed.</param>
internal sealed record RulesChangedEmail(
    string Subject,
    string Version,
    string Author,
    IReadOnlyList<string> Diff,
    IReadOnlyList<VerdictLine> Changes,
    int More) : EmailModel(Subject);

/// <summary>One verdict a rules version changed, as the summary lists it.</summary>
internal sealed record VerdictLine(string Code, string Place, LocalizedText Period, StatusPresentation? From, StatusPresentation? To);

/// <summary>The province report of a period, sent to the coordinator with its files attached (<c>province-report</c>).</summary>
internal sealed record ProvinceReportEmail(
    string Subject,
    LocalizedText Coordinator,
    string District,
    LocalizedText Period,
    string Workbook,
    string Draft,
    int Indicators,
    int Met,
    int OnTrack,
    int Behind,
    int NotReported,
    int Owed,
    int Received,
    int Late,
    string? ScorecardUrl) : EmailModel(Subject);

/// <summary>A reminder or an overdue notice (<c>reminder</c>, <c>overdue</c>).</summary>
internal sealed record DeadlineEmail(
    string Subject,
    LocalizedText Unit,
    LocalizedText ReportKind,
    LocalizedText Period,
    string Deadline,
    int DaysLeft,
    string? ScorecardUrl = null,
    string? UploadLink = null) : EmailModel(Subject);

/// <summary>A file that could not be used, with its problems (<c>rejected</c>, <c>rules-refused</c>, <c>processing-failed</c>).</summary>
/// <param name="Subject">The subject.</param>
/// <param name="File">The file's name as uploaded.</param>
/// <param name="ActiveVersion">The rules version that stays in force, for a refused rules file.</param>
/// <param name="Count">How many problems there are in all.</param>
/// <param name="Problems">The problems shown.</param>
/// <param name="More">How many more there are than shown.</param>
internal sealed record ProblemEmail(
    string Subject,
    string File,
    string? ActiveVersion,
    int Count,
    IReadOnlyList<LocalizedText> Problems,
    int More) : EmailModel(Subject);

/// <summary>One indicator's row in an alert, in both languages.</summary>
internal sealed record ScoreLine(
    string Code,
    LocalizedText Name,
    LocalizedText Value,
    LocalizedText Target,
    LocalizedText Expected,
    StatusPresentation Status,
    LocalizedText Explanation)
{
    /// <summary>The row of <paramref name="score"/>: a 0/0 has no value, a met or unmeasurable indicator no expected value.</summary>
    public static ScoreLine Of(IndicatorScore score)
    {
        var indicator = score.Indicator;
        LocalizedText Format(decimal? value, string none) => value is { } known
            ? new(ScoreExplainer.FormatValue(indicator, known, Language.Vietnamese), ScoreExplainer.FormatValue(indicator, known, Language.English))
            : new(none, none);
        return new ScoreLine(
            indicator.Code,
            indicator.Name,
            Format(score.Value, "0/0"),
            Format(indicator.Target, ""),
            Format(score.Expected, "–"),
            StatusPresentation.Of(score.Status),
            ScoreExplainer.Explain(score));
    }
}
