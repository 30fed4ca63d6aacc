using System.Security.Cryptography;
using System.Text;
using GenderPlan.Core.Alerts;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Text;
using GenderPlan.Documents.Email;

namespace GenderPlan.Documents.Alerts;

/// <summary>The report an alert is about, as the email names it.</summary>
/// <param name="Key">The stored report's key; alert ids derive from it, so reprocessing finds the same alerts.</param>
/// <param name="File">The file name the unit uploaded.</param>
/// <param name="Unit">The unit that sent it.</param>
/// <param name="Period">The period.</param>
/// <param name="Jurisdiction">The place's name.</param>
/// <param name="Committee">
/// For a commune's report, the commune's People's Committee (<see cref="RuleBook.CommitteeOf"/>): its alerts go to
/// that committee, not to each lead department, and never to another commune. Null for the district's report.
/// </param>
/// <param name="Coordinator">The coordinator of the report's plan, copied on its alerts; null for the rules' (<see cref="RuleBook.Coordinator"/>).</param>
public sealed record ReportReference(string Key, string File, string Unit, Period Period, string Jurisdiction, string? Committee = null, string? Coordinator = null);

/// <summary>
/// Writes the product's emails: one alert per lead unit per report (To: the lead unit; Cc: the coordinating
/// units and the plan's coordinator, each address once), resolved notices, reminders, overdue notices and
/// notices of rejected files. Vietnamese first with correct diacritics, English below; HTML with a plain-text
/// part; every piece of text that came from a file is HTML-escaped, and nothing from a file reaches a header.
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

    /// <summary>Creates a composer.</summary>
    /// <param name="rules">The rules whose units directory gives names and addresses.</param>
    /// <param name="scorecardUrl">Where the scorecard page is, for the link in alerts, or null.</param>
    /// <param name="uploadLinks">
    /// Whether reminders, overdue notices and alerts carry the recipient unit's own upload link (made when the
    /// message is sent, in place of <see cref="EmailMessage.UploadLinkSlot"/>); only when the app's address is known.
    /// </param>
    public AlertComposer(RuleBook rules, string? scorecardUrl, bool uploadLinks = false)
    {
        _rules = rules;
        // The plan's coordinator (Plan.coordinator), copied on every alert and told of every rejected file.
        _coordinator = rules.Coordinator;
        _scorecardUrl = scorecardUrl;
        _uploadLinks = uploadLinks;
    }

    private AlertComposer(AlertComposer other, string coordinator)
    {
        _rules = other._rules;
        _coordinator = coordinator;
        _scorecardUrl = other._scorecardUrl;
        _uploadLinks = other._uploadLinks;
    }

    /// <summary>This composer for what concerns one plan: its own coordinator is copied, not the rules' default.</summary>
    private AlertComposer For(string? coordinator) => coordinator is null || coordinator == _coordinator ? this : new AlertComposer(this, coordinator);

    private AlertComposer For(string unit, Period period) =>
        For(_rules.FindPlan(period, _rules.FindUnit(unit)?.Jurisdiction ?? "") is { } plan ? plan.Coordinator : _rules.PlansCovering(period).FirstOrDefault()?.Coordinator);

    /// <summary>
    /// The alerts for the indicators of <paramref name="plan"/> that fall behind: for the district, one per lead unit
    /// (Cc its indicators' coordinating units and the coordinator; a group such as <c>ubnd-xa</c> is copied at its
    /// own list address, never expanded); for a commune, one To the commune's committee, Cc the lead of each
    /// indicator concerned and the coordinator.
    /// </summary>
    public IReadOnlyList<EmailMessage> Alerts(ReportReference report, AlertPlan plan) => For(report.Coordinator).AlertsFor(report, plan);

    private IReadOnlyList<EmailMessage> AlertsFor(ReportReference report, AlertPlan plan) =>
        plan.Behind.Count == 0 ? []
        : report.Committee is { } committee ? [Alert(report, committee, plan.Behind, CommuneCopies(committee, plan.Behind))]
        : plan.Behind.GroupBy(score => score.Indicator.Lead).Select(group => Alert(report, group.Key, group.ToList(), DistrictCopies(group.ToList()))).ToList();

    /// <summary>The resolved notices for the indicators that recovered, addressed as <see cref="Alerts"/> addresses alerts, copied to the coordinator.</summary>
    public IReadOnlyList<EmailMessage> ResolvedNotices(ReportReference report, AlertPlan plan) => For(report.Coordinator).ResolvedFor(report, plan);

    private IReadOnlyList<EmailMessage> ResolvedFor(ReportReference report, AlertPlan plan) =>
        plan.Recovered.Count == 0 ? []
        : report.Committee is { } committee ? [Resolved(report, committee, plan.Recovered, CommuneCopies(committee, plan.Recovered))]
        : plan.Recovered.GroupBy(score => score.Indicator.Lead).Select(group => Resolved(report, group.Key, group.ToList(), [_coordinator])).ToList();

    /// <summary>A reminder that <paramref name="unit"/>'s report for <paramref name="period"/> is due.</summary>
    public EmailMessage Reminder(string unit, Period period, DateOnly today) => For(unit, period).ReminderFor(unit, period, today);

    private EmailMessage ReminderFor(string unit, Period period, DateOnly today)
    {
        var calendar = CalendarOf(unit, period);
        var deadline = Date(calendar.Deadline(period));
        var model = new DeadlineEmail(
            $"Nhắc hạn: báo cáo {period.Label.Vi} cần gửi trước ngày {deadline}",
            UnitNames(unit), ReportKind(period), period.Label, deadline, calendar.LastDay(period).DayNumber - today.DayNumber, _scorecardUrl, LinkFor(unit, []));
        return WithLink(Build(Id("reminder", unit, period.ToString(), today.ToString("O", null)), [unit], [], "reminder", model), unit, []);
    }

    /// <summary>A notice to <paramref name="unit"/> and the coordinator that the report is late.</summary>
    public EmailMessage Overdue(string unit, Period period) => For(unit, period).OverdueFor(unit, period);

    private EmailMessage OverdueFor(string unit, Period period)
    {
        var model = new DeadlineEmail(
            $"Quá hạn: báo cáo {period.Label.Vi} của {UnitName(unit)}",
            UnitNames(unit), ReportKind(period), period.Label, Date(CalendarOf(unit, period).Deadline(period)), 0, _scorecardUrl, LinkFor(unit, [_coordinator]));
        return WithLink(Build(Id("overdue", unit, period.ToString()), [unit], [_coordinator], "overdue", model), unit, [_coordinator]);
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
        var model = new ProvinceReportEmail(
            $"Báo cáo kết quả thực hiện Kế hoạch hành động bình đẳng giới {report.Period.Label.Vi} – {OneLine(report.District.Name)} (bản tổng hợp)",
            UnitNames(_coordinator),
            report.District.Name,
            report.Period.Label,
            workbook.FileName,
            draft.FileName,
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
    /// the communes' sum differ by more than the rule's tolerance. Its id is made of the place, period, indicator
    /// and both figures, so the same pair of figures is told once however often it is recomputed, and a changed
    /// figure is told again.
    /// </summary>
    public EmailMessage Discrepancy(Plan plan, Period period, Indicator indicator, decimal reported, decimal communes, Coverage coverage) =>
        For(plan.Coordinator).DiscrepancyFor(plan, period, indicator, reported, communes, coverage);

    private EmailMessage DiscrepancyFor(Plan plan, Period period, Indicator indicator, decimal reported, decimal communes, Coverage coverage)
    {
        var place = plan.District.Name;
        string Format(decimal value, Language language) => ScoreExplainer.FormatValue(indicator, value, language);
        LocalizedText Both(decimal value) => new(Format(value, Language.Vietnamese), Format(value, Language.English));
        var model = new DiscrepancyEmail(
            $"Số liệu chưa khớp: {indicator.Code} – {OneLine(place)}, {period.Label.Vi}: huyện báo cáo {Format(reported, Language.Vietnamese)}, tổng hợp từ các xã {Format(communes, Language.Vietnamese)}",
            indicator.Code, indicator.Name, place, period.Label, Both(reported), Both(communes), CoverageText.Describe(plan, coverage),
            Both(indicator.ToleranceFor(reported)), UnitNames(indicator.Lead), UnitNames(_coordinator));
        var figures = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{reported}|{communes}");
        return Build(Id("discrepancy", plan.District.Id, period.ToString(), indicator.Code, figures), [indicator.Lead, _coordinator], [], "discrepancy", model);
    }

    /// <summary>A notice to the coordinator (and the sender) that a report file was rejected, listing every problem.</summary>
    public EmailMessage Rejected(string key, string file, string? unit, IReadOnlyList<Problem> problems) =>
        ProblemNotice(Id("rejected", key), "rejected", unit, null, problems, $"Báo cáo bị từ chối: {OneLine(Path.GetFileName(file))}", file, null);

    /// <summary>
    /// The coordinator's summary of a rules version made active: who did it, what the rules changed, and every
    /// verdict that changes with them (the units concerned are alerted as for a new report).
    /// </summary>
    public EmailMessage RulesChanged(string version, DateTimeOffset activatedAt, string? author, IReadOnlyList<string> diff, IReadOnlyList<StatusChange> changes)
    {
        var lines = changes.Take(MaxProblemsShown).Select(change => new VerdictLine(
            change.Indicator,
            _rules.Plans.FirstOrDefault(plan => plan.HasJurisdiction(change.Jurisdiction))?.NameOf(change.Jurisdiction) is { } place
                ? change.AddedUp ? $"{place} (tổng hợp từ các xã, thị trấn)" : place
                : change.Jurisdiction,
            change.Period.Label,
            StatusPresentation.Of(change.From),
            change.To is { } to ? StatusPresentation.Of(to) : null)).ToList();
        var subject = $"Bộ quy tắc mới được áp dụng: {changes.Count} kết quả đánh giá thay đổi";
        var model = new RulesChangedEmail(subject, version, author ?? "không rõ / unknown", diff, lines, changes.Count - lines.Count);
        return Build(Id("rules-changed", version, activatedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)), [_coordinator], [], "rules-changed", model);
    }

    /// <summary>A notice that an uploaded rules file was refused and the active rules stay in force.</summary>
    public EmailMessage RulesRefused(string key, string file, string activeVersion, IReadOnlyList<Problem> problems, string? uploaderEmail) =>
        ProblemNotice(Id("rules-refused", key), "rules-refused", null, uploaderEmail, problems, $"Quy tắc bị từ chối: {OneLine(Path.GetFileName(file))}", file, activeVersion);

    /// <summary>A notice that a report could not be processed after repeated attempts.</summary>
    public EmailMessage ProcessingFailed(string key, string file, string? unit, string error) =>
        ProblemNotice(Id("failed", key), "processing-failed", unit, null, [Messages.ProcessingFailed.At(file, null, error)], $"Không xử lý được báo cáo: {OneLine(Path.GetFileName(file))}", file, null);

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
        var place = $"{OneLine(report.Jurisdiction)}, {report.Period.Label.Vi}";
        var subject = behind.Count == 0
            ? $"Cần theo dõi: {watch.Count} chỉ tiêu – {place}"
            : $"Cảnh báo: {behind.Count} chỉ tiêu chưa đạt yêu cầu{(watch.Count > 0 ? $", {watch.Count} cần theo dõi" : "")} – {place}";
        var email = About(report, lead, behind, subject, _scorecardUrl) with
        {
            Watch = [.. watch.Select(ScoreLine.Of)], Commune = report.Committee is not null, UploadLink = LinkFor(lead, copied),
        };
        return WithLink(Build(Id("alert", report.Key, lead), [lead], copied, "alert", email), lead, copied);
    }

    private EmailMessage Resolved(ReportReference report, string lead, IReadOnlyList<IndicatorScore> scores, List<string> copied)
    {
        var subject = $"Đã cải thiện: {string.Join(", ", scores.Select(score => score.Indicator.Code))} – {OneLine(report.Jurisdiction)}, {report.Period.Label.Vi}";
        return Build(Id("resolved", report.Key, lead), [lead], copied, "resolved", About(report, lead, scores, subject, null));
    }

    private ReportEmail About(ReportReference report, string lead, IReadOnlyList<IndicatorScore> scores, string subject, string? scorecardUrl) =>
        new(subject, UnitNames(lead), report.File, report.Jurisdiction, report.Period.Label, TargetYear(scores), [.. scores.Select(ScoreLine.Of)], scorecardUrl);

    /// <summary>
    /// The slot for <paramref name="unit"/>'s upload link, or null. A link lets its holder send reports as the unit,
    /// so it goes only into a message no other unit reads: the coordinator, who may send for any unit, is the only
    /// one who may be copied. An alert copied to coordinating units therefore carries the scorecard link alone.
    /// </summary>
    private string? LinkFor(string unit, IReadOnlyList<string> copied) =>
        _uploadLinks && copied.All(other => other == _coordinator) ? EmailMessage.UploadLinkSlot : null;

    private EmailMessage WithLink(EmailMessage message, string unit, IReadOnlyList<string> copied) =>
        LinkFor(unit, copied) is null ? message : message with { LinkUnit = unit };

    private static int TargetYear(IReadOnlyList<IndicatorScore> scores) => scores.Count > 0 ? scores[0].Indicator.Definition.TargetYear : 0;

    private EmailMessage ProblemNotice(string id, string template, string? unit, string? extraAddress, IReadOnlyList<Problem> problems, string subject, string file, string? activeVersion)
    {
        // A file with thousands of problems would make an email nobody reads; the error file beside it has them all.
        var shown = problems.Take(MaxProblemsShown).Select(problem => new LocalizedText(problem.In(Language.Vietnamese), problem.In(Language.English))).ToList();
        var to = unit is not null && unit != _coordinator && _rules.FindUnit(unit) is not null ? new[] { _coordinator, unit } : [_coordinator];
        return Build(id, to, [], template, new ProblemEmail(subject, file, activeVersion, problems.Count, shown, problems.Count - shown.Count), extraAddress);
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

        var (html, text) = EmailTemplates.Render(template, model);
        return new EmailMessage(id, to, cc, OneLine(model.Subject), html, text);
    }

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

    private string UnitName(string id) => _rules.FindUnit(id)?.Name.Vi ?? id;

    private LocalizedText UnitNames(string id) => _rules.FindUnit(id)?.Name ?? new LocalizedText(id, id);

    private static LocalizedText ReportKind(Period period) =>
        period.Kind == PeriodKind.FirstHalf ? new("báo cáo 6 tháng", "semi-annual report") : new("báo cáo năm", "annual report");

    private static string Date(DateOnly date) => $"{date.Day:D2}/{date.Month:D2}/{date.Year}";

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Id(params string[] parts) =>
        parts[0] + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..20];
}
