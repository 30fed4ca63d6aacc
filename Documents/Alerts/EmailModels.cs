using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Documents.Alerts;

/// <summary>
/// What the email templates in <c>Templates/</c> read, one record per family of emails. The composer fills
/// them with plain text (names, formatted values); the templates escape it for HTML, and write it as it is in
/// the plain-text part. Texts a template may need in either language stay <see cref="LocalizedText"/> and the
/// template picks the letter's language (<c>x[lang]</c>); only one language is ever written.
/// </summary>
/// <param name="Subject">The subject (the letter's "V/v ..." line), also the HTML part's title.</param>
internal abstract record EmailModel(string Subject)
{
    /// <summary>The letter around the body: language, addressee, signing office and copies. Set by the composer.</summary>
    public Letter Letter { get; init; } = Letter.None;
}

/// <summary>
/// The frame of every email, as a district office writes a letter (công văn): who it is to ("Kính gửi:"), the
/// office that signs it (the plan's coordinator, under its People's Committee) and who else receives it
/// ("Nơi nhận"), all in the addressee's one language.
/// </summary>
/// <param name="Lang"><c>vi</c> or <c>en</c>: the language every part of this email is written in.</param>
/// <param name="Recipient">The addressee's name, as "Kính gửi:" names it.</param>
/// <param name="Office">The signing office: the plan's coordinator as <c>units.json</c> names it.</param>
/// <param name="Parent">The body the office belongs to (the plan's adopting People's Committee), or null.</param>
/// <param name="Copies">The units copied, by name, for the "Nơi nhận" list after "Như trên".</param>
/// <param name="Archive">Whether the office keeps a copy ("Lưu: VT." closes "Nơi nhận", as on a paper letter).</param>
/// <param name="Self">Whether the letter is addressed to the signing office itself (it leads the indicators concerned).</param>
internal sealed record Letter(string Lang, string Recipient, string Office, string? Parent, IReadOnlyList<string> Copies, bool Archive = false, bool Self = false)
{
    /// <summary>An empty frame, replaced by the composer before any email is rendered.</summary>
    public static readonly Letter None = new("vi", "", "", null, []);

    /// <summary>The template code of <paramref name="language"/>.</summary>
    public static string Code(Language language) => language == Language.English ? "en" : "vi";
}

/// <summary>Why indicators alerted before are no longer behind: the resolved notice says which, never credits a report for a lowered target.</summary>
public enum ResolvedBecause
{
    /// <summary>A later report's figure meets the path: the unit's work improved it.</summary>
    FigureImproved,

    /// <summary>The same figures, scored by new rules (a changed target or path), now pass: nothing the unit did.</summary>
    RulesChanged,
}

/// <summary>An alert or a resolved notice about one report (<c>alert</c>, <c>resolved</c>).</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Unit">The unit asked to act (the lead department, or the commune's committee).</param>
/// <param name="Place">The place, as written inside a sentence ("huyện Đăk Tô").</param>
/// <param name="Period">The period.</param>
/// <param name="Plan">The plan, cited as the letter cites it.</param>
/// <param name="TargetYear">The indicators' target year, for the table's heading.</param>
/// <param name="Scores">The indicators behind (or recovered).</param>
/// <param name="ScorecardUrl">The scorecard page, or null.</param>
/// <param name="Office">The coordinator office the unit reports back to.</param>
/// <param name="ReplyBy">The date the unit is asked to report back by (dd/MM/yyyy).</param>
/// <param name="Watch">Indicators within the margin of chance, to watch.</param>
/// <param name="Commune">Whether the report is a commune's.</param>
/// <param name="UploadLink">The slot of the unit's own upload link, or null.</param>
/// <param name="Because">For a resolved notice: <c>figure</c> or <c>rules</c> (<see cref="ResolvedBecause"/>).</param>
/// <param name="FollowUpLink">For an alert: the slot of the link to the unit's follow-up page, or null.</param>
internal sealed record ReportEmail(
    string Subject,
    LocalizedText Unit,
    LocalizedText Place,
    LocalizedText Period,
    LocalizedText Plan,
    int TargetYear,
    IReadOnlyList<ScoreLine> Scores,
    string? ScorecardUrl,
    LocalizedText Office,
    string ReplyBy,
    IReadOnlyList<ScoreLine>? Watch = null,
    bool Commune = false,
    string? UploadLink = null,
    string Because = "figure",
    string? FollowUpLink = null) : EmailModel(Subject);

