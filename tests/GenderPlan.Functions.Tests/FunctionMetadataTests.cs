using System.Text.Json;

namespace GenderPlan.Functions.Tests;

/// <summary>The bindings the build wrote to functions.metadata: what the Functions host will actually wire.</summary>
public class FunctionMetadataTests
{
    private static readonly JsonElement[] Functions =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata"))).RootElement.EnumerateArray().ToArray();

    private static JsonElement Trigger(string function) =>
        Functions.Single(entry => entry.GetProperty("name").GetString() == function)
            .GetProperty("bindings").EnumerateArray().Single(binding => binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static string? Text(JsonElement binding, string property) =>
        binding.TryGetProperty(property, out var value) ? value.ToString() : null;

    [Fact]
    public void Every_function_is_declared()
    {
        Assert.Equal(
            [
                FunctionNames.AcceptRules, FunctionNames.ApprovalsPage, FunctionNames.DeadlineReminders, FunctionNames.DecideReport, FunctionNames.FollowUpAnswer, FunctionNames.FollowUpPage, FunctionNames.FollowUps, FunctionNames.Health, FunctionNames.ProvinceReports, FunctionNames.ReportTemplate, FunctionNames.RulesApply,
                FunctionNames.RulesPage, FunctionNames.RulesPreview, FunctionNames.Scorecard, FunctionNames.ScorecardPage, FunctionNames.ScoreReport, FunctionNames.SendPendingAlerts,
                FunctionNames.SubmitReport, FunctionNames.UploadPage, FunctionNames.UploadStatus,
            ],
            Functions.Select(entry => entry.GetProperty("name").GetString()).Order());
    }

    [Theory]
    [InlineData(FunctionNames.ScoreReport, "reports/{name}")]
    [InlineData(FunctionNames.AcceptRules, "rules/{name}")]
    public void Blob_triggers_use_Event_Grid_on_the_storage_connection(string function, string path)
    {
        var trigger = Trigger(function);

        Assert.Equal("blobTrigger", Text(trigger, "type"));
        Assert.Equal(path, Text(trigger, "path"));
        Assert.Equal("EventGrid", Text(trigger, "source"));
        Assert.Equal("Storage", Text(trigger, "connection"));
    }

    [Theory]
    [InlineData(FunctionNames.SendPendingAlerts, "0 */5 * * * *")]
    [InlineData(FunctionNames.DeadlineReminders, "0 0 1 * * *")]
    [InlineData(FunctionNames.ProvinceReports, "0 30 1 * * *")]
    public void Timers_run_on_six_field_cron_schedules(string function, string schedule)
    {
        var trigger = Trigger(function);

        Assert.Equal("timerTrigger", Text(trigger, "type"));
        Assert.Equal(schedule, Text(trigger, "schedule"));
    }

    [Theory]
    [InlineData(FunctionNames.Scorecard, "api/scorecard/{period}/{jurisdiction}")]
    [InlineData(FunctionNames.Health, "api/health")]
    [InlineData(FunctionNames.ScorecardPage, "api/page/{jurisdiction}")]
    public void Http_functions_need_a_function_key_and_answer_get(string function, string route)
    {
        var trigger = Trigger(function);

        Assert.Equal("httpTrigger", Text(trigger, "type"));
        Assert.Equal(route, Text(trigger, "route"));
        Assert.Equal("Function", Text(trigger, "authLevel"));
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(method => method.GetString()));
    }

    [Theory]
    [InlineData(FunctionNames.UploadPage, "upload", "get")]
    [InlineData(FunctionNames.SubmitReport, "api/reports", "post")]
    [InlineData(FunctionNames.UploadStatus, "api/uploads/{id}", "get")]
    [InlineData(FunctionNames.ReportTemplate, "api/template", "get")]
    [InlineData(FunctionNames.RulesPage, "rules", "get")]
    [InlineData(FunctionNames.RulesPreview, "api/rules/preview", "post")]
    [InlineData(FunctionNames.RulesApply, "api/rules/apply", "post")]
    [InlineData(FunctionNames.DecideReport, "api/reports/{key}/decision", "post")]
    [InlineData(FunctionNames.ApprovalsPage, "approvals", "get")]
    public void Upload_functions_are_anonymous_because_officials_hold_links_and_the_handlers_check_the_token(string function, string route, string method)
    {
        var trigger = Trigger(function);

        Assert.Equal(route, Text(trigger, "route"));
        Assert.Equal("Anonymous", Text(trigger, "authLevel"));
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(each => each.GetString()));
    }

    [Fact]
    public void Host_adds_no_route_prefix_so_the_upload_page_is_at_the_root_as_locally()
    {
        var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json"))).RootElement;

        Assert.Equal("", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }
}
