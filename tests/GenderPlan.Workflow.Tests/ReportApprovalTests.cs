using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenderPlan.Core.Scoring;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// Approving and returning reports over real HTTP against Azurite: a returned report stays stored but its place's
/// results, the district's sums and their coverage go back to what they were before it arrived; the unit is emailed the
/// reason with its link; only the coordinator (and a commune's own committee, where the plan allows) may decide; a plan
/// without approval counts everything, as before.
/// </summary>
public sealed class ReportApprovalTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    internal static string ApprovalPlan() =>
        PlanEdits.ShippedWithPlan("approval", new JsonObject { ["required"] = true, ["communeChairMayApprove"] = true });

    /// <summary>Tân Cảnh's 2020 report with other figures: a second report of the same place and period.</summary>
    private static byte[] Corrected() => Encoding.UTF8.GetBytes(
        Encoding.UTF8.GetString(UploadHost.Sample("tan-canh-2020.csv")).Replace("G4.1;;41;38;", "G4.1;;60;38;", StringComparison.Ordinal));

    [Fact]
    public async Task Returned_report_leaves_verdicts_and_sums_as_before_it_arrived()
    {
        await using var host = await UploadHost.StartAsync(Azurite, districtWorkflow: ApprovalPlan());
        var committee = await host.TokenForAsync("ubnd-tan-canh");
        var coordinator = await host.TokenForAsync("ldtbxh");
        await SendAsync(host, "ubnd-tan-canh", committee, "tan-canh-2020.csv", UploadHost.Sample("tan-canh-2020.csv"));
        var before = await StateAsync(host, "tan-canh", "2020");

        await SendAsync(host, "ubnd-tan-canh", committee, "tan-canh-2020-sua.csv", Corrected());
        var second = await StateAsync(host, "tan-canh", "2020");
        Assert.NotEqual(before.Results, second.Results);
        Assert.NotEqual(before.Sums, second.Sums);

        var key = (await ReportsOf2020Async(host)).Last().Key;
        var (status, body) = await DecideAsync(host, key, coordinator, "return", "Số liệu G4.1 chưa khớp với sổ hộ tịch; đề nghị kiểm tra lại.");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("returned", body.GetProperty("approval").GetProperty("state").GetString());
        Assert.Equal("ldtbxh", body.GetProperty("approval").GetProperty("by").GetString());
        var after = await StateAsync(host, "tan-canh", "2020");
        Assert.Equal(before.Results, after.Results);
        Assert.Equal(before.Sums, after.Sums);
        // The report stays stored and listed, marked returned.
        Assert.Contains("ubnd-tan-canh/tan-canh-2020-sua.csv", await host.StoredReportsAsync());
        var scorecard = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/api/scorecard/2020/tan-canh", UriKind.Relative))).RootElement;
        var states = scorecard.GetProperty("reports").EnumerateArray().Select(report => report.GetProperty("approval").GetProperty("state").GetString()).ToList();
        Assert.Equal(["pending", "returned"], states);
    }

    [Fact]
    public async Task Returned_commune_report_takes_its_commune_out_of_the_district_sum_and_coverage()
    {
        await using var host = await UploadHost.StartAsync(Azurite, districtWorkflow: ApprovalPlan());
        var coordinator = await host.TokenForAsync("ldtbxh");
        await SendAsync(host, "ubnd-dien-binh", await host.TokenForAsync("ubnd-dien-binh"), "dien-binh-2020.csv", UploadHost.Sample("dien-binh-2020.csv"));
        var before = await StateAsync(host, "dien-binh", "2020");
        await SendAsync(host, "ubnd-po-ko", await host.TokenForAsync("ubnd-po-ko"), "po-ko-2020.csv", UploadHost.Sample("po-ko-2020.csv"));
        var both = await StateAsync(host, "po-ko", "2020");
        Assert.NotEqual(before.Sums, both.Sums);

        var key = (await ReportsOf2020Async(host)).Single(report => report.Unit == "ubnd-po-ko").Key;
        var (status, _) = await DecideAsync(host, key, coordinator, "return", "Thiếu chữ ký của lãnh đạo UBND xã.");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty((await StateAsync(host, "po-ko", "2020")).Results);
        Assert.Equal(before.Sums, (await StateAsync(host, "po-ko", "2020")).Sums);
        Assert.Contains("1/", before.Sums, StringComparison.Ordinal);

        // The sweep finds nothing left to finish, and changes nothing.
        await host.Services.GetRequiredService<Sweep>().RunAsync(CancellationToken.None);
        Assert.Equal(before.Sums, (await StateAsync(host, "po-ko", "2020")).Sums);
    }

    [Fact]
    public async Task Unit_of_a_returned_report_is_emailed_the_reason_and_its_own_upload_link()
    {
        await using var host = await UploadHost.StartAsync(Azurite, districtWorkflow: ApprovalPlan());
        var committee = await host.TokenForAsync("ubnd-tan-canh");
        await SendAsync(host, "ubnd-tan-canh", committee, "tan-canh-2020.csv", UploadHost.Sample("tan-canh-2020.csv"));
        var key = (await ReportsOf2020Async(host)).Single().Key;
        var emailsBefore = Directory.GetFiles(host.Outbox, "*.eml").ToHashSet();

        var (status, _) = await DecideAsync(host, key, await host.TokenForAsync("ldtbxh"), "return", "Số liệu tỷ số giới tính khi sinh chưa khớp.");

        Assert.Equal(HttpStatusCode.OK, status);
        var letter = await ReturnedLetterAsync(host.Outbox, emailsBefore);
        Assert.Contains("trả lại báo cáo", letter.Subject, StringComparison.Ordinal);
        var text = letter.TextBody!;
        Assert.Contains("UBND xã Tân Cảnh", text, StringComparison.Ordinal);
        Assert.Equal(2, letter.To.Count + letter.Cc.Count);
        Assert.Contains("Số liệu tỷ số giới tính khi sinh chưa khớp.", text, StringComparison.Ordinal);
        Assert.Contains($"{host.BaseUrl}/upload?unit=ubnd-tan-canh&token=", text.Replace("=\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("không được tính vào kết quả đánh giá", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_coordinator_and_the_communes_own_committee_may_decide_and_a_return_needs_a_reason()
    {
        await using var host = await UploadHost.StartAsync(Azurite, districtWorkflow: ApprovalPlan());
        var committee = await host.TokenForAsync("ubnd-tan-canh");
        await SendAsync(host, "ubnd-tan-canh", committee, "tan-canh-2020.csv", UploadHost.Sample("tan-canh-2020.csv"));
        var key = (await ReportsOf2020Async(host)).Single().Key;
        var coordinator = await host.TokenForAsync("ldtbxh");

        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(host, key, await host.TokenForAsync("yte"), "approve", null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(host, key, await host.TokenForAsync("ubnd-po-ko"), "approve", null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DecideAsync(host, key, null, "approve", null)).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await DecideAsync(host, key, coordinator, "return", "   ")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await DecideAsync(host, key, coordinator, "return", new string('x', 2001))).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await DecideAsync(host, key, coordinator, "maybe", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(host, "tan-canh~ubnd-tan-canh~0000000000000000099~0123456789abcdef", coordinator, "approve", null)).Status);
        Assert.Null(await host.Services.GetRequiredService<ReportDecisionStore>().FindAsync("2020", key, CancellationToken.None));

        var (approved, first) = await DecideAsync(host, key, committee, "approve", null);
        var (again, second) = await DecideAsync(host, key, coordinator, "approve", null);
        var (returned, conflict) = await DecideAsync(host, key, coordinator, "return", "Sai số liệu.");

        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Equal("ubnd-tan-canh", first.GetProperty("approval").GetProperty("by").GetString());
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(first.GetProperty("approval").GetProperty("at").GetString(), second.GetProperty("approval").GetProperty("at").GetString());
        Assert.Equal("ubnd-tan-canh", second.GetProperty("approval").GetProperty("by").GetString());
        Assert.Equal(HttpStatusCode.Conflict, returned);
        Assert.Equal("approved", conflict.GetProperty("approval").GetProperty("state").GetString());
        Assert.Single(await host.Services.GetRequiredService<ReportDecisionStore>().HistoryAsync("2020", key, CancellationToken.None));
    }

    [Fact]
    public async Task Plan_without_approval_refuses_decisions_and_counts_every_report()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var committee = await host.TokenForAsync("ubnd-tan-canh");
        await SendAsync(host, "ubnd-tan-canh", committee, "tan-canh-2020.csv", UploadHost.Sample("tan-canh-2020.csv"));
        var counted = await StateAsync(host, "tan-canh", "2020");
        var key = (await ReportsOf2020Async(host)).Single().Key;

        var (status, body) = await DecideAsync(host, key, await host.TokenForAsync("ldtbxh"), "return", "Sai số liệu.");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("không áp dụng việc duyệt", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(counted.Results);
        Assert.Equal(counted, await StateAsync(host, "tan-canh", "2020"));
        var report = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/api/scorecard/2020/tan-canh", UriKind.Relative))).RootElement.GetProperty("reports")[0];
        Assert.False(report.TryGetProperty("approval", out _));
        var page = await host.Http.GetStringAsync(new Uri("/api/page/tan-canh", UriKind.Relative));
        Assert.DoesNotContain("Duyệt báo cáo", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_cut_short_after_a_process_first_sweep_is_found_by_its_mark_not_a_scan_and_finished()
    {
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, configure: requests.AddTo);
        await pipeline.PublishRulesAsync(ApprovalPlan());
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None));
        await pipeline.Get<Sweep>().RunAsync(CancellationToken.None);
        var report = Assert.Single(await pipeline.Get<ReportLog>().ForPlaceAndPeriodAsync(Core.Domain.Period.Annual(2019), "po-ko", CancellationToken.None));
        // The return stored, then the process stopped before carrying it through: its results still count.
        var stamp = new Core.Approval.DecisionStamp(Core.Approval.ApprovalState.Returned, "ldtbxh", pipeline.Clock.GetUtcNow(), "Thiếu chữ ký của lãnh đạo UBND xã.");
        await pipeline.Get<ReportDecisionStore>().DecideAsync(
            new StoredDecision(report.Period, report.Key, report.Jurisdiction, report.Unit, report.Arrival, stamp, ReturnProgress.Decided, 0), CancellationToken.None);
        Assert.NotEmpty(await pipeline.Get<ResultStore>().LatestAsync("po-ko", "2019", CancellationToken.None));
        requests.Clear();

        await pipeline.Get<Sweep>().RunAsync(CancellationToken.None);

        Assert.Empty(await pipeline.Get<ResultStore>().LatestAsync("po-ko", "2019", CancellationToken.None));
        Assert.Equal(ReturnProgress.Done, (await pipeline.Get<ReportDecisionStore>().FindAsync(report.Period, report.Key, CancellationToken.None))!.Progress);
        // Found by its mark: no filter over the whole table after the process's first sweep.
        Assert.DoesNotContain(requests.Snapshot(), request => request.Contains("/ReportDecisions", StringComparison.Ordinal) && request.Contains("Progress ne", StringComparison.Ordinal));
        Assert.Empty(await pipeline.Get<ReportDecisionStore>().UnfinishedReturnsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Decision_stored_before_the_report_index_kept_decisions_shows_on_the_page_which_then_reads_no_decision_table()
    {
        Core.Approval.DecisionStamp stamp;
        await using (var before = Pipeline.Create(Azurite))
        {
            await before.PublishRulesAsync(ApprovalPlan());
            await before.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
            Assert.Equal(ReportOutcome.Scored, await before.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None));
            var report = Assert.Single(await before.Get<ReportLog>().ForPlaceAndPeriodAsync(Core.Domain.Period.Annual(2019), "po-ko", CancellationToken.None));
            // As a version before this one stored it: the decision alone, nothing beside the report in its plan's index,
            // and the index without its mark of decisions noted.
            stamp = new Core.Approval.DecisionStamp(Core.Approval.ApprovalState.Approved, "ldtbxh", before.Clock.GetUtcNow(), "");
            await before.Get<ReportDecisionStore>().DecideAsync(
                new StoredDecision(report.Period, report.Key, report.Jurisdiction, report.Unit, report.Arrival, stamp, ReturnProgress.Decided, 0), CancellationToken.None);
            await before.Storage.Table(StorageNames.ReportsByPlanTable).DeleteEntityAsync("!", "decisions");
        }

        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, configure: requests.AddTo);
        var page = (await pipeline.Get<DashboardPublisher>().BuildAsync("po-ko", PageLinks.Live, CancellationToken.None))!;

        Assert.Equal(stamp, Assert.Single(page.Reports).Decision);
        requests.Clear();
        var again = (await pipeline.Get<DashboardPublisher>().BuildAsync("dak-to", PageLinks.Live, CancellationToken.None))!;
        Assert.Equal(stamp, Assert.Single(again.Reports, found => found.Jurisdiction == "po-ko").Decision);
        Assert.DoesNotContain(requests.Snapshot(), request => request.Contains("/ReportDecisions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_show_who_returned_a_report_and_when_and_what_still_awaits_approval()
    {
        await using var host = await UploadHost.StartAsync(Azurite, districtWorkflow: ApprovalPlan());
        var coordinator = await host.TokenForAsync("ldtbxh");
        var key = await SendTanCanhTwiceAsync(host);
        Assert.Contains("Chờ duyệt", await host.Http.GetStringAsync(new Uri($"/approvals?token={coordinator}", UriKind.Relative)), StringComparison.Ordinal);

        await DecideAsync(host, key, coordinator, "return", "Thiếu số liệu mẫu số.");

        var page = await host.Http.GetStringAsync(new Uri("/api/page/tan-canh", UriKind.Relative));
        Assert.Contains("Duyệt báo cáo", page, StringComparison.Ordinal);
        Assert.Contains("<b>Trả lại</b> (Phòng Lao động", page, StringComparison.Ordinal);
        Assert.Contains("Lý do: Thiếu số liệu mẫu số.", page, StringComparison.Ordinal);
        Assert.Contains("<b>Chờ duyệt</b>", page, StringComparison.Ordinal);
        var approvals = await host.Http.GetStringAsync(new Uri($"/approvals?token={coordinator}", UriKind.Relative));
        Assert.Contains("Thiếu số liệu mẫu số.", approvals, StringComparison.Ordinal);
        var other = await host.Http.GetStringAsync(new Uri($"/approvals?token={await host.TokenForAsync("yte")}", UriKind.Relative));
        Assert.DoesNotContain("data-key=", other, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<ReportRecord>> ReportsOf2020Async(UploadHost host) =>
        await host.Services.GetRequiredService<ReportLog>().ForPeriodAsync(Core.Domain.Period.Annual(2020), CancellationToken.None);

    /// <summary>Tân Cảnh's committee sends its 2020 report, then a corrected one; returns the second's key.</summary>
    private static async Task<string> SendTanCanhTwiceAsync(UploadHost host)
    {
        var committee = await host.TokenForAsync("ubnd-tan-canh");
        await SendAsync(host, "ubnd-tan-canh", committee, "tan-canh-2020.csv", UploadHost.Sample("tan-canh-2020.csv"));
        await SendAsync(host, "ubnd-tan-canh", committee, "tan-canh-2020-sua.csv", Corrected());
        return (await ReportsOf2020Async(host)).Last().Key;
    }

    /// <summary>The latest reported results of a place and period, and the district's sums, as comparable text.</summary>
    internal static async Task<(string Results, string Sums)> StateAsync(UploadHost host, string place, string period)
    {
        var store = host.Services.GetRequiredService<ResultStore>();
        var results = (await store.LatestAsync(place, period, CancellationToken.None))
            .OrderBy(result => result.Indicator, StringComparer.Ordinal)
            .Select(result => $"{result.Indicator}={result.Value}:{result.Status}:{result.Report}");
        var sums = (await store.LatestAsync("dak-to", period, CancellationToken.None))
            .Where(result => result.Source == FigureSource.Communes)
            .OrderBy(result => result.Indicator, StringComparer.Ordinal)
            .Select(result => $"{result.Indicator}={result.Value}:{result.Status}:{result.Coverage?.Reported}/{result.Coverage?.Expected}:{string.Join(",", result.Coverage?.Missing ?? [])}");
        return (string.Join("\n", results), string.Join("\n", sums));
    }

    internal static async Task SendAsync(UploadHost host, string unit, string token, string file, byte[] content)
    {
        using var response = await host.PostAsync(unit, token, file, content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var upload = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("upload").GetString()!;
        Assert.Equal("scored", (await host.WaitUntilDoneAsync(upload, token)).GetProperty("status").GetString());
        // The sums over the communes follow the commune's report in the same pass; the sweep settles any race.
        await host.Services.GetRequiredService<Sweep>().RunAsync(CancellationToken.None);
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> DecideAsync(UploadHost host, string key, string? token, string decision, string? reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/reports/{Uri.EscapeDataString(key)}/decision", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { decision, reason }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<MimeKit.MimeMessage> ReturnedLetterAsync(string outbox, IReadOnlySet<string> before)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            foreach (var file in Directory.GetFiles(outbox, "*.eml").Where(file => !before.Contains(file)))
            {
                var message = MimeKit.MimeMessage.Load(file);
                if (message.Subject?.Contains("trả lại", StringComparison.Ordinal) == true)
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("no letter returning the report was written within a minute");
    }
}
