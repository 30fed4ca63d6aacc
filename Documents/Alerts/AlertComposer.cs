using System.Security.Cryptography;
using System.Text;
using GenderPlan.Core.Alerts;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Core.Plans;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Text;
using GenderPlan.Documents.Email;

namespace GenderPlan.Documents.Alerts;

/// <summary>The report an alert is about, as the email names it.</summary>
/// <param name="Key">The stored report's key; alert ids derive from it, so reprocessing finds the same alerts.</param>
/// <param name="File">The file name the unit uploaded; never written in a letter, which names the report by unit, period and place.</param>
/// <param name="Unit">The unit that sent it.</param>
/// <param name="Period">The period.</param>
/// <param name="Jurisdiction">The place's name.</param>
/// <param name="Committee">
/// For a commune's report, the commune's People's Committee (<see cref="RuleBook.CommitteeOf"/>): its alerts go to
/// that committee, not to each lead department, and never to another commune. Null for the district's report.
/// </param>
/// <param name="Coordinator">The coordinator of the report's plan, copied on its alerts; null for the rules' (<see cref="RuleBook.Coordinator"/>).</param>
/// <param name="Resolution">
/// Why an indicator of this card that passes now would pass: a new report's figures (the default), or the same
/// figures scored by new rules (<see cref="ResolvedBecause.RulesChanged"/>), so a resolved notice never credits a
/// unit with a target that was lowered.
/// </param>
public sealed record ReportReference(
    string Key, string File, string Unit, Period Period, string Jurisdiction, string? Committee = null, string? Coordinator = null,
    ResolvedBecause Resolution = ResolvedBecause.FigureImproved);

/// <summary>
/// Writes the product's emails: one alert per lead unit per report (To: the lead unit; Cc: the coordinating
/// units and the plan's coordinator, each address once), resolved notices, reminders, overdue notices and
/// notices of rejected files. Each is an official letter (công văn) from the plan's coordinator office: a
/// "V/v ..." subject, "Kính gửi:" the addressee, indicators by name (never a code or a file name), a request
/// with a date, the office's signature and "Nơi nhận". One language per email: Vietnamese, or English for an
/// addressee whose <c>units.json</c> entry asks for it. HTML with a plain-text part saying the same; every
/// piece of text that came from a file is HTML-escaped, and nothing from a file reaches a header.
/// </summary>
/// <remarks>
/// The composer decides who gets what: recipients, ids and the one-line subjects are made here, never by a
/// template. The bodies come from Liquid templates rendered by Fluid (<see cref="EmailTemplates"/>): one HTML
/// and one plain-text template per kind of email, the HTML one escaping every value. Fluid rather than Razor
/// components because the plain-text part needs a template that does not HTML-escape, and the scorecard page
/// uses the same engine.
/// </remarks>
public sealed class AlertComposer
{
    private readonly RuleBook _rules;
    private readonly string _coordinator;
    private readonly string? _scorecardUrl;
    private readonly bool _uploadLinks;
    private readonly TimeProvider _clock;
    private readonly int _responseDays;

    /// <summary>
    /// Days a unit is given to report back on a request (an alert, an overdue report, figures that disagree), counted
    /// from the day the letter is written: about two weeks, the time a department needs to check its figures and
    /// write back, and short enough to land before the next reporting deadline's reminders.
    /// </summary>
    public const int DefaultResponseDays = 15;

    /// <summary>Creates a composer.</summary>
    /// <param name="rules">The rules whose units directory gives names and addresses.</param>
    /// <param name="scorecardUrl">Where the scorecard page is, for the link in alerts, or null.</param>
    /// <param name="uploadLinks">
    /// Whether reminders, overdue notices and alerts carry the recipient unit's own upload link (made when the
    /// message is sent, in place of <see cref="EmailMessage.UploadLinkSlot"/>); only when the app's address is known.
    /// </param>
    /// <param name="clock">The clock a letter's reply-by date counts from (Vietnam's date); the system's when null.</param>
    /// <param name="responseDays">Days given to report back (<see cref="DefaultResponseDays"/>).</param>
    public AlertComposer(RuleBook rules, string? scorecardUrl, bool uploadLinks = false, TimeProvider? clock = null, int responseDays = DefaultResponseDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(responseDays);
        _rules = rules;
        // The plan's coordinator (Plan.coordinator), copied on every alert and told of every rejected file.
        _coordinator = rules.Coordinator;
        _scorecardUrl = scorecardUrl;
        _uploadLinks = uploadLinks;
        _clock = clock ?? TimeProvider.System;
        _responseDays = responseDays;
    }

    private AlertComposer(AlertComposer other, string coordinator)
    {
        _rules = other._rules;
        _coordinator = coordinator;
        _scorecardUrl = other._scorecardUrl;
        _uploadLinks = other._uploadLinks;
        _clock = other._clock;
        _responseDays = other._responseDays;
    }

    /// <summary>This composer for what concerns one plan: its own coordinator is copied, not the rules' default.</summary>
    private AlertComposer For(string? coordinator) => coordinator is null || coordinator == _coordinator ? this : new AlertComposer(this, coordinator);

