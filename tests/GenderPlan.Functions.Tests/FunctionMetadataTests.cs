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
            [FunctionNames.AcceptRules, FunctionNames.DeadlineReminders, FunctionNames.Health, FunctionNames.Scorecard, FunctionNames.ScorecardPage, FunctionNames.ScoreReport, FunctionNames.SendPendingAlerts],
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
    public void Timers_run_on_six_field_cron_schedules(string function, string schedule)
    {
        var trigger = Trigger(function);

        Assert.Equal("timerTrigger", Text(trigger, "type"));
        Assert.Equal(schedule, Text(trigger, "schedule"));
    }

    [Theory]
    [InlineData(FunctionNames.Scorecard, "scorecard/{period}/{jurisdiction}")]
    [InlineData(FunctionNames.Health, "health")]
    [InlineData(FunctionNames.ScorecardPage, "page/{jurisdiction}")]
    public void Http_functions_need_a_function_key_and_answer_get(string function, string route)
    {
        var trigger = Trigger(function);

        Assert.Equal("httpTrigger", Text(trigger, "type"));
        Assert.Equal(route, Text(trigger, "route"));
        Assert.Equal("Function", Text(trigger, "authLevel"));
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(method => method.GetString()));
    }
}
