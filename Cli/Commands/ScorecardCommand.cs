using System.Text.Json;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli.Commands;

/// <summary><c>genderplan scorecard --period P [--jurisdiction J] [--json] [--storage CONN]</c>: the stored scorecard.</summary>
public static class ScorecardCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string period, string? jurisdiction, bool json, string? storage, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = LocalStack.Build(LocalStack.Storage(storage), null, LogLevel.Warning);
        if (!Period.TryParse(period, out var parsed))
        {
            console.Error.WriteLine($"--period: '{period}' is not a period; write YYYY or YYYY-H1.");
            return ExitCodes.Invalid;
        }

        var place = jurisdiction ?? await DistrictAsync(host.Services.GetRequiredService<ActiveRules>(), parsed, cancellationToken);
        if (place is null)
        {
            console.Error.WriteLine($"--jurisdiction: name the place; the active rules hold no single district for {parsed}.");
            return ExitCodes.Invalid;
        }

        var view = (await host.Services.GetRequiredService<IScorecardQuery>().GetAsync(period, place, cancellationToken))!;
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(view, ApiJson.Options));
            return ExitCodes.Success;
        }

        console.Out.WriteLine($"Bảng theo dõi {view.JurisdictionName ?? view.Jurisdiction}, {parsed.Label.Vi} (quy tắc {view.RulesVersion ?? "chưa có"})");
        var rules = await host.Services.GetRequiredService<ActiveRules>().GetAsync(cancellationToken);
        foreach (var report in view.Reports)
        {
            console.Out.WriteLine($"  báo cáo của {rules?.FindUnit(report.Unit)?.Name.Vi ?? report.Unit}: {report.File}, nhận lúc {report.ReceivedAt.ToOffset(ReportingCalendar.VietnamOffset):dd/MM/yyyy HH:mm} (giờ Việt Nam), {(report.OnTime ? "đúng hạn" : "trễ hạn")}");
        }

        var plan = rules?.FindPlan(parsed, place);
        foreach (var result in view.Results)
        {
            // The district's figure added up from the communes follows the reported one, with what it covers.
            var source = result.Coverage is { } coverage && plan is not null ? $" [tổng hợp từ các xã: {CoverageText.Describe(plan, coverage).Vi}]" : "";
            console.Out.WriteLine($"  {result.Indicator,-16} {result.Status.Vietnamese(),-14} {result.Explanation.Vi}{source}");
        }

        if (view.Results.Count == 0)
        {
            console.Out.WriteLine("  Chưa có kết quả nào cho kỳ này.");
        }

        return ExitCodes.Success;
    }

    private static async Task<string?> DistrictAsync(ActiveRules activeRules, Period period, CancellationToken cancellationToken)
    {
        var districts = (await activeRules.GetAsync(cancellationToken))?.Districts(period) ?? [];
        return districts.Count == 1 ? districts[0] : null;
    }
}
