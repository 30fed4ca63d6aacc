using GenderPlan.Core.Domain;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using MimeKit;

namespace GenderPlan.Workflow.Tests;

public sealed class RulesWorkflowTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Valid_rules_upload_becomes_the_active_version_with_its_uploader()
    {
        await using var pipeline = Pipeline.Create(Azurite);

        await pipeline.PublishRulesAsync();

        var active = await pipeline.Get<ActiveRules>().GetActiveInfoAsync(CancellationToken.None);
        Assert.NotNull(active);
        Assert.Equal("ldtbxh@example.org", active.Uploader);
        Assert.Equal(["dak-to-2016-2020.workflow.json", "dak-to-2025.places.json", "units.json"], active.Files.Order());
        Assert.Single(await pipeline.Storage.RulesHistoryAsync());
    }

    // The uploader named in metadata is copied only when the address belongs to a unit: metadata is whatever anyone wrote.
    [Theory]
    [InlineData("gddt@example.org", new[] { "gddt@example.org" })]
    [InlineData("attacker@example.net", new string[0])]
    public async Task Broken_rules_upload_is_refused_the_old_rules_keep_scoring_and_the_coordinator_is_told(string uploader, string[] copied)
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        var before = await pipeline.Get<ActiveRules>().GetActiveInfoAsync(CancellationToken.None);
        var broken = PlanEdits.ShippedWithRule("G3.1", "target", 980);
        await pipeline.UploadAsync(StorageNames.RulesContainer, "dak-to-2016-2020.workflow.json", broken, new() { ["uploader"] = uploader });

        var outcome = await pipeline.Rules.ProcessAsync("dak-to-2016-2020.workflow.json", CancellationToken.None);

        Assert.Equal(RulesOutcome.Refused, outcome);
        Assert.Equal(before!.Version, (await pipeline.Get<ActiveRules>().GetActiveInfoAsync(CancellationToken.None))!.Version);
        var notice = MimeMessage.Load(Assert.Single(pipeline.EmailFiles()));
        Assert.Equal(["ldtbxh@example.org"], notice.To.Mailboxes.Select(to => to.Address));
        Assert.Equal(copied, notice.Cc.Mailboxes.Select(cc => cc.Address));
        Assert.Contains("rule G3.1.Properties.target: 980 is above 100", notice.TextBody, StringComparison.Ordinal);

        await pipeline.UploadReportAsync("gddt/2019.csv", Pipeline.Csv("2019,dak-to,G3.1,\"98,5\",,,"));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("gddt/2019.csv", CancellationToken.None));
        var result = Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None));
        Assert.Equal("met", result.Status.Word());
        Assert.Equal($"dak-to-2016-2020@", result.RulesVersion[..17]);
    }

    [Fact]
    public async Task New_rules_change_the_next_score_without_a_restart()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("gddt/a.csv", Pipeline.Csv("2019,dak-to,G3.1,\"98,5\",,,"));
        await pipeline.Reports.ProcessAsync("gddt/a.csv", CancellationToken.None);
        var first = Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None));

        var stricter = PlanEdits.ShippedWithRule("G3.1", "target", 99);
        await pipeline.UploadAsync(StorageNames.RulesContainer, "dak-to-2016-2020.workflow.json", stricter, []);
        Assert.Equal(RulesOutcome.Activated, await pipeline.Rules.ProcessAsync("dak-to-2016-2020.workflow.json", CancellationToken.None));
        await pipeline.UploadReportAsync("gddt/b.csv", Pipeline.Csv("2019,dak-to,G3.1,\"98,5\",,,"));
        await pipeline.Reports.ProcessAsync("gddt/b.csv", CancellationToken.None);

        var second = Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None));
        Assert.Equal(("met", 98m), (first.Status.Word(), first.Target));
        Assert.Equal(("on-track", 99m), (second.Status.Word(), second.Target));
        Assert.NotEqual(first.RulesVersion, second.RulesVersion);
        Assert.Equal(2, (await pipeline.Storage.RulesHistoryAsync()).Count);
    }

    [Fact]
    public async Task Same_rules_uploaded_again_change_nothing()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadAsync(StorageNames.RulesContainer, "units.json", await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules", "units.json")), []);

        Assert.Equal(RulesOutcome.Unchanged, await pipeline.Rules.ProcessAsync("units.json", CancellationToken.None));
        Assert.Single(await pipeline.Storage.RulesHistoryAsync());
    }

    [Fact]
    public async Task Files_that_are_not_rules_are_ignored()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.UploadAsync(StorageNames.RulesContainer, "ghi-chu.txt", "không phải quy tắc", []);

        Assert.Equal(RulesOutcome.Ignored, await pipeline.Rules.ProcessAsync("ghi-chu.txt", CancellationToken.None));
    }
}