    // A report named without its plan's coordinator is signed by the coordinator of a plan of its period, never by a later
    // plan's office (the commune office of 2026 does not write about the district's 2019).
    private string? CoordinatorIn(Period period) => _rules.PlansCovering(period).FirstOrDefault()?.Coordinator;

    private AlertComposer For(string unit, Period period) =>
        For(_rules.FindPlan(period, _rules.FindUnit(unit)?.Jurisdiction ?? "") is { } plan ? plan.Coordinator : _rules.PlansCovering(period).FirstOrDefault()?.Coordinator);

    /// <summary>
    /// The alerts for the indicators of <paramref name="plan"/> that fall behind: for the district, one per lead unit
    /// (Cc its indicators' coordinating units and the coordinator; a group such as <c>ubnd-xa</c> is copied at its
    /// own list address, never expanded); for a commune, one To the commune's committee, Cc the lead of each
    /// indicator concerned and the coordinator.
    /// </summary>
    public IReadOnlyList<EmailMessage> Alerts(ReportReference report, AlertPlan plan) => For(report.Coordinator ?? CoordinatorIn(report.Period)).AlertsFor(report, plan);

    private IReadOnlyList<EmailMessage> AlertsFor(ReportReference report, AlertPlan plan) =>
        plan.Behind.Count == 0 ? []
        : report.Committee is { } committee ? [Alert(report, committee, plan.Behind, CommuneCopies(committee, plan.Behind))]
        : plan.Behind.GroupBy(score => score.Indicator.Lead).Select(group => Alert(report, group.Key, group.ToList(), DistrictCopies(group.ToList()))).ToList();

    /// <summary>The resolved notices for the indicators that recovered, addressed as <see cref="Alerts"/> addresses alerts, copied to the coordinator.</summary>
    public IReadOnlyList<EmailMessage> ResolvedNotices(ReportReference report, AlertPlan plan) => For(report.Coordinator ?? CoordinatorIn(report.Period)).ResolvedFor(report, plan);

    private IReadOnlyList<EmailMessage> ResolvedFor(ReportReference report, AlertPlan plan) =>
        plan.Recovered.Count == 0 ? []
        : report.Committee is { } committee ? [Resolved(report, committee, plan.Recovered, CommuneCopies(committee, plan.Recovered))]
        : plan.Recovered.GroupBy(score => score.Indicator.Lead).Select(group => Resolved(report, group.Key, group.ToList(), [_coordinator])).ToList();

    /// <summary>
    /// The one reminder to a unit that has not answered an alert, before the coordinator hears of it; its follow-up link
    /// is the unit's own (To the unit alone, so a full upload link would be safe, but answering is all it needs).
    /// </summary>
    public EmailMessage FollowUpReminder(FollowUpCase open, DateOnly escalation)
    {
        var plan = PlanOfCase(open);
        var composer = For(plan?.Coordinator ?? CoordinatorIn(PeriodOf(open)));
        var language = composer.LanguageOf([open.Unit]);
        var line = composer.CaseLineOf(open, language);
        var subject = Pick(language, $"V/v đề nghị báo cáo biện pháp khắc phục chỉ tiêu {Lower(line.Indicator.Vi)}", $"Please report the action taken on “{line.Indicator.En}”");
        var model = new FollowUpEmail(subject, composer.UnitNames(open.Unit), composer.UnitNames(composer._coordinator), [line], Date(escalation), _uploadLinks ? EmailMessage.FollowUpLinkSlot : null);
        var message = composer.Build(Id("follow-up-reminder", open.Id, open.OpenedOn.ToString("O", null)), [open.Unit], [], "follow-up-reminder", model);
        return _uploadLinks ? message with { LinkUnit = open.Unit } : message;
    }

    /// <summary>The coordinator's weekly digest of the cases escalated (never answered) or overdue (the action's date passed).</summary>
    public EmailMessage FollowUpDigest(string coordinator, string week, IReadOnlyList<FollowUpCase> cases)
    {
        var composer = For(coordinator);
        var language = composer.LanguageOf([coordinator]);
        var lines = cases.Select(found => composer.CaseLineOf(found, language)).ToList();
        var subject = Pick(language, $"Tổng hợp cảnh báo chưa được khắc phục (tuần {week})", $"Alerts not yet acted on (week {week})");
        var model = new FollowUpEmail(subject, composer.UnitNames(coordinator), composer.UnitNames(coordinator), lines, FollowUpLink: _uploadLinks ? EmailMessage.FollowUpLinkSlot : null, Week: week);
        var message = composer.Build(Id("follow-up-digest", coordinator, week), [coordinator], [], "follow-up-digest", model);
        return _uploadLinks ? message with { LinkUnit = coordinator } : message;
    }

    private static Period PeriodOf(FollowUpCase found) => Period.TryParse(found.Period, out var period) ? period : Period.Annual(found.OpenedOn.Year);

    private Plan? PlanOfCase(FollowUpCase found) => _rules.FindPlan(PeriodOf(found), found.Place);

