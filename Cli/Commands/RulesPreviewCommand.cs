using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan rules preview DIR [--storage CONN] [--json]</c>: validates DIR as <c>rules check</c> does, then
/// says which stored verdicts the rules would change and who would be alerted or told "resolved". Stores and
/// sends nothing. Exit 0 when the rules are valid (whether or not anything changes), 2 when they are not.
/// </summary>
public static class RulesPreviewCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string? path, string? storage, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        if (RulesOutcome.Load(RulesLocator.Resolve(path), console) is not { } proposed)
        {
            return ExitCodes.Invalid;
        }

        using var host = LocalStack.Build(LocalStack.Storage(storage), null, LogLevel.Warning);
        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
        var preview = await host.Services.GetRequiredService<RulesPreviewer>().PreviewAsync(proposed, cancellationToken);
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(RulesPreviewResponse.From(preview), ApiJson.Options));
            return ExitCodes.Success;
        }

        console.Out.WriteLine($"Xem trước bộ quy tắc {preview.ProposedVersion} (đang áp dụng: {preview.ActiveVersion ?? "chưa có"}). Không có gì được lưu hay gửi.");
        console.Out.WriteLine(preview.Diff.Count == 0 ? "Quy tắc không thay đổi." : "Thay đổi của quy tắc:");
        foreach (var line in preview.Diff)
        {
            console.Out.WriteLine($"  {line}");
        }

        var result = preview.Result;
        console.Out.WriteLine(result.Changes.Count == 0 ? "Không kết quả đánh giá nào thay đổi." : $"Kết quả đánh giá sẽ thay đổi ({result.Changes.Count}):");
        foreach (var change in result.Changes)
        {
            var to = change.To is { } status ? Word(status) : "(bỏ chỉ tiêu)";
            console.Out.WriteLine($"  {change.Indicator}, {change.Jurisdiction}{(change.AddedUp ? " (tổng hợp từ các xã)" : "")}, {change.Period.Label.Vi}: {Word(change.From)} → {to}");
        }

        Notices(console, "Sẽ gửi cảnh báo cho:", result.Alerts);
        Notices(console, "Sẽ báo đã cải thiện cho:", result.Resolved);
        return ExitCodes.Success;
    }

    private static void Notices(CliConsole console, string heading, IReadOnlyList<Core.RuleChanges.UnitNotice> notices)
    {
        if (notices.Count == 0)
        {
            return;
        }

        console.Out.WriteLine(heading);
        foreach (var notice in notices)
        {
            console.Out.WriteLine($"  {notice.Unit}: {string.Join(", ", notice.Indicators)}");
        }
    }

    private static string Word(Status status) => $"{StatusPresentation.Of(status).Symbol} {StatusPresentation.Of(status).Label.Vi}";
}
