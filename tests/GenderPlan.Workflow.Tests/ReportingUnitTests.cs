using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using MimeKit;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// Nobody reports as someone else: the folder names the unit, a commune committee reports for its own commune only
/// (never the district, never another commune), and the group <c>ubnd-xa</c> sends no report.
/// </summary>
public sealed class ReportingUnitTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Commune_folder_claiming_the_coordinator_in_metadata_cannot_report_for_the_district()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadAsync(StorageNames.ReportsContainer, "ubnd-tan-canh/x.csv", Pipeline.Csv("2019,dak-to,G3.1,\"98,5\",,,"), new() { ["unit"] = "ldtbxh" });

        var outcome = await pipeline.Reports.ProcessAsync("ubnd-tan-canh/x.csv", CancellationToken.None);

        Assert.Equal(ReportOutcome.Rejected, outcome);
        Assert.Empty(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None));
        var notice = MimeMessage.Load(Assert.Single(pipeline.EmailFiles()));
        Assert.Equal(["ldtbxh@example.org", "ubnd-tan-canh@example.org"], notice.To.Mailboxes.Select(to => to.Address));
        Assert.Contains("ubnd-tan-canh là UBND cấp xã", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("is a commune People's Committee", notice.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ubnd-po-ko", "ubnd-po-ko chỉ báo cáo cho Xã Pô Kô, không báo cáo cho Xã Tân Cảnh")]
    [InlineData("ubnd-xa", "ubnd-xa là địa chỉ chung của UBND các xã, thị trấn, không tự gửi báo cáo")]
    public async Task Commune_report_from_another_committee_or_the_group_is_rejected(string sender, string words)
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync($"{sender}/tan-canh.csv", Pipeline.Csv("2019,tan-canh,G3.1,\"98,5\",,,"));

        Assert.Equal(ReportOutcome.Rejected, await pipeline.Reports.ProcessAsync($"{sender}/tan-canh.csv", CancellationToken.None));

        Assert.Empty(await pipeline.Get<ResultStore>().LatestAsync("tan-canh", "2019", CancellationToken.None));
        Assert.Contains(words, MimeMessage.Load(Assert.Single(pipeline.EmailFiles())).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commune_committee_reports_for_a_commune()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("ubnd-tan-canh/tan-canh.csv", Pipeline.Csv("2019,tan-canh,G3.1,\"98,5\",,,"));

        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-tan-canh/tan-canh.csv", CancellationToken.None));
        Assert.Equal("ubnd-tan-canh", Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("tan-canh", "2019", CancellationToken.None)).Unit);
    }
}

/// <summary>Blob names that cannot be read back by their name are refused aloud, not skipped.</summary>
public sealed class UnreadableNameTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Theory]
    [InlineData("ldtbxh/../../rules/x.csv", false)]
    [InlineData("ldtbxh/./x.csv", false)]
    [InlineData("ldtbxh//x.csv", false)]
    [InlineData("ldtbxh/a\\b.csv", false)]
    [InlineData("ldtbxh/bao-cao\n.csv", false)]
    [InlineData("ldtbxh/báo cáo 2019.xlsx", true)]
    [InlineData("ldtbxh/2019..final.csv", true)]
    public void Only_names_that_read_back_as_themselves_are_plain(string name, bool plain) =>
        Assert.Equal(plain, GenderPlan.Workflow.Application.ReportIntake.IsPlainName(name));

    [Fact]
    public async Task Report_named_with_dot_dot_folders_is_refused_and_the_coordinator_told()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();

        var outcome = await pipeline.Reports.ProcessAsync("ldtbxh/../../rules/x.csv", CancellationToken.None);

        Assert.Equal(ReportOutcome.Rejected, outcome);
        var notice = MimeMessage.Load(Assert.Single(pipeline.EmailFiles()));
        Assert.Equal(["ldtbxh@example.org"], notice.To.Mailboxes.Select(to => to.Address));
        Assert.Contains("ldtbxh/../../rules/x.csv", notice.TextBody, StringComparison.Ordinal);
    }
}