    private CaseLine CaseLineOf(FollowUpCase found, Language language)
    {
        var period = PeriodOf(found);
        var place = PlanOfCase(found)?.NameOf(found.Place) ?? found.Place;
        var state = new LocalizedText(found.State.Vietnamese(), found.State.Word());
        return new CaseLine(IndicatorName(found.Indicator), Places(OneLine(place)), period.Label, UnitNames(found.Unit), state, Date(found.OpenedOn), found.Action,
            found.ExpectedBy is { } date ? Date(date) : null);
    }

    /// <summary>A reminder that <paramref name="unit"/>'s report for <paramref name="period"/> is due.</summary>
    public EmailMessage Reminder(string unit, Period period, DateOnly today) => For(unit, period).ReminderFor(unit, period, today);

    private EmailMessage ReminderFor(string unit, Period period, DateOnly today)
    {
        var language = LanguageOf([unit]);
        var calendar = CalendarOf(unit, period);
        var deadline = Date(calendar.Deadline(period));
        var kind = ReportKind(period);
        var subject = Pick(language,
            $"V/v đề nghị gửi báo cáo {period.Label.Vi} kết quả thực hiện Kế hoạch hành động bình đẳng giới",
            $"Request for the {kind.En} on the gender-equality action plan, {period.Label.En}");
        var model = new DeadlineEmail(
            subject, UnitNames(unit), kind, period.Label, PlanCitation(PlanOf(period)), UnitNames(_coordinator), deadline,
            calendar.LastDay(period).DayNumber - today.DayNumber, ReplyBy(), _scorecardUrl, LinkFor(unit, []));
        return WithLink(Build(Id("reminder", unit, period.ToString(), today.ToString("O", null)), [unit], [], "reminder", model), unit, []);
    }

    /// <summary>A notice to <paramref name="unit"/> and the coordinator that the report is late.</summary>
    public EmailMessage Overdue(string unit, Period period) => For(unit, period).OverdueFor(unit, period);

    private EmailMessage OverdueFor(string unit, Period period)
    {
        var language = LanguageOf([unit]);
        var subject = Pick(language,
            $"V/v đề nghị gửi báo cáo {period.Label.Vi} kết quả thực hiện Kế hoạch hành động bình đẳng giới (đã quá hạn)",
            $"Overdue: the {ReportKind(period).En} on the gender-equality action plan, {period.Label.En}");
        var model = new DeadlineEmail(
            subject, UnitNames(unit), ReportKind(period), period.Label, PlanCitation(PlanOf(period)), UnitNames(_coordinator),
            Date(CalendarOf(unit, period).Deadline(period)), 0, ReplyBy(), _scorecardUrl, LinkFor(unit, [_coordinator]));
        return WithLink(Build(Id("overdue", unit, period.ToString()), [unit], [_coordinator], "overdue", model), unit, [_coordinator]);
    }

    /// <summary>
    /// A letter to <paramref name="unit"/>, copied to the coordinator, that its report for <paramref name="period"/> was returned
    /// (trả lại) by <paramref name="decidedBy"/> with <paramref name="reason"/>: it no longer counts, and the unit is asked to
    /// send a corrected one through its own link (the coordinator, who may send for anyone, is the only one copied, so the
    /// link may go in). One letter per report returned: its id is the report's key.
    /// </summary>
    public EmailMessage Returned(string reportKey, string unit, Period period, string place, DateTimeOffset receivedAt, string decidedBy, DateTimeOffset decidedAt, string reason) =>
        For(unit, period).ReturnedFor(reportKey, unit, period, place, receivedAt, decidedBy, decidedAt, reason);

    private EmailMessage ReturnedFor(string reportKey, string unit, Period period, string place, DateTimeOffset receivedAt, string decidedBy, DateTimeOffset decidedAt, string reason)
    {
        var language = LanguageOf([unit]);
        var plan = _rules.FindPlan(period, place) ?? PlanOf(period);
        var placeName = plan?.NameOf(place) ?? place;
        var subject = Pick(language,
            $"V/v trả lại báo cáo {period.Label.Vi} kết quả thực hiện Kế hoạch hành động bình đẳng giới",
            $"Your {ReportKind(period).En} on the gender-equality action plan, {period.Label.En}, is returned");
        var copied = decidedBy == _coordinator ? new[] { _coordinator } : [_coordinator, decidedBy];
        copied = [.. copied.Where(other => other != unit).Distinct()];
        var model = new ReturnedEmail(
            subject, UnitNames(unit), ReportKind(period), period.Label, Places(placeName), PlanCitation(plan), UnitNames(_coordinator), UnitNames(decidedBy),
            Date(ReportingCalendar.VietnamDate(receivedAt)), Date(ReportingCalendar.VietnamDate(decidedAt)), reason, ReplyBy(), _scorecardUrl, LinkFor(unit, copied));
        return WithLink(Build(Id("returned", reportKey), [unit], copied, "returned", model), unit, copied);
    }

