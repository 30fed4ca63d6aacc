using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.Dashboard;

/// <summary>
/// A commune page's account of its committee: what it owes (the commune-level indicators, by the next deadline)
/// and what it sent (each report with its date and whether it was on time), so the committee sees both in one place.
/// </summary>
internal sealed record CommuneDuties(LocalizedText Committee, LocalizedText NextPeriod, string Deadline, IReadOnlyList<ComparisonColumn> Indicators, IReadOnlyList<SentReport> Sent)
{
    /// <summary>The duties of the commune of <paramref name="input"/>, or null for the district or a commune without a committee.</summary>
    public static CommuneDuties? From(DashboardInput input)
    {
        var plan = input.Plan;
        if (plan.IsDistrict(input.Jurisdiction) || input.Rules.CommitteeOf(input.Jurisdiction) is not { } committee)
        {
            return null;
        }

        // The next period due, or the plan's last one once the plan's years are over.
        var next = plan.Calendar.NextDue(input.Today);
        if (!plan.Covers(next))
        {
            next = Period.Annual(plan.EndYear);
        }

        var owed = ReportingObligations.For(input.Rules, plan, next).FirstOrDefault(obligation => obligation.Unit == committee.Id);
        var sent = input.Reports
            .Where(report => report.Unit == committee.Id)
            .OrderByDescending(report => report.Arrival ?? 0).ThenByDescending(report => report.ReceivedAt)
            .Select(report => new SentReport(report.Period.Label, committee.Name, Date(report.ReceivedAt), report.OnTime switch { true => "on-time", false => "late", _ => "unknown" }))
            .ToList();
        var deadline = plan.Calendar.Deadline(next);
        return new CommuneDuties(
            committee.Name,
            next.Label,
            $"{deadline.Day:D2}/{deadline.Month:D2}/{deadline.Year}",
            [.. (owed?.Indicators ?? []).Select(indicator => new ComparisonColumn(indicator.Code, indicator.Name))],
            sent);
    }

    internal static string Date(DateTimeOffset? instant) =>
        instant is { } known ? $"{known.ToOffset(ReportingCalendar.VietnamOffset):dd/MM/yyyy}" : "";
}

/// <summary>
/// A report the committee sent: period, sender, date received (Vietnam time) and <c>on-time</c>, <c>late</c> or
/// <c>unknown</c>. Never the file's name: people name files after themselves and their phone numbers, and this page is public.
/// </summary>
internal sealed record SentReport(LocalizedText Period, LocalizedText Sender, string Received, string State);
