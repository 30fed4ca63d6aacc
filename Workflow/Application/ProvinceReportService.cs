using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Documents.Email;
using GenderPlan.Documents.ProvinceReports;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// The province report from the stored results: built from what the district's scorecard page reads (so the two
/// agree), published with the site as <c>bao-cao/bao-cao-{district}-{period}.xlsx|.docx</c>, and, a few days after
/// each deadline (<see cref="ProvinceReportOptions.DaysAfterDeadline"/>), emailed to the coordinator with both files
/// attached: once per district and period, through the outbox, so an email outage delays it and never drops it.
/// </summary>
public sealed partial class ProvinceReportService : IProvinceReportService
{
    private readonly ActiveRules _activeRules;
    private readonly DashboardPublisher _dashboard;
    private readonly SiteStore _site;
    private readonly Notifier _notifier;
    private readonly WorkflowOptions _workflow;
    private readonly ProvinceReportOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ProvinceReportService> _logger;

    /// <summary>Creates the service.</summary>
    public ProvinceReportService(
        ActiveRules activeRules,
        DashboardPublisher dashboard,
        SiteStore site,
        Notifier notifier,
        IOptions<WorkflowOptions> workflow,
        IOptions<ProvinceReportOptions> options,
        TimeProvider clock,
        ILogger<ProvinceReportService> logger)
    {
        _activeRules = activeRules;
        _dashboard = dashboard;
        _site = site;
        _notifier = notifier;
        _workflow = workflow.Value;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// The report of <paramref name="period"/> for <paramref name="district"/> (the single district of the plans
    /// covering the period when null), or the reason there is none.
    /// </summary>
    public Task<(ProvinceReport? Report, string? Problem)> BuildAsync(Period period, string? district, CancellationToken cancellationToken) =>
        BuildAsync(ReportScope.Regular(period), district, cancellationToken);

    /// <summary>
    /// The report of <paramref name="scope"/> (a period, or a review's span of years, or one on request) for
    /// <paramref name="district"/>, or the reason there is none; the plan is the one covering the scope's last period.
    /// </summary>
    public async Task<(ProvinceReport? Report, string? Problem)> BuildAsync(ReportScope scope, string? district, CancellationToken cancellationToken)
    {
        var period = scope.Period;
        var rules = await _activeRules.GetAsync(cancellationToken);
        if (rules is null)
        {
            return (null, "no rules are active: publish them first (genderplan rules publish)");
        }

        var districts = rules.Districts(period);
        var place = district ?? (districts.Count == 1 ? districts[0] : null);
        if (place is null)
        {
            return (null, districts.Count == 0 ? $"no plan covers {period}" : $"several districts report for {period} ({string.Join(", ", districts)}): name one with --jurisdiction");
        }

        if (rules.FindPlan(period, place) is not { } plan || !plan.IsDistrict(place))
        {
            return (null, $"'{place}' is not the district of a plan covering {period}; the report is a district's (districts: {string.Join(", ", districts)})");
        }

        var input = await _dashboard.BuildAsync(rules, plan, place, PageLinks.Published, cancellationToken, explained: true);
        return (ProvinceReportBuilder.Build(input, scope), null);
    }

    /// <inheritdoc />
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var rules = await _activeRules.GetAsync(cancellationToken);
        if (rules is null)
        {
            return 0;
        }

        var today = ReportingCalendar.VietnamDate(_clock.GetUtcNow());
        var calendar = rules.CalendarFor(today.Year);
        var period = calendar.LastDue(today);
        if (today < calendar.Deadline(period).AddDays(_options.DaysAfterDeadline))
        {
            return 0;
        }

        var added = 0;
        foreach (var district in rules.Districts(period))
        {
            var (report, _) = await BuildAsync(period, district, cancellationToken);
            if (report is null)
            {
                continue;
            }

            var workbook = ProvinceReportFiles.Workbook(report);
            var draft = ProvinceReportFiles.Draft(report);
            await _site.PublishReportFileAsync(workbook, cancellationToken);
            await _site.PublishReportFileAsync(draft, cancellationToken);
            var sent = await _notifier.NotifyAsync(
                rules, $"province-report-{district}-{period}", [new ProvinceReportNotice(report, Attachment(workbook), Attachment(draft))], cancellationToken);
            if (sent > 0)
            {
                LogQueued(district, period.ToString(), workbook.Content.Length, draft.Content.Length);
            }

            added += sent;
        }

        if (added > 0)
        {
            await _dashboard.TryPublishDistrictsAsync(cancellationToken);
        }

        return added;
    }

    private static EmailAttachment Attachment(ProvinceReportFile file) => new(file.Name, file.ContentType, file.Content);

    [LoggerMessage(Level = LogLevel.Information, Message = "Province report of {District} for {Period} queued for the coordinator ({WorkbookBytes} + {DraftBytes} bytes attached)")]
    private partial void LogQueued(string district, string period, int workbookBytes, int draftBytes);
}