    /// <summary>
    /// The province report of <paramref name="report"/>'s period To the coordinator, with the workbook and the Word
    /// draft attached. Its id is made of the district and the period only, so the coordinator gets one per period
    /// however often the job runs.
    /// </summary>
    public EmailMessage ProvinceReport(ProvinceReports.ProvinceReport report, EmailAttachment workbook, EmailAttachment draft) =>
        For(report.Plan.Coordinator).ProvinceReportFor(report, workbook, draft);

    private EmailMessage ProvinceReportFor(ProvinceReports.ProvinceReport report, EmailAttachment workbook, EmailAttachment draft)
    {
        var lines = report.Lines.ToList();
        var language = LanguageOf([_coordinator]);
        var district = OneLine(report.District.Name);
        var subject = Pick(language,
            $"V/v dự thảo báo cáo kết quả thực hiện Kế hoạch hành động bình đẳng giới {report.Period.Label.Vi} của {PlaceWords.InSentence(district)}",
            $"Draft report on the gender-equality action plan, {report.Period.Label.En}, {district}");
        var model = new ProvinceReportEmail(
            subject,
            UnitNames(_coordinator),
            district,
            report.Period.Label,
            report.Plan.ReportsTo ?? new LocalizedText("Sở Lao động - Thương binh và Xã hội", "the provincial Department of Labour, Invalids and Social Affairs"),
            report.PlaceWords.Committee,
            report.Goals.Sum(goal => report.TargetsOf(goal).Count),
            lines.Count,
            lines.Count(line => line.Figure?.Status == Status.Met),
            lines.Count(line => line.Figure?.Status == Status.OnTrack),
            lines.Count(line => line.Figure?.Status.NeedsAttention() == true),
            lines.Count(line => line.Figure is null),
            report.Reporting.Count,
            report.Reporting.Count(due => due.State is ProvinceReports.DueState.OnTime or ProvinceReports.DueState.Late),
            report.Reporting.Count(due => due.State == ProvinceReports.DueState.Late),
            _scorecardUrl);
        return Build(Id("province-report", report.District.Id, report.Period.ToString()), [_coordinator], [], "province-report", model) with { Attachments = [workbook, draft] };
    }

    /// <summary>
    /// One notice To the lead department and the coordinator that the district's reported figure of an indicator and
    /// the communes' sum differ by more than the rule's tolerance. Its id is made of the place, period, indicator and the
    /// reported figure, and of the sum once every place below has reported: while some have not, the sum moves with each
    /// sweep of a deadline day, and the lead is told once that the figures so far disagree, not after every sweep; once
    /// all have, the same pair of figures is told once however often it is recomputed, and a changed figure again.
    /// </summary>
    public EmailMessage Discrepancy(Plan plan, Period period, Indicator indicator, decimal reported, decimal communes, Coverage coverage) =>
        For(plan.Coordinator).DiscrepancyFor(plan, period, indicator, reported, communes, coverage);

    private EmailMessage DiscrepancyFor(Plan plan, Period period, Indicator indicator, decimal reported, decimal communes, Coverage coverage)
    {
        var place = OneLine(plan.District.Name);
        // The figure compared is the plan's own place's; the sum is of the places its reports add up from.
        var below = PlaceRollUp.Contributors(plan.Places, plan.District.Id, indicator, period).Select(plan.Places.Find).OfType<Jurisdiction>();
        string Format(decimal value, Language language) => ScoreExplainer.FormatValue(indicator, value, language);
        LocalizedText Both(decimal value) => new(Format(value, Language.Vietnamese), Format(value, Language.English));
        var language = LanguageOf([indicator.Lead, _coordinator]);
        var subject = Pick(language,
            $"V/v đề nghị rà soát, thống nhất số liệu chỉ tiêu {Lower(OneLine(indicator.Name.Vi))} {period.Label.Vi}",
            $"Request to reconcile the figures of “{OneLine(indicator.Name.En)}”, {period.Label.En}");
        var model = new DiscrepancyEmail(
            subject, new LocalizedText(Lower(OneLine(indicator.Name.Vi)), OneLine(indicator.Name.En)), Places(place), PlaceWords.Of(plan.District).Kind,
            PlaceWords.Members(below) ?? PlacesBelowUnknown, period.Label, Both(reported), Both(communes), CoverageText.Describe(plan, coverage),
            Both(indicator.ToleranceFor(reported)), UnitNames(indicator.Lead), UnitNames(_coordinator), ReplyBy());
        return Build(Id("discrepancy", plan.District.Id, period.ToString(), indicator.Code, DiscrepancyFigures(reported, communes, coverage)), [indicator.Lead, _coordinator], [], "discrepancy", model);
    }

    /// <summary>
    /// The figures a disagreement notice's id is made of (<see cref="Discrepancy"/>): the reported figure, and the sum once
    /// every place below has reported. Two notices with the same are the same notice, told once: the sweep's roll-up skips
    /// one it told before rather than store it again.
    /// </summary>
    public static string DiscrepancyFigures(decimal reported, decimal communes, Coverage coverage) =>
        coverage.Missing.Count == 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{reported}|{communes}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{reported}|so-far");

