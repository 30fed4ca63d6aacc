using System.Globalization;
using System.Text.Json;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Reads the facts of a plan's header that code used to hold: deadlines, coordinator, baseline year and the
/// documents behind the plan. The schema checks their form; this checks what it cannot: the coordinator is a unit
/// of <c>units.json</c>, the annual deadline follows the semi-annual one, the baseline year precedes the plan.
/// </summary>
internal static class PlanFactsReader
{
    public static PlanFacts? Read(JsonFields plan, int? startYear, IReadOnlySet<string>? unitIds)
    {
        var coordinator = plan.String("coordinator");
        if (coordinator is not null && unitIds is not null && !unitIds.Contains(coordinator))
        {
            plan.Report("coordinator", $"'{coordinator}' is not a unit in units.json");
        }

        var baselineYear = plan.Int("baselineYear") ?? startYear - 1;
        if (baselineYear >= startYear)
        {
            plan.Report("baselineYear", $"{baselineYear} is not before the plan's first year {startYear}");
        }

        var calendar = ReadCalendar(plan);
        return coordinator is null || baselineYear is null || calendar is null
            ? null
            : new PlanFacts(calendar, coordinator, baselineYear.Value, ReadDocument(plan, "adoptedBy"), ReadDocument(plan, "implements"), plan.Localized("reportsTo"),
                ReadPath(plan),
                ReadReportingSince(plan, startYear),
                plan.Bool("archived") ?? false,
                ReadFollowUp(plan),
                ReadApproval(plan));
    }

    /// <summary><c>followUp.acknowledgeWithinDays</c>: the schema bounds it; absent means the default ten days.</summary>
    private static FollowUpSettings? ReadFollowUp(JsonFields plan) =>
        plan.Get("followUp") is { ValueKind: JsonValueKind.Object } element && plan.Child(element, "followUp").Int("acknowledgeWithinDays") is { } days and > 0
            ? new FollowUpSettings(days)
            : null;

    /// <summary>
    /// <c>path</c>: the straight line when absent, as officials compute; the schema has already refused any word but
    /// <c>linear</c> and <c>compound</c>, and this says so again rather than fall back to a path the plan did not choose.
    /// </summary>
    private static ProgressPath ReadPath(JsonFields plan)
    {
        var written = plan.String("path");
        if (written is null)
        {
            return ProgressPath.Linear;
        }

        if (ProgressPathText.Parse(written) is { } path)
        {
            return path;
        }

        plan.Report("path", $"'{written}' is not a path; use \"linear\" (the straight line) or \"compound\" (the UN SDG compound growth)");
        return ProgressPath.Linear;
    }

    /// <summary>The first period reported through the product; the schema checks its form, this that it falls within the plan's years.</summary>
    private static Period? ReadReportingSince(JsonFields plan, int? startYear)
    {
        var written = plan.String("reportingSince");
        if (written is null || !Period.TryParse(written, out var period))
        {
            return null;
        }

        var endYear = plan.Int("endYear");
        if (period.Year < startYear || period.Year > endYear)
        {
            plan.Report("reportingSince", $"{written} is not within the plan's years {startYear}-{endYear}");
            return null;
        }

        return period;
    }

    /// <summary>
    /// <c>approval</c>: off when absent; the schema checks the form. A commune chair's say without approval being
    /// required would be a setting that does nothing, so it is named rather than ignored.
    /// </summary>
    private static ApprovalPolicy? ReadApproval(JsonFields plan)
    {
        if (plan.Get("approval") is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        var approval = plan.Child(element, "approval");
        var required = approval.Bool("required") ?? false;
        var communeChair = approval.Bool("communeChairMayApprove") ?? false;
        if (communeChair && !required)
        {
            approval.Report("communeChairMayApprove", "a commune chair may approve only where approval is required; set \"required\": true or leave this out");
        }

        return new ApprovalPolicy(required, communeChair);
    }

    private static ReportingCalendar? ReadCalendar(JsonFields plan)
    {
        // Required by the schema, which has already said so when it is missing.
        if (plan.Get("deadlines") is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        var deadlines = plan.Child(element, "deadlines");
        if (Day(deadlines, "firstHalf") is not { } firstHalf || Day(deadlines, "annual") is not { } annual)
        {
            return null;
        }

        if (annual.In(2000) <= firstHalf.In(2000))
        {
            deadlines.Report("annual", $"{annual} is not after the semi-annual report's day {firstHalf}");
        }

        return new ReportingCalendar(firstHalf, annual);
    }

    /// <summary>The day of <paramref name="property"/>; the schema checks the form, this the calendar (no 02-30).</summary>
    private static AnnualDate? Day(JsonFields deadlines, string property)
    {
        var written = deadlines.String(property);
        var day = AnnualDate.Parse(written);
        if (written is not null && day is null)
        {
            deadlines.Report(property, $"'{written}' is not a day of the year");
        }

        return day;
    }

    private static PlanDocument? ReadDocument(JsonFields plan, string property)
    {
        if (plan.Get(property) is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        var document = plan.Child(element, property);
        var written = document.String("date");
        if (!DateOnly.TryParseExact(written, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (written is not null)
            {
                document.Report("date", $"'{written}' is not a day of the calendar");
            }

            return null;
        }

        return document.String("number") is { } number && document.Localized("issuer") is { } issuer ? new PlanDocument(number, date, issuer) : null;
    }
}
