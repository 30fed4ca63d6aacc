using System.Diagnostics;
using GenderPlan.Core.Domain;
using GenderPlan.Documents.ProvinceReports;
using GenderPlan.Workflow.Application;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan report --period P [--jurisdiction ID] --format xlsx|docx --out FILE [--storage CONN | REPORT... [--rules PATH]]</c>:
/// the report the district sends up to the province, as the filled workbook or the Word draft, from the stored
/// results or offline from report files.
/// </summary>
public static class ReportCommand
{
    /// <summary>The options of one <c>report</c> call.</summary>
    /// <param name="Period">The period, <c>YYYY</c> or <c>YYYY-H1</c>.</param>
    /// <param name="Jurisdiction">The district; default: the district of the plan covering the period.</param>
    /// <param name="Format"><c>xlsx</c> or <c>docx</c>.</param>
    /// <param name="Out">The file to write.</param>
    /// <param name="Reports">Report files or folders; none means "from storage".</param>
    /// <param name="Rules">The rules folder for offline mode.</param>
    /// <param name="Storage">The storage connection string.</param>
    public sealed record Options(string Period, string? Jurisdiction, string Format, string Out, IReadOnlyList<string> Reports, string? Rules, string? Storage);

    /// <summary>Runs the command: 0 when the file is written, 2 for invalid input (nothing written).</summary>
    public static async Task<int> RunAsync(Options options, CliConsole console, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(options.Period, out var period))
        {
            console.Error.WriteLine($"--period: '{options.Period}' is not a period; write YYYY or YYYY-H1.");
            return ExitCodes.Invalid;
        }

        var watch = Stopwatch.StartNew();
        var report = options.Reports.Count > 0
            ? Offline(options, period, console, clock)
            : await FromStorageAsync(options, period, console, cancellationToken);
        if (report is null)
        {
            console.Error.WriteLine("No file written.");
            return ExitCodes.Invalid;
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
            $"Wrote {options.Out}: {report.District.Name}, {report.Period.Label.Vi}, {lines.Count(line => line.Figure is not null)}/{lines.Count} chỉ tiêu có số liệu, " +
            $"{file.Content.Length:N0} bytes in {watch.ElapsedMilliseconds} ms (rules {report.RulesVersion}).");
        return ExitCodes.Success;
    }

    private static ProvinceReport? Offline(Options options, Period period, CliConsole console, TimeProvider clock)
    {
        var rules = RulesOutcome.Load(options.Rules, console);
        if (rules is null)
        {
            return null;
        }

        var (cards, rejected) = ReportFiles.Score(options.Reports, rules, console, "rejected");

        // A report sent up with a file silently left out would be wrong: every file must read.
        if (rejected)
        {
            return null;
        }

        foreach (var other in cards.Where(card => card.Period != period))
        {
            console.Error.WriteLine($"{other.File}: reports {other.Period}, not {period}; left out.");
        }

        var plan = Plan(rules, period, options.Jurisdiction, console);
        return plan is null ? null : OfflineProvinceReport.Build(rules, plan, period, cards, clock.GetUtcNow());
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

    private static async Task<ProvinceReport?> FromStorageAsync(Options options, Period period, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = LocalStack.Build(LocalStack.Storage(options.Storage), null, LogLevel.Warning);
        var (report, problem) = await host.Services.GetRequiredService<ProvinceReportService>().BuildAsync(period, options.Jurisdiction, cancellationToken);
        if (problem is not null)
        {
            console.Error.WriteLine(problem.StartsWith('\'') ? "--jurisdiction: " + problem : problem);
        }

        return report;
    }
}