    /// <summary>
    /// A line of the rules' diff as a letter writes it: the rules page lists changes by indicator code and unit id, which
    /// the coordinator edits by; a letter names the indicator, the plan and the units ("Tỷ số giới tính khi sinh: chỉ
    /// tiêu ...", "đơn vị chủ trì Phòng Y tế → Phòng Nội vụ").
    /// </summary>
    private string InWords(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            var head = line[..colon];
            var name = _rules.Plans.Select(plan => plan.FindIndicator(head)?.Name.Vi ?? (plan.Id == head ? plan.Name.Vi : null)).FirstOrDefault(found => found is not null);
            if (name is not null)
            {
                line = $"{name}: {line[(colon + 2)..]}";
            }
        }

        return line.Contains("đơn vị", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(line, "[a-z][a-z0-9-]*", match => _rules.FindUnit(match.Value)?.Name.Vi ?? match.Value)
            : line;
    }

    /// <summary>
    /// A notice to the coordinator (and the sender) that a report file was rejected, listing every problem by row and
    /// column; <paramref name="file"/> is not written in it (the sender knows what it sent, the error file names it).
    /// </summary>
    public EmailMessage Rejected(string key, string file, string? unit, IReadOnlyList<Problem> problems) =>
        ProblemNotice(Id("rejected", key), "rejected", unit, null, problems, null,
            "V/v đề nghị chỉnh sửa, gửi lại báo cáo chưa được tiếp nhận", "Your report was not accepted: please correct it and send it again");

