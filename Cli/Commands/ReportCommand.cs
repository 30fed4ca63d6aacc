using System.Diagnostics;
using System.Globalization;
using GenderPlan.Core.Domain;
using GenderPlan.Documents.ProvinceReports;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan report --period P [--ad-hoc [--request TEXT]] [--date YYYY-MM-DD] [--jurisdiction ID] --format xlsx|docx --out FILE [--storage CONN | REPORT... [--rules PATH]]</c>:
/// the report the district sends up to the province (a half year's or a year's, the sơ kết or tổng kết of a span of
/// years, or one on request), as the filled workbook or the Word draft, from the stored results or offline from report files.
/// </summary>
public static class ReportCommand
{
    /// <summary>The options of one <c>report</c> call.</summary>
    /// <param name="Period">The period, <c>YYYY</c> or <c>YYYY-H1</c>, or a span of years <c>YYYY-YYYY</c> for a review.</param>
    /// <param name="Jurisdiction">The district; default: the district of the plan covering the period.</param>
    /// <param name="Format"><c>xlsx</c> or <c>docx</c>.</param>
    /// <param name="Out">The file to write.</param>
    /// <param name="Reports">Report files or folders; none means "from storage".</param>
    /// <param name="Rules">The rules folder for offline mode.</param>
    /// <param name="Storage">The storage connection string.</param>
    /// <param name="AdHoc">A report on request ("báo cáo đột xuất") rather than the regular one or a review.</param>
    /// <param name="Request">The document asking for an ad-hoc report, as the opening cites it.</param>
    /// <param name="Date">The date on the document, <c>YYYY-MM-DD</c>; default today (Vietnam time).</param>
    public sealed record Options(
        string Period, string? Jurisdiction, string Format, string Out, IReadOnlyList<string> Reports, string? Rules, string? Storage,
        bool AdHoc = false, string? Request = null, string? Date = null);

    /// <summary>Runs the command: 0 when the file is written, 2 for invalid input (nothing written).</summary>
    public static async Task<int> RunAsync(Options options, CliConsole console, TimeProvider clock, CancellationToken cancellationToken)
    {
        DateOnly? date = null;
        if (options.Date is { } written)
        {
            if (!DateOnly.TryParseExact(written, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                console.Error.WriteLine($"--date: '{written}' is not a date; write YYYY-MM-DD.");
                return ExitCodes.Invalid;
            }

            date = parsed;
        }

        if (options.Request is not null && !options.AdHoc)
        {
            console.Error.WriteLine("--request: only a report on request (--ad-hoc) cites the document asking for it.");
            return ExitCodes.Invalid;
        }

        var watch = Stopwatch.StartNew();
        var report = options.Reports.Count > 0
            ? Offline(options, console, clock)
            : await FromStorageAsync(options, console, cancellationToken);
        if (report is null)
        {
            console.Error.WriteLine("No file written.");
            return ExitCodes.Invalid;
        }

        if (date is { } signed)
        {
            report = report with { Date = signed };
        }

        var file = options.Format == "docx" ? ProvinceReportFiles.Draft(report) : ProvinceReportFiles.Workbook(report);
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.Out));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllBytesAsync(options.Out, file.Content, cancellationToken);
        var lines = report.Lines.ToList();
        console.Out.WriteLine(
            $"Wrote {options.Out}: {report.District.Name}, {report.Scope.Label}, {lines.Count(line => line.Figure is not null)}/{lines.Count} chỉ tiêu có số liệu, " +
            $"{file.Content.Length:N0} bytes in {watch.ElapsedMilliseconds} ms (rules {report.RulesVersion}).");
        return ExitCodes.Success;
    }

    /// <summary>What <c>--period</c> asks for, against the plans of <paramref name="rules"/>; null, with the reason written, when it fits none.</summary>
    private static ReportScope? Scope(Options options, RuleBook rules, CliConsole console)
    {
        var (scope, problem) = ReportScope.Parse(options.Period, options.AdHoc, options.Request, year =>
            rules.PlansCovering(Period.Annual(year)).Where(plan => options.Jurisdiction is null || plan.HasJurisdiction(options.Jurisdiction)).Select(plan => ((int, int)?)(plan.StartYear, plan.EndYear)).FirstOrDefault());
        if (problem is not null)
        {
            console.Error.WriteLine("--period: " + problem);
        }

        return scope;
    }

    private static ProvinceReport? Offline(Options options, CliConsole console, TimeProvider clock)
    {
        var rules = RulesOutcome.Load(options.Rules, console);
        if (rules is null || Scope(options, rules, console) is not { } scope)
        {
            return null;
        }

        var (cards, rejected) = ReportFiles.Score(options.Reports, rules, console, "rejected");

        // A report sent up with a file silently left out would be wrong: every file must read.
        if (rejected)
        {
            return null;
        }

        foreach (var other in cards.Where(card => !scope.Covers(card.Period)))
        {
            console.Error.WriteLine($"{other.File}: reports {other.Period}, not {scope.Key}; left out.");
        }

        var plan = Plan(rules, scope.Period, options.Jurisdiction, console);
        return plan is null ? null : OfflineProvinceReport.Build(rules, plan, scope, cards, clock.GetUtcNow());
    }

    private static Plan? Plan(RuleBook rules, Period period, string? jurisdiction, CliConsole console)
    {
        var districts = rules.Districts(period);
        var place = jurisdiction ?? (districts.Count == 1 ? districts[0] : null);
        var plan = place is null ? null : rules.FindPlan(period, place);
        if (plan is not null && plan.IsDistrict(place!))
        {
            return plan;
        }

        console.Error.WriteLine(districts.Count == 0
            ? $"--period: no plan covers {period}."
            : $"--jurisdiction: the report is a district's; for {period} name one of: {string.Join(", ", districts)}.");
        return null;
    }

    private static async Task<ProvinceReport?> FromStorageAsync(Options options, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = LocalStack.Build(LocalStack.Storage(options.Storage), null, LogLevel.Warning);
        var rules = await host.Services.GetRequiredService<ActiveRules>().GetAsync(cancellationToken);
        if (rules is null)
        {
            console.Error.WriteLine("no rules are active: publish them first (genderplan rules publish)");
            return null;
        }

        if (Scope(options, rules, console) is not { } scope)
        {
            return null;
        }

        var (report, problem) = await host.Services.GetRequiredService<ProvinceReportService>().BuildAsync(scope, options.Jurisdiction, cancellationToken);
        if (problem is not null)
        {
            console.Error.WriteLine(problem.StartsWith('\'') ? "--jurisdiction: " + problem : problem);
        }

        return report;
    }
}