/// <summary>
/// A notice that the district's reported figure and the communes' sum disagree (<c>discrepancy</c>): both figures,
/// how much of the district the sum covers, and the tolerance they exceed.
/// </summary>
/// <param name="Subject">The subject.</param>
/// <param name="Name">The indicator's name.</param>
/// <param name="Place">The place whose own figure was reported, inside a sentence ("huyện Đăk Tô").</param>
/// <param name="Level">That place's kind, whose figure the letter calls it ("số liệu huyện báo cáo", "số liệu xã báo cáo").</param>
/// <param name="Below">The places the sum is made of, by their kinds ("các xã, thị trấn", "các xã, phường").</param>
/// <param name="Period">The period.</param>
/// <param name="Reported">The place's own figure.</param>
/// <param name="Communes">The sum of the places below.</param>
/// <param name="Coverage">How many of the places below the sum covers.</param>
/// <param name="Tolerance">The difference allowed.</param>
/// <param name="Lead">The lead department asked to reconcile the figures.</param>
/// <param name="Office">The coordinator office it reports back to.</param>
/// <param name="ReplyBy">The date it is asked to report back by.</param>
internal sealed record DiscrepancyEmail(
    string Subject,
    LocalizedText Name,
    LocalizedText Place,
    LocalizedText Level,
    LocalizedText Below,
    LocalizedText Period,
    LocalizedText Reported,
    LocalizedText Communes,
    LocalizedText Coverage,
    LocalizedText Tolerance,
    LocalizedText Lead,
    LocalizedText Office,
    string ReplyBy) : EmailModel(Subject);

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
    LocalizedText Author,
    IReadOnlyList<string> Diff,
    IReadOnlyList<VerdictLine> Changes,
    int More) : EmailModel(Subject);

/// <summary>One verdict a rules version changed, as the summary lists it: the indicator by name, never its code.</summary>
internal sealed record VerdictLine(LocalizedText Name, string Place, LocalizedText Period, StatusPresentation? From, StatusPresentation? To);

/// <summary>The province report of a period, sent to the coordinator with its files attached (<c>province-report</c>).</summary>
/// <remarks>
/// <c>Committee</c> is the People's Committee of the plan's own place, which the report goes to beside the body above
/// (<c>ReportsTo</c>): "UBND huyện" for a district's plan, "UBND xã" for a commune's, "UBND tỉnh" for a province's.
/// </remarks>
internal sealed record ProvinceReportEmail(
    string Subject,
    LocalizedText Coordinator,
    string District,
    LocalizedText Period,
    LocalizedText ReportsTo,
    LocalizedText Committee,
    int Targets,
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
    LocalizedText Plan,
    LocalizedText Office,
    string Deadline,
    int DaysLeft,
    string ReplyBy,
    string? ScorecardUrl = null,
    string? UploadLink = null) : EmailModel(Subject);

/// <summary>A letter that a report was returned (<c>returned</c>), with the reason and the unit's upload link.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Unit">The unit whose report it was.</param>
/// <param name="ReportKind">"báo cáo năm" / "báo cáo 6 tháng".</param>
/// <param name="Period">The period.</param>
/// <param name="Place">The place the report was for, as written inside a sentence.</param>
/// <param name="Plan">The plan, cited as the letter cites it.</param>
/// <param name="Office">The coordinator office.</param>
/// <param name="DecidedBy">The unit that returned it (the coordinator, or the commune's committee).</param>
/// <param name="Received">The day the report arrived.</param>
/// <param name="Decided">The day it was returned.</param>
/// <param name="Reason">Why, as the decider wrote it.</param>
/// <param name="ReplyBy">The date a corrected report is asked for.</param>
/// <param name="ScorecardUrl">The scorecard page, or null.</param>
/// <param name="UploadLink">The slot of the unit's own upload link, or null.</param>
internal sealed record ReturnedEmail(
    string Subject,
    LocalizedText Unit,
    LocalizedText ReportKind,
    LocalizedText Period,
    LocalizedText Place,
    LocalizedText Plan,
    LocalizedText Office,
    LocalizedText DecidedBy,
    string Received,
    string Decided,
    string Reason,
    string ReplyBy,
    string? ScorecardUrl = null,
    string? UploadLink = null) : EmailModel(Subject);