    /// <summary>
    /// The coordinator's summary of a rules version made active: who did it, what the rules changed, and every
    /// verdict that changes with them (the units concerned are alerted as for a new report).
    /// </summary>
    public EmailMessage RulesChanged(string version, DateTimeOffset activatedAt, string? author, IReadOnlyList<string> diff, IReadOnlyList<StatusChange> changes)
    {
        var lines = changes.Take(MaxProblemsShown).Select(change => new VerdictLine(
            IndicatorName(change.Indicator),
            _rules.Plans.FirstOrDefault(plan => plan.HasJurisdiction(change.Jurisdiction))?.NameOf(change.Jurisdiction) is { } place
                ? change.AddedUp ? $"{place} (tổng hợp từ các xã, thị trấn)" : place
                : change.Jurisdiction,
            change.Period.Label,
            StatusPresentation.Of(change.From),
            change.To is { } to ? StatusPresentation.Of(to) : null)).ToList();
        var subject = Pick(LanguageOf([_coordinator]),
            $"V/v áp dụng bộ quy tắc đánh giá mới: {changes.Count} kết quả đánh giá thay đổi",
            $"New evaluation rules in force: {changes.Count} verdict(s) change");
        var model = new RulesChangedEmail(subject, version, author is null ? new("không rõ", "unknown") : new(author, author), [.. diff.Select(InWords)], lines, changes.Count - lines.Count);
        return Build(Id("rules-changed", version, activatedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)), [_coordinator], [], "rules-changed", model);
    }

    /// <summary>A notice that an uploaded rules file was refused and the active rules stay in force.</summary>
    public EmailMessage RulesRefused(string key, string file, string activeVersion, IReadOnlyList<Problem> problems, string? uploaderEmail) =>
        ProblemNotice(Id("rules-refused", key), "rules-refused", null, uploaderEmail, problems, activeVersion,
            "V/v bộ quy tắc đánh giá mới chưa được áp dụng", "The new evaluation rules were not applied");

    /// <summary>A notice that a report could not be processed after repeated attempts.</summary>
    public EmailMessage ProcessingFailed(string key, string file, string? unit, string error) =>
        ProblemNotice(Id("failed", key), "processing-failed", unit, null, [Messages.ProcessingFailed.At(file, null, error)], null,
            "V/v báo cáo chưa xử lý được do sự cố kỹ thuật", "A report could not be processed because of a technical fault", namesFile: false);

    private List<string> DistrictCopies(IReadOnlyList<IndicatorScore> scores) =>
        scores.SelectMany(score => score.Indicator.Coordinating).Append(_coordinator).Distinct().ToList();

    /// <summary>
    /// The lead departments concerned and the coordinator; a group unit among them stands for the commune committees
    /// and is replaced by this commune's own committee (already in To), so no other commune ever hears of it.
    /// </summary>
    private List<string> CommuneCopies(string committee, IReadOnlyList<IndicatorScore> scores) =>
        scores.Select(score => score.Indicator.Lead).Append(_coordinator)
            .Select(unit => _rules.FindUnit(unit) is { Group: not null } ? committee : unit)
            .Where(unit => unit != committee).Distinct().ToList();

    private EmailMessage Alert(ReportReference report, string lead, IReadOnlyList<IndicatorScore> scores, List<string> copied)
    {
        // A figure whose chance interval holds the target is not a failure yet: listed apart, to watch.
        var behind = scores.Where(score => !score.WithinNoise).ToList();
        var watch = scores.Where(score => score.WithinNoise).ToList();
        var language = LanguageOf([lead]);
        var named = Indicators(behind.Count > 0 ? behind : watch, language);
        var subject = behind.Count == 0
            ? Pick(language, $"V/v đề nghị theo dõi tiến độ thực hiện {named}", $"Request to monitor progress on {named}")
            : Pick(language, $"V/v đề nghị rà soát, đẩy nhanh tiến độ thực hiện {named}", $"Request to review and speed up progress on {named}");
        var year = TargetYear(scores);
        var email = About(report, lead, behind, subject, _scorecardUrl, year) with
        {
            Watch = [.. watch.Select(score => ScoreLine.Of(score, year == 0))], Commune = report.Committee is not null, UploadLink = LinkFor(lead, copied),
            FollowUpLink = _uploadLinks ? EmailMessage.FollowUpLinkSlot : null,
        };
        // Every alert opens a case its unit answers through the follow-up link: the unit's token goes in even where the
        // upload link may not (copied units), and then it answers follow-ups only.
        var message = Build(Id("alert", report.Key, lead), [lead], copied, "alert", email);
        return _uploadLinks ? message with { LinkUnit = lead } : message;
    }

    private EmailMessage Resolved(ReportReference report, string lead, IReadOnlyList<IndicatorScore> scores, List<string> copied)
    {
        var language = LanguageOf([lead]);
        var named = Indicators(scores, language);
        var subject = report.Resolution == ResolvedBecause.RulesChanged
            ? Pick(language, $"V/v điều chỉnh kết quả đánh giá {named} do thay đổi mục tiêu, lộ trình", $"Revised assessment of {named} after a change of target")
            : Pick(language, $"V/v kết quả thực hiện {named} đã đạt tiến độ", $"Progress restored on {named}");
        var email = About(report, lead, scores, subject, null) with { Because = report.Resolution == ResolvedBecause.RulesChanged ? "rules" : "figure" };
        return Build(Id("resolved", report.Key, lead), [lead], copied, "resolved", email);
    }

    private ReportEmail About(ReportReference report, string lead, IReadOnlyList<IndicatorScore> scores, string subject, string? scorecardUrl, int? targetYear = null)
    {
        var year = targetYear ?? TargetYear(scores);
        return new(subject, UnitNames(lead), Places(OneLine(report.Jurisdiction)), report.Period.Label, PlanCitation(_rules.FindPlan(report.Period, report.Jurisdiction) ?? PlanOf(report.Period)), year,
            [.. scores.Select(score => ScoreLine.Of(score, year == 0))], scorecardUrl, UnitNames(_coordinator), ReplyBy());
    }

    /// <summary>
    /// The indicators as a subject names them, in words: "chỉ tiêu tỷ số giới tính khi sinh", two joined, and for
    /// more a count with their goal as the plan numbers it ("3 chỉ tiêu thuộc Mục tiêu 4"), since a subject naming
    /// five indicators is read by nobody.
    /// </summary>
    private static string Indicators(IReadOnlyList<IndicatorScore> scores, Language language)
    {
        var names = scores.Select(score => OneLine(score.Indicator.Name.In(language))).Distinct().ToList();
        var goals = scores.Select(score => score.Indicator.Goal).Distinct().ToList();
        var vi = language == Language.Vietnamese;
        return names.Count switch
        {
            0 => vi ? "các chỉ tiêu" : "the indicators",
            1 => vi ? $"chỉ tiêu {Lower(names[0])}" : $"the indicator “{names[0]}”",
            2 when names.Sum(name => name.Length) <= 120 => vi ? $"chỉ tiêu {Lower(names[0])} và chỉ tiêu {Lower(names[1])}" : $"the indicators “{names[0]}” and “{names[1]}”",
            _ when goals.Count == 1 => vi ? $"{names.Count} chỉ tiêu thuộc Mục tiêu {goals[0]}" : $"{names.Count} indicators of goal {goals[0]}",
            _ => vi ? $"{names.Count} chỉ tiêu của Kế hoạch hành động bình đẳng giới" : $"{names.Count} indicators of the gender-equality action plan",
        };
    }

    /// <summary>
    /// The slot for <paramref name="unit"/>'s upload link, or null. A link lets its holder send reports as the unit,
    /// so it goes only into a message no other unit reads: the coordinator, who may send for any unit, is the only
    /// one who may be copied. An alert copied to coordinating units therefore carries the scorecard link alone.
    /// </summary>
    private string? LinkFor(string unit, IReadOnlyList<string> copied) =>
        _uploadLinks && copied.All(other => other == _coordinator) ? EmailMessage.UploadLinkSlot : null;

    private EmailMessage WithLink(EmailMessage message, string unit, IReadOnlyList<string> copied) =>
        LinkFor(unit, copied) is null ? message : message with { LinkUnit = unit };

    // The year of the milestone in force, for the table's heading ("Mục tiêu đến năm 2025"); 0 when the letter's indicators
    // are judged against milestones of different years, and each target then names its own year.
    private static int TargetYear(IReadOnlyList<IndicatorScore> scores) =>
        scores.Select(score => score.Milestone.Year).Distinct().Count() == 1 ? scores[0].Milestone.Year : 0;

    private EmailMessage ProblemNotice(
        string id, string template, string? unit, string? extraAddress, IReadOnlyList<Problem> problems, string? activeVersion, string subjectVi, string subjectEn, bool namesFile = true)
    {
        // A file with thousands of problems would make an email nobody reads; the error file beside it has them all.
        var shown = problems.Take(MaxProblemsShown).Select(problem => ProblemLine(problem, namesFile)).ToList();
        var known = unit is not null && unit != _coordinator && _rules.FindUnit(unit) is not null;
        var to = known ? new[] { _coordinator, unit! } : [_coordinator];
        var subject = Pick(LanguageOf(to), subjectVi, subjectEn);
        return Build(id, to, [], template, new ProblemEmail(subject, known ? UnitNames(unit!) : null, activeVersion, problems.Count, shown, problems.Count - shown.Count), extraAddress);
    }

    /// <summary>
    /// A problem as a letter lists it: where in the report and what is wrong, without the file's name (the letter is
    /// about the report the unit sent) and with the indicator's name where the rules know its code. A problem with the
    /// whole file (its name, its size) keeps the name where <paramref name="namesFile"/>: there it is the only way to
    /// tell which upload was refused. A fault of the system's own names no file: the unit need not act on it.
    /// </summary>
    private LocalizedText ProblemLine(Problem problem, bool namesFile)
    {
        if (problem.Location is null)
        {
            return namesFile ? new LocalizedText(problem.In(Language.Vietnamese), problem.In(Language.English)) : problem.Text;
        }

        var location = problem.Location;
        var name = location?.Indicator is { } code ? _rules.Plans.Select(plan => plan.FindIndicator(code)).FirstOrDefault(found => found is not null)?.Name : null;
        var place = location is null ? null : name is null ? location : location.WithIndicator(null);
        string In(Language language)
        {
            var parts = new List<string>(3);
            if (place?.In(language) is { Length: > 0 } where)
            {
                parts.Add(where);
            }

            if (name is not null)
            {
                parts.Add(language == Language.Vietnamese ? $"chỉ tiêu “{OneLine(name.Vi)}”" : $"indicator “{OneLine(name.En)}”");
            }

            var text = problem.Text.In(language);
            return parts.Count == 0 ? text : $"{string.Join(", ", parts)}: {text}";
        }

        return new LocalizedText(In(Language.Vietnamese), In(Language.English));
    }

    private const int MaxProblemsShown = 50;

    private EmailMessage Build(string id, IReadOnlyList<string> toUnits, IReadOnlyList<string> ccUnits, string template, EmailModel model, string? extraCc = null)
    {
        var to = Addresses(toUnits, new HashSet<string>());
        var cc = Addresses(ccUnits, to.Select(address => address.Address).ToHashSet(StringComparer.OrdinalIgnoreCase));
        if (extraCc is not null && System.Net.Mail.MailAddress.TryCreate(extraCc, out var parsed) && parsed.Address == extraCc
            && !to.Concat(cc).Any(address => string.Equals(address.Address, extraCc, StringComparison.OrdinalIgnoreCase)))
        {
            cc.Add(new EmailAddress(extraCc));
        }

        var letter = LetterFor(toUnits, ccUnits);
        var (html, text) = EmailTemplates.Render(template, model with { Letter = letter });
        return new EmailMessage(id, to, cc, OneLine(model.Subject), html, text) { SenderName = letter.Office };
    }

    /// <summary>
    /// The letter's frame: addressed to the units in To other than the coordinator (the coordinator itself when it is
    /// the only one), in the first addressee's language, signed by the coordinator office under its People's Committee,
    /// with every other unit that receives it in "Nơi nhận".
    /// </summary>
    // The body above the office, on the letterhead's first line: the plan's adopting body, else the People's Committee of
    // the plan's place (a plan started from the strategy names no adopting document yet).
    private LocalizedText? ParentBody(Plan plan) =>
        plan.AdoptedBy?.Issuer ?? _rules.CommitteeOf(plan.District.Id)?.Name;

    private Letter LetterFor(IReadOnlyList<string> toUnits, IReadOnlyList<string> ccUnits)
    {
        var addressees = Addressees(toUnits);
        var language = LanguageOf(toUnits);
        var others = toUnits.Except(addressees).Concat(ccUnits).Distinct().Where(unit => !addressees.Contains(unit)).ToList();
        // The office's own copy is its archive ("Lưu: VT."), not a recipient it writes to.
        var copies = others.Where(unit => unit != _coordinator).Select(unit => OneLine(UnitNames(unit).In(language))).ToList();
        var parent = _rules.Plans.Where(plan => plan.Coordinator == _coordinator).MaxBy(plan => plan.EndYear) is { } own ? ParentBody(own)?.In(language) : null;
        return new Letter(
            Letter.Code(language),
            string.Join("; ", addressees.Select(unit => OneLine(UnitNames(unit).In(language)))),
            OneLine(UnitNames(_coordinator).In(language)),
            parent is null ? null : OneLine(parent),
            copies,
            others.Contains(_coordinator),
            addressees.Contains(_coordinator));
    }

    private List<string> Addressees(IReadOnlyList<string> toUnits) =>
        toUnits.Where(unit => unit != _coordinator).DefaultIfEmpty(_coordinator).Distinct().ToList();

    /// <summary>The one language of an email to <paramref name="toUnits"/>: its first addressee's (<c>language</c> in <c>units.json</c>).</summary>
    private Language LanguageOf(IReadOnlyList<string> toUnits) =>
        _rules.FindUnit(Addressees(toUnits)[0])?.Language ?? Language.Vietnamese;

    private static string Pick(Language language, string vi, string en) => language == Language.English ? en : vi;

    /// <summary>The date a unit is asked to report back by: <see cref="DefaultResponseDays"/> (or as set) after today in Vietnam.</summary>
    private string ReplyBy() => Date(ReportingCalendar.VietnamDate(_clock.GetUtcNow()).AddDays(_responseDays));

    private Plan? PlanOf(Period period) =>
        _rules.PlansCovering(period).FirstOrDefault(plan => plan.Coordinator == _coordinator) ?? _rules.PlansCovering(period).FirstOrDefault();

    /// <summary>The plan as a letter cites it: its name, and the document that adopted it where the plan file gives one.</summary>
    private static LocalizedText PlanCitation(Plan? plan)
    {
        if (plan is null)
        {
            return new("Kế hoạch hành động bình đẳng giới", "the gender-equality action plan");
        }

        var name = new LocalizedText(OneLine(plan.Name.Vi), OneLine(plan.Name.En));
        return plan.AdoptedBy is { } document
            ? new($"{name.Vi} (Kế hoạch số {document.Number} ngày {OfficialDate(document.Date)} của {OneLine(document.Issuer.Vi)})", $"the {name.En} (plan {document.Number} of {document.Date:dd/MM/yyyy}, {OneLine(document.Issuer.En)})")
            : new(name.Vi, "the " + name.En);
    }

    /// <summary>A date as an administrative document writes it: day and months 1-2 zero-padded ("01/7/2016", "05/01/2020").</summary>
    private static string OfficialDate(DateOnly date) => $"{date.Day:D2}/{(date.Month < 3 ? date.Month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) : date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture))}/{date.Year}";

    private LocalizedText IndicatorName(string code) =>
        _rules.Plans.Select(plan => plan.FindIndicator(code)).FirstOrDefault(found => found is not null)?.Name ?? new LocalizedText(code, code);

    /// <summary>A place inside a Vietnamese sentence: "huyện Đăk Tô", "xã Tân Cảnh" (the level word is not a proper name).</summary>
    private static LocalizedText Places(string place) => new(PlaceWords.InSentence(place), place);

    /// <summary>The places a sum was made of, should the plan list none of them in the period any more.</summary>
    private static readonly LocalizedText PlacesBelowUnknown = new("các địa phương cấp dưới", "the places below");

    /// <summary>A name after "chỉ tiêu": its first letter lower-case unless the first word is an abbreviation ("UBND").</summary>
    private static string Lower(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private List<EmailAddress> Addresses(IEnumerable<string> units, IReadOnlySet<string> exclude)
    {
        var seen = new HashSet<string>(exclude, StringComparer.OrdinalIgnoreCase);
        var addresses = new List<EmailAddress>();
        foreach (var unit in units.Select(_rules.FindUnit).OfType<ResponsibleUnit>())
        {
            foreach (var email in unit.Emails.Where(seen.Add))
            {
                addresses.Add(new EmailAddress(email, OneLine(unit.Name.Vi)));
            }
        }

        return addresses;
    }

    /// <summary>The colour of <paramref name="status"/>; the definition is <see cref="StatusPresentation"/>, shared with the scorecard.</summary>
    public static string StatusColour(Status status) => StatusPresentation.Of(status).Colour;

    /// <summary>The symbol shown beside <paramref name="status"/>'s word; the definition is <see cref="StatusPresentation"/>.</summary>
    public static string StatusIcon(Status status) => StatusPresentation.Of(status).Symbol;

    /// <summary>The calendar of the plan <paramref name="unit"/> reports under for <paramref name="period"/>: its commune's plan for a committee.</summary>
    private ReportingCalendar CalendarOf(string unit, Period period) => _rules.CalendarFor(period.Year, _rules.FindUnit(unit)?.Jurisdiction);

    private LocalizedText UnitNames(string id) => _rules.FindUnit(id)?.Name ?? new LocalizedText(id, id);

    private static LocalizedText ReportKind(Period period) =>
        period.Kind == PeriodKind.FirstHalf ? new("báo cáo 6 tháng", "semi-annual report") : new("báo cáo năm", "annual report");

    /// <summary>A date in a letter's body, as officials write it: "25/11/2019", "15/6/2020", "05/01/2020" (<see cref="OfficialDate"/>).</summary>
    private static string Date(DateOnly date) => OfficialDate(date);

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Id(params string[] parts) =>
        parts[0] + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..20];
}
