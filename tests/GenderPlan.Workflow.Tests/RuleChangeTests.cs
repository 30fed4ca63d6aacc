using System.Text.Json;
using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// Changing the rules against Azurite: the preview lists exactly what a raised target, a flipped direction and
/// a moved lead unit do to the stored verdicts and stores nothing; publishing then gives those verdicts; the
/// history shows both versions with their diff; a rollback restores the old verdicts as a new history entry.
/// </summary>
public sealed class RuleChangeTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    // G3.1: 98,5 meets 98; raised to 99,5 by 2020 from 96,5 in 2015, 2019 should stand at 98,9: behind. Its lead moves to ldtbxh.
    // G4.3a: 95 meets ≥ 90; turned into ≤ 90, 95 is above the ceiling a year before the target year: off track (missed only in 2020).
    private static string Proposed()
    {
        var workflow = JsonNode.Parse(Pipeline.WorkflowJson())!;
        foreach (var rule in workflow["Rules"]!.AsArray())
        {
            var properties = rule!["Properties"]!;
            switch (rule["RuleName"]!.GetValue<string>())
            {
                case "G3.1":
                    properties["target"] = 99.5;
                    properties["lead"] = "ldtbxh";
                    break;
                case "G4.3a":
                    properties["direction"] = "<=";
                    rule["Expression"] = "value <= target";
                    break;
            }
        }

        return workflow.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static async Task<Pipeline> ScoredAsync(AzuriteFixture azurite)
    {
        var pipeline = Pipeline.Create(azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("gddt/a.csv", Pipeline.Csv("2019,dak-to,G3.1,\"98,5\",,,"));
        await pipeline.UploadReportAsync("yte/b.csv", Pipeline.Csv("2019,dak-to,G4.3a,95,,,"));
        await pipeline.Reports.ProcessAsync("gddt/a.csv", CancellationToken.None);
        await pipeline.Reports.ProcessAsync("yte/b.csv", CancellationToken.None);
        return pipeline;
    }

    private static RuleBook Book(string workflowJson) =>
        RuleBookLoader.Load([.. RuleSource.FromDirectory(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules")).Where(source => !source.IsWorkflow), new RuleSource("dak-to-2016-2020.workflow.json", System.Text.Encoding.UTF8.GetBytes(workflowJson))]).RuleBook!;

    private static async Task<Dictionary<string, string>> StatusesAsync(Pipeline pipeline) =>
        (await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None)).ToDictionary(result => result.Indicator, result => result.Status.Word());

    [Fact]
    public async Task Preview_of_a_change_to_one_plan_reads_that_plans_places_not_every_result_of_every_plan()
    {
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, configure: requests.AddTo);
        await pipeline.PublishRulesAsync();
        const string communePlan = "xa-dak-to-2021-2030.workflow.json";
        await pipeline.UploadAsync(StorageNames.RulesContainer, communePlan, await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules", communePlan)), new() { ["uploader"] = "ldtbxh@example.org" });
        Assert.Equal(RulesOutcome.Activated, await pipeline.Rules.ProcessAsync(communePlan, CancellationToken.None));
        await pipeline.UploadReportAsync("yte/b.csv", Pipeline.Csv("2019,dak-to,G4.3a,95,,,"));
        await pipeline.Reports.ProcessAsync("yte/b.csv", CancellationToken.None);
        requests.Clear();

        // The shipped rules with the Đăk Tô district plan changed and xã Đăk Tô's 2021-2030 plan as it is.
        var proposed = RuleBookLoader.Load([
            .. RuleSource.FromDirectory(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules")).Where(source => source.Name != "dak-to-2016-2020.workflow.json"),
            new RuleSource("dak-to-2016-2020.workflow.json", System.Text.Encoding.UTF8.GetBytes(Proposed()))]).RuleBook!;
        Assert.Equal(2, proposed.Plans.Count);

        var preview = await pipeline.Get<RulesPreviewer>().PreviewAsync(proposed, CancellationToken.None);

        Assert.Contains(preview.Result.Changes, change => (change.Indicator, change.Jurisdiction) == ("G4.3a", "dak-to"));
        var reads = requests.Snapshot().Where(request => request.Contains("/Results", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, read => Assert.Contains("PartitionKey", read, StringComparison.Ordinal));
        Assert.DoesNotContain(reads, read => read.Contains("'xa-dak-to~", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preview_lists_exactly_the_verdicts_a_raised_target_a_flipped_direction_and_a_moved_lead_change_and_stores_nothing()
    {
        await using var pipeline = await ScoredAsync(Azurite);
        var alertsBefore = (await pipeline.Storage.AllAlertsAsync()).Count;
        var versionBefore = (await pipeline.Get<ActiveRules>().GetActiveInfoAsync(CancellationToken.None))!.Version;

        var preview = RulesPreviewResponse.From(await pipeline.Get<RulesPreviewer>().PreviewAsync(Book(Proposed()), CancellationToken.None));

        Assert.Equal(
            [("G3.1", "dak-to", "2019", Status.Met, (Status?)Status.FallingBehind), ("G4.3a", "dak-to", "2019", Status.Met, Status.OffTrack)],
            preview.Changes.Select(change => (change.Indicator, change.Jurisdiction, change.Period, change.From, change.To)));
        Assert.Equal([("ldtbxh", "G3.1"), ("yte", "G4.3a")], preview.Alerts.Select(notice => (notice.Unit, string.Join(",", notice.Indicators))));
        Assert.Empty(preview.Resolved);
        Assert.Contains("G3.1: chỉ tiêu 98% → 99,5%", preview.Diff);
        Assert.Contains("G3.1: đơn vị chủ trì gddt → ldtbxh", preview.Diff);
        Assert.Contains("G4.3a: chiều đánh giá ≥ → ≤", preview.Diff);
        Assert.Equal(new Dictionary<string, string> { ["G3.1"] = "met", ["G4.3a"] = "met" }, await StatusesAsync(pipeline));
        Assert.Equal(alertsBefore, (await pipeline.Storage.AllAlertsAsync()).Count);
        Assert.Equal(versionBefore, (await pipeline.Get<ActiveRules>().GetActiveInfoAsync(CancellationToken.None))!.Version);
        var json = JsonDocument.Parse(JsonSerializer.Serialize(preview, ApiJson.Options)).RootElement;
        Assert.Equal("falling-behind", json.GetProperty("changes")[0].GetProperty("to").GetString());
    }

    [Fact]
    public async Task Publishing_after_preview_gives_those_verdicts_alerts_the_new_lead_and_sends_the_coordinator_one_summary()
    {
        await using var pipeline = await ScoredAsync(Azurite);
        var emailsBefore = pipeline.EmailFiles().Length;

        await pipeline.UploadAsync(StorageNames.RulesContainer, "dak-to-2016-2020.workflow.json", Proposed(), new() { ["uploader"] = "ldtbxh@example.org" });
        Assert.Equal(RulesOutcome.Activated, await pipeline.Rules.ProcessAsync("dak-to-2016-2020.workflow.json", CancellationToken.None));

        Assert.Equal(new Dictionary<string, string> { ["G3.1"] = "falling-behind", ["G4.3a"] = "off-track" }, await StatusesAsync(pipeline));
        var alerts = await pipeline.Storage.AllAlertsAsync();
        var summary = Assert.Single(alerts, alert => alert.Kind == AlertKind.RulesChanged);
        Assert.Equal("V/v áp dụng bộ quy tắc đánh giá mới: 2 kết quả đánh giá thay đổi", summary.Message.Subject);
        Assert.Equal(["ldtbxh@example.org"], summary.Message.To.Select(to => to.Address));
        Assert.Contains("Tỷ lệ biết chữ độ tuổi 15-40 ở vùng sâu, vùng xa, vùng dân tộc thiểu số: chỉ tiêu 98% → 99,5%", summary.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("G3.1", summary.Message.Text, StringComparison.Ordinal);
        var literacy = Assert.Single(alerts, alert => alert.Kind == AlertKind.Alert && alert.Message.Text.Contains("Tỷ lệ biết chữ", StringComparison.Ordinal));
        Assert.Equal(["ldtbxh@example.org"], literacy.Message.To.Select(to => to.Address));
        Assert.Equal(emailsBefore + 3, pipeline.EmailFiles().Length);

        // Processing the same upload again re-scores nothing and sends nothing.
        Assert.Equal(0, await pipeline.Get<RulesRescoring>().CatchUpAsync(CancellationToken.None));
        Assert.Equal(emailsBefore + 3, pipeline.EmailFiles().Length);
    }

    [Fact]
    public async Task History_shows_both_versions_with_the_diff_and_rollback_restores_the_old_verdicts_as_a_new_entry()
    {
        await using var pipeline = await ScoredAsync(Azurite);
        var first = (await pipeline.Get<ActiveRules>().GetActiveInfoAsync(CancellationToken.None))!.Version;
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        await pipeline.UploadAsync(StorageNames.RulesContainer, "dak-to-2016-2020.workflow.json", Proposed(), new() { ["uploader"] = "ldtbxh@example.org" });
        await pipeline.Rules.ProcessAsync("dak-to-2016-2020.workflow.json", CancellationToken.None);
        var history = pipeline.Get<RulesHistory>();

        var twoVersions = await history.ListAsync(CancellationToken.None);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        var rollback = await history.RollbackAsync(first[..8], "ldtbxh", CancellationToken.None);
        var threeVersions = await history.ListAsync(CancellationToken.None);

        Assert.Equal(2, twoVersions.Count);
        Assert.True(twoVersions[0].Active);
        Assert.Equal("ldtbxh@example.org", twoVersions[0].Author);
        Assert.Contains("G3.1: đơn vị chủ trì gddt → ldtbxh", twoVersions[0].Diff);
        Assert.StartsWith("phiên bản đầu tiên", twoVersions[1].Diff.Single(), StringComparison.Ordinal);
        Assert.Equal((first, RulesOutcome.Activated), (rollback.Version, rollback.Outcome));
        Assert.Equal(new Dictionary<string, string> { ["G3.1"] = "met", ["G4.3a"] = "met" }, await StatusesAsync(pipeline));
        Assert.Equal(3, threeVersions.Count);
        Assert.Equal((first, "ldtbxh", true), (threeVersions[0].Version, threeVersions[0].Author, threeVersions[0].Active));
        Assert.Contains("G3.1: chỉ tiêu 99,5% → 98%", threeVersions[0].Diff);
        // The same figures pass again only because the target went back down: the notice says so, and credits no one's work.
        var resolved = Assert.Single(await pipeline.Storage.AllAlertsAsync(), alert => alert.Kind == AlertKind.Resolved && alert.Message.Text.Contains("Tỷ lệ biết chữ", StringComparison.Ordinal));
        Assert.StartsWith("V/v điều chỉnh kết quả đánh giá chỉ tiêu tỷ lệ biết chữ", resolved.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("không phải do số liệu thực hiện được cải thiện", resolved.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("đã được cải thiện, đạt tiến độ", resolved.Message.Text, StringComparison.Ordinal);
    }
}
