using System.Net;
using System.Text;
using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using MimeKit;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// A unit reports only what the plan makes it answer for: a department the district's figures of the indicators
/// it leads, a commune committee its own commune's, the plan's coordinator anything. Anything else is refused
/// whole, row by row, whichever way the file came (the page or storage), and nothing of it is stored.
/// </summary>
public sealed class SenderScopeTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    private static readonly Lazy<RuleBook> ShippedRules = new(() => RuleBookLoader.LoadDirectory(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules")).RuleBook!);

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes("period;jurisdiction;indicator;value\n" + string.Join("\n", rows) + "\n");

    [Theory]
    // The lead reports the district's figure; the coordinator anything, for the district or a commune.
    [InlineData("yte", "", "2019;dak-to;G4.1;108/100", "2019;dak-to;G4.2;45/100000")]
    [InlineData("ldtbxh", "", "2019;dak-to;G4.1;108/100", "2019;dak-to;G3.1;99%", "2019;dak-to;G6.1;1,8")]
    [InlineData("ldtbxh", "", "2020-H1;tan-canh;G4.1;112/100")]
    [InlineData("ubnd-tan-canh", "", "2020-H1;tan-canh;G4.1;112/100", "2020-H1;tan-canh;G3.1;98%")]
    // Another department's indicator, even one it coordinates (hlhpn on G4.1), is not its figure to give.
    [InlineData("vhtt", "G4.1,G3.1", "2019;dak-to;G4.1;100/100", "2019;dak-to;G3.1;99%")]
    [InlineData("vhtt", "G4.1", "2019;dak-to;G6.1;1,8", "2019;dak-to;G4.1;100/100")]
    [InlineData("hlhpn", "G4.1", "2019;dak-to;G4.1;100/100", "2019;dak-to;G2.4;96")]
    // A commune's figures are its committee's, even for the indicator's lead.
    [InlineData("vhtt", "G4.1", "2020-H1;tan-canh;G4.1;150/100")]
    [InlineData("yte", "G4.1", "2020-H1;tan-canh;G4.1;150/100")]
    public void Unit_may_send_only_the_figures_the_plan_makes_it_answer_for(string unit, string refused, params string[] rows)
    {
        var read = ReportAdmission.Read(ShippedRules.Value, unit, "r.csv", Csv(rows));

        var expected = refused.Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Length == 0, read.IsValid);
        Assert.Equal(expected, read.Problems.Select(problem => problem.Location?.Indicator));
        Assert.All(read.Problems, problem => Assert.Equal(("C", "indicator"), (problem.Location!.Column, problem.Location.ColumnName)));
    }

    [Theory]
    [InlineData(null, "G4.1 do Phòng Y tế chủ trì báo cáo; Phòng Văn hóa - Thông tin không báo cáo chỉ tiêu này", "G3.1 do Phòng Giáo dục và Đào tạo chủ trì báo cáo")]
    [InlineData("en", "G4.1 is reported by its lead, Health Division; Culture and Information Division does not report this indicator", "G3.1 is reported by its lead, Education and Training Division")]
    public async Task Department_sending_another_leads_figures_gets_422_naming_each_row_and_nothing_is_stored(string? language, string first, string second)
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var culture = await host.TokenForAsync("vhtt");

        using var response = await host.PostAsync("vhtt", culture, "vhtt-2019.csv", Csv("2019;dak-to;G4.1;100/100", "2019;dak-to;G3.1;99%"), language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(
            [(2, "C", "G4.1"), (3, "C", "G3.1")],
            errors.Select(error => (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("indicator").GetString())));
        Assert.Equal(first, errors[0].GetProperty("message").GetString());
        Assert.StartsWith(second, errors[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await host.StoredReportsAsync());
    }

    [Fact]
    public async Task Department_file_in_storage_with_another_leads_figure_is_rejected_and_the_leads_figure_stands()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,115/100,,,"));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None));
        var before = pipeline.EmailFiles();

        await pipeline.UploadReportAsync("vhtt/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,100/100,,,", "2019,dak-to,G3.1,99%,,,"));
        var outcome = await pipeline.Reports.ProcessAsync("vhtt/2019.csv", CancellationToken.None);

        Assert.Equal(ReportOutcome.Rejected, outcome);
        var figure = Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None));
        Assert.Equal(("G4.1", (decimal?)115m, "yte", Status.OffTrack), (figure.Indicator, figure.Value, figure.Unit, figure.Status));
        var rejected = pipeline.Storage.Container(StorageNames.RejectedContainer);
        var errors = (await rejected.GetBlobClient("vhtt/2019.csv.errors.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("vhtt/2019.csv: row 2, column C (indicator), G4.1: G4.1 is reported by its lead, Health Division", errors, StringComparison.Ordinal);
        Assert.Contains("vhtt/2019.csv: row 3, column C (indicator), G3.1: G3.1 is reported by its lead, Education and Training Division", errors, StringComparison.Ordinal);
        // No "resolved" to yte or gddt: the only new email is the refusal, to vhtt and the coordinator.
        var notice = MimeMessage.Load(Assert.Single(pipeline.EmailFiles().Except(before)));
        Assert.Equal(["ldtbxh@example.org", "vhtt@example.org"], notice.To.Mailboxes.Select(to => to.Address));
    }
}
