using System.Text.Encodings.Web;
using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Workflow.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli.Commands;

/// <summary><c>genderplan scorecard --period P [--jurisdiction J] [--json] [--storage CONN]</c>: the stored scorecard.</summary>
public static class ScorecardCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string period, string jurisdiction, bool json, string? storage, CliConsole console, CancellationToken cancellationToken)
    {
        await using var provider = LocalStack.Build(LocalStack.Storage(storage), null, LogLevel.Warning);
        var view = await provider.GetRequiredService<IScorecardQuery>().GetAsync(period, jurisdiction, cancellationToken);
        if (view is null)
        {
            console.Error.WriteLine($"--period: '{period}' is not a period; write YYYY or YYYY-H1.");
            return ExitCodes.Invalid;
        }

        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(view, Json));
            return ExitCodes.Success;
        }

        console.Out.WriteLine($"Bảng theo dõi {view.Jurisdiction}, kỳ {view.Period} (quy tắc {view.RulesVersion ?? "chưa có"})");
        foreach (var report in view.Reports)
        {
            console.Out.WriteLine($"  báo cáo của {report.Unit}: {report.Blob}, nhận {report.ReceivedAt:yyyy-MM-dd HH:mm} UTC, {(report.OnTime ? "đúng hạn" : "trễ hạn")}");
        }

        foreach (var result in view.Results)
        {
            var status = StatusText.TryParse(result.Status, out var parsed) ? parsed.Vietnamese() : result.Status;
            console.Out.WriteLine($"  {result.Indicator,-16} {status,-14} {result.ExplanationVi}");
        }

        if (view.Results.Count == 0)
        {
            console.Out.WriteLine("  Chưa có kết quả nào cho kỳ này.");
        }

        return ExitCodes.Success;
    }
}
