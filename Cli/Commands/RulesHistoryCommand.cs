using System.Text.Json;
using GenderPlan.Core.Calendar;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan rules history [--storage CONN] [--json]</c> and <c>genderplan rules rollback VERSION [--storage CONN]</c>:
/// every version that was active, newest first, with time (Vietnam), author and what it changed; and the way back.
/// </summary>
public static class RulesHistoryCommand
{
    /// <summary>Prints the history.</summary>
    public static async Task<int> HistoryAsync(string? storage, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = LocalStack.Build(LocalStack.Storage(storage), null, LogLevel.Warning);
        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
        var history = await host.Services.GetRequiredService<RulesHistory>().ListAsync(cancellationToken);
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new { versions = history }, ApiJson.Options));
            return ExitCodes.Success;
        }

        if (history.Count == 0)
        {
            console.Out.WriteLine("Chưa có bộ quy tắc nào được áp dụng.");
        }

        foreach (var entry in history)
        {
            var time = entry.ActivatedAt.ToOffset(ReportingCalendar.VietnamOffset);
            console.Out.WriteLine($"{entry.Version}  {time:dd/MM/yyyy HH:mm} (giờ Việt Nam)  {entry.Author ?? "không rõ người thực hiện"}{(entry.Active ? "  [đang áp dụng]" : "")}");
            foreach (var line in entry.Diff)
            {
                console.Out.WriteLine($"    {line}");
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Makes an earlier version active again.</summary>
    public static async Task<int> RollbackAsync(string version, string? storage, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = LocalStack.Build(LocalStack.Storage(storage), null, LogLevel.Warning);
        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
        var result = await host.Services.GetRequiredService<RulesHistory>().RollbackAsync(version, $"rollback ({Environment.UserName})", cancellationToken);
        switch (result.Outcome)
        {
            case Workflow.Application.RulesOutcome.Activated:
                console.Out.WriteLine($"Version {result.Version} is active again (a new entry in the history); the stored verdicts were scored again with it.");
                return ExitCodes.Success;
            case Workflow.Application.RulesOutcome.Unchanged:
                console.Out.WriteLine($"Version {result.Version} is already the active version; nothing changed.");
                return ExitCodes.Success;
            default:
                console.Error.WriteLine(result.Problem ?? $"version {version} could not be made active");
                return ExitCodes.Invalid;
        }
    }
}