/// <summary>A file that could not be used, with its problems (<c>rejected</c>, <c>rules-refused</c>, <c>processing-failed</c>).</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Unit">The unit that sent it, or null when unknown.</param>
/// <param name="ActiveVersion">The rules version that stays in force, for a refused rules file.</param>
/// <param name="Count">How many problems there are in all.</param>
/// <param name="Problems">The problems shown, each without the file's name.</param>
/// <param name="More">How many more there are than shown.</param>
internal sealed record ProblemEmail(
    string Subject,
    LocalizedText? Unit,
    string? ActiveVersion,
    int Count,
    IReadOnlyList<LocalizedText> Problems,
    int More) : EmailModel(Subject);

/// <summary>One indicator's row in an alert, in both languages; the template writes the letter's one.</summary>
internal sealed record ScoreLine(
    LocalizedText Name,
    LocalizedText Value,
    LocalizedText Target,
    LocalizedText Expected,
    bool HasExpected,
    StatusPresentation Status,
    LocalizedText Explanation)
{
    /// <summary>
    /// The row of <paramref name="score"/>: a 0/0 has no value, a met or unmeasurable indicator no expected value; the target
    /// is the milestone in force for the period, with its year when <paramref name="withYear"/> (the letter's indicators have
    /// milestones of different years, so the table's heading cannot name one).
    /// </summary>
    public static ScoreLine Of(IndicatorScore score, bool withYear = false)
    {
        var indicator = score.Indicator;
        LocalizedText Format(decimal? value, string none) => value is { } known
            ? new(ScoreExplainer.FormatValue(indicator, known, Language.Vietnamese), ScoreExplainer.FormatValue(indicator, known, Language.English))
            : new(none, none);
        // A ceiling reads "không quá 25 trên 100 trẻ đẻ sống", as the plan writes it, and so does what the period allows.
        var ceiling = indicator.Direction == Direction.AtMost && !indicator.Unit.IsCategory;
        LocalizedText Limit(LocalizedText text) => ceiling ? new("không quá " + text.Vi, "at most " + text.En) : text;
        return new ScoreLine(
            indicator.Name,
            Format(score.Value, "0/0"),
            WithYear(Limit(Format(score.Milestone.Target, "")), withYear ? score.Milestone.Year : null),
            score.Expected is null ? Format(null, "–") : Limit(Format(score.Expected, "–")),
            score.Expected is not null,
            StatusPresentation.Of(score.Status),
            ScoreExplainer.Explain(score));
    }

    private static LocalizedText WithYear(LocalizedText target, int? year) =>
        year is { } known ? new($"{target.Vi} (năm {known})", $"{target.En} (by {known})") : target;
}

/// <summary>One follow-up case as a reminder or a digest lists it.</summary>
/// <param name="Indicator">The indicator's name.</param>
/// <param name="Place">The place, inside a sentence.</param>
/// <param name="Period">The period.</param>
/// <param name="Unit">The unit that must act.</param>
/// <param name="State">The state in Vietnamese or English.</param>
/// <param name="Opened">The day it was opened (dd/MM/yyyy).</param>
/// <param name="Action">The unit's action, or null.</param>
/// <param name="ExpectedBy">The expected date (dd/MM/yyyy), or null.</param>
internal sealed record CaseLine(LocalizedText Indicator, LocalizedText Place, LocalizedText Period, LocalizedText Unit, LocalizedText State, string Opened, string? Action, string? ExpectedBy);

/// <summary>
/// A reminder to a unit that it has not said what it will do about an alert (<c>follow-up-reminder</c>), and the
/// coordinator's weekly digest of escalated and overdue cases (<c>follow-up-digest</c>).
/// </summary>
/// <param name="Subject">The subject.</param>
/// <param name="Unit">The addressee.</param>
/// <param name="Office">The coordinator office.</param>
/// <param name="Cases">The cases.</param>
/// <param name="Escalation">For a reminder: the day the case goes to the coordinator (dd/MM/yyyy).</param>
/// <param name="FollowUpLink">The slot of the unit's follow-up link, or null.</param>
/// <param name="Week">For a digest: the ISO week it covers.</param>
internal sealed record FollowUpEmail(
    string Subject, LocalizedText Unit, LocalizedText Office, IReadOnlyList<CaseLine> Cases, string? Escalation = null, string? FollowUpLink = null, string? Week = null) : EmailModel(Subject);
