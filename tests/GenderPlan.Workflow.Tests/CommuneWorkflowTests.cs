using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;
using MimeKit;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// Communes are real reporting units, against a real Azurite: each commune committee sends its commune's report, the
/// district's figures are added up from them, alerts about a commune reach that commune only, a district-only
/// indicator in a commune's report is refused, and the committees that have not reported are reminded.
/// </summary>
public sealed class CommuneWorkflowTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    private static readonly string[] Communes = ["tt-dak-to", "dak-ro-nga", "dak-tram", "van-lem", "ngok-tu", "kon-dao", "tan-canh", "po-ko", "dien-binh"];

    /// <summary>Pregnant women with 3+ antenatal visits (G4.3a) and girls born / boys born (G4.1) per commune, as each health station counts them.</summary>
    private static readonly Dictionary<string, (int Visited, int Pregnant, int Boys, int Girls)> Counts = new()
    {
        ["tt-dak-to"] = (180, 200, 160, 150),
        ["dak-ro-nga"] = (45, 60, 40, 35),
        ["dak-tram"] = (70, 80, 52, 50),
        ["van-lem"] = (38, 50, 30, 31),
        ["ngok-tu"] = (55, 70, 48, 40),
        ["kon-dao"] = (60, 64, 45, 44),
        ["tan-canh"] = (88, 100, 70, 62),
        ["po-ko"] = (66, 75, 51, 49),
        ["dien-binh"] = (81, 90, 60, 58),
    };

    /// <summary>Uploads a report made of <paramref name="rows"/> as <paramref name="blob"/> and processes it, as the trigger would.</summary>
    private static async Task<ReportOutcome> SendAsync(Pipeline pipeline, string blob, params string[] rows)
    {
        await pipeline.UploadReportAsync(blob, Pipeline.Csv(rows));
        return await pipeline.Reports.ProcessAsync(blob, CancellationToken.None);
    }

    private static async Task<ReportOutcome> SendCommuneReportAsync(Pipeline pipeline, string commune, string period = "2019", string name = "bao-cao.csv")
    {
        var (visited, pregnant, boys, girls) = Counts[commune];
        return await SendAsync(pipeline, $"ubnd-{commune}/{period}-{name}", $"{period},{commune},G4.3a,,{visited},{pregnant},", $"{period},{commune},G4.1,,{boys},{girls},");
    }

    private static async Task<StoredResult> AddedUpAsync(Pipeline pipeline, string indicator, string period = "2019") =>
        (await pipeline.Get<ResultStore>().LatestAsync("dak-to", period, CancellationToken.None))
            .Single(result => result.Indicator == indicator && result.Source == FigureSource.Communes);

    [Fact]
    public async Task Nine_commune_and_town_reports_add_up_to_the_district_value_computed_by_hand()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();

        foreach (var commune in Communes)
        {
            Assert.Equal(ReportOutcome.Scored, await SendCommuneReportAsync(pipeline, commune));
        }

        // By hand: 180+45+70+38+55+60+88+66+81 = 683 women of 200+60+80+50+70+64+100+75+90 = 789;
        // 160+40+52+30+48+45+70+51+60 = 556 boys for 150+35+50+31+40+44+62+49+58 = 519 girls.
        var antenatal = await AddedUpAsync(pipeline, "G4.3a");
        Assert.Equal(683m / 789m * 100m, antenatal.Value);
        Assert.Equal(new Core.Reports.Counts(683, 789), antenatal.Counts);
        Assert.Equal(Status.FallingBehind, antenatal.Status);
        Assert.Equal((9, 9), (antenatal.Coverage!.Reported, antenatal.Coverage.Expected));
        Assert.Empty(antenatal.Coverage.Missing);
        var sexRatio = await AddedUpAsync(pipeline, "G4.1");
        Assert.Equal(556m / 519m * 100m, sexRatio.Value);
        Assert.Equal(Status.OffTrack, sexRatio.Status);
        // Categories and district-only indicators are never added up; the department's own rows are untouched.
        Assert.Equal(["G4.1", "G4.3a"], (await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None)).Select(result => result.Indicator).Order());

        var scorecard = (await pipeline.Get<IScorecardQuery>().GetAsync("2019", "dak-to", CancellationToken.None))!;
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(scorecard, ApiJson.Options));
        var first = json.RootElement.GetProperty("results").EnumerateArray().First(result => result.GetProperty("indicator").GetString() == "G4.3a");
        Assert.Equal("communes", first.GetProperty("source").GetString());
        Assert.Equal(9, first.GetProperty("coverage").GetProperty("reported").GetInt32());
        Assert.Equal(9, first.GetProperty("coverage").GetProperty("expected").GetInt32());
    }

    [Fact]
    public async Task Missing_commune_shows_in_coverage_and_the_reported_figure_stays_beside_the_sum()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await SendAsync(pipeline, "yte/2019.csv", "2019,dak-to,G4.3a,\"86,6\",,,");

        foreach (var commune in Communes.Where(commune => commune is not ("kon-dao" or "po-ko")))
        {
            await SendCommuneReportAsync(pipeline, commune);
        }

        var antenatal = await AddedUpAsync(pipeline, "G4.3a");
        Assert.Equal((7, 9), (antenatal.Coverage!.Reported, antenatal.Coverage.Expected));
        Assert.Equal(["kon-dao", "po-ko"], antenatal.Coverage.Missing);
        Assert.Equal((683m - 60m - 66m) / (789m - 64m - 75m) * 100m, antenatal.Value);

        var scorecard = (await pipeline.Get<IScorecardQuery>().GetAsync("2019", "dak-to", CancellationToken.None))!;
        Assert.Equal(
            [("G4.1", FigureSource.Communes), ("G4.3a", FigureSource.Reported), ("G4.3a", FigureSource.Communes)],
            scorecard.Results.Select(result => (result.Indicator, result.Source)));
        Assert.Equal(86.6m, scorecard.Results[1].Value);
        Assert.Null(scorecard.Results[1].Coverage);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(scorecard, ApiJson.Options));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.False(results[1].TryGetProperty("coverage", out _));
        Assert.Equal(["kon-dao", "po-ko"], results[2].GetProperty("coverage").GetProperty("missing").EnumerateArray().Select(id => id.GetString()));
    }

    [Fact]
    public async Task Sum_follows_a_corrected_commune_report_and_goes_when_no_commune_supports_it()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await SendAsync(pipeline, "ubnd-tan-canh/2019.csv", "2019,tan-canh,G4.3a,,88,100,", "2019,tan-canh,G3.1,,95,100,");
        await SendAsync(pipeline, "ubnd-po-ko/2019.csv", "2019,po-ko,G4.3a,,66,75,");

        // Tân Cảnh corrects its report: literacy now without its counts, antenatal visits changed.
        await SendAsync(pipeline, "ubnd-tan-canh/2019-sua.csv", "2019,tan-canh,G4.3a,,90,100,", "2019,tan-canh,G3.1,96,,,");

        var sums = (await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None)).Where(result => result.Source == FigureSource.Communes).ToList();
        var antenatal = Assert.Single(sums);
        Assert.Equal(("G4.3a", 156m / 175m * 100m, 2), (antenatal.Indicator, antenatal.Value, antenatal.Coverage!.Reported));
    }

    [Fact]
    public async Task Commune_alert_reaches_that_commune_only_copied_to_the_lead_and_the_coordinator()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();

        Assert.Equal(ReportOutcome.Scored, await SendAsync(pipeline, "ubnd-tan-canh/2019.csv", "2019,tan-canh,G4.1,113,,,", "2019,tan-canh,G3.1,\"90\",,,"));

        var emails = pipeline.EmailFiles().Select(file => MimeMessage.Load(file)).ToList();
        var alert = Assert.Single(emails, email => email.To.Mailboxes.Any(to => to.Address == "ubnd-tan-canh@example.org"));
        Assert.Equal(["ubnd-tan-canh@example.org"], alert.To.Mailboxes.Select(to => to.Address));
        Assert.Equal(["gddt@example.org", "yte@example.org", "ldtbxh@example.org"], alert.Cc.Mailboxes.Select(cc => cc.Address));
        Assert.StartsWith("V/v đề nghị rà soát, đẩy nhanh tiến độ thực hiện chỉ tiêu ", alert.Subject, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: UBND xã Tân Cảnh.", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("kết quả năm 2019 tại xã Tân Cảnh cho thấy 2 chỉ tiêu trên địa bàn chưa đạt tiến độ đề ra", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("Đề nghị UBND xã Tân Cảnh rà soát, có giải pháp đẩy nhanh tiến độ", alert.TextBody, StringComparison.Ordinal);
        // Not one other commune's committee, nor the group, anywhere in any email the report caused.
        var others = Communes.Where(commune => commune != "tan-canh").Select(commune => $"ubnd-{commune}@").Append("ubnd-xa@").ToList();
        Assert.All(others, address => Assert.DoesNotContain(address, alert.ToString(), StringComparison.Ordinal));
        Assert.All(emails.Where(email => email != alert), email =>
            Assert.All(others.SkipLast(1), address => Assert.DoesNotContain(address, email.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task District_only_indicator_in_a_commune_report_is_rejected_with_its_row_named_and_nothing_stored()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();

        Assert.Equal(ReportOutcome.Rejected, await SendAsync(pipeline, "ubnd-tan-canh/2019.csv", "2019,tan-canh,G4.1,,70,62,", "2019,tan-canh,G1.1a.district,\"20\",,,"));

        Assert.Empty(await pipeline.Get<ResultStore>().LatestAsync("tan-canh", "2019", CancellationToken.None));
        Assert.Empty(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None));
        Assert.Empty(await pipeline.Get<ReportLog>().ForPeriodAsync(Period.Annual(2019), CancellationToken.None));
        var notice = MimeMessage.Load(Assert.Single(pipeline.EmailFiles()));
        Assert.Equal(["ldtbxh@example.org", "ubnd-tan-canh@example.org"], notice.To.Mailboxes.Select(to => to.Address));
        Assert.Contains("dòng 3, cột C (indicator)", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("G1.1a.district là chỉ tiêu cấp huyện, không báo cáo cho từng xã, thị trấn", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("is reported for the district as a whole", notice.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-06-08", AlertKind.Reminder)]    // 7 days before 15 June
    [InlineData("2020-06-14", AlertKind.Reminder)]    // the last day
    [InlineData("2020-06-16", AlertKind.Overdue)]     // the day after the deadline
    [InlineData("2020-06-09", null)]
    [InlineData("2020-06-15", null)]
    public async Task Reminders_reach_exactly_the_communes_that_have_not_reported_on_the_right_days(string today, AlertKind? kind)
    {
        await using var pipeline = Pipeline.Create(Azurite, now: new DateTimeOffset(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7)));
        await pipeline.PublishRulesAsync();
        await SendCommuneReportAsync(pipeline, "tan-canh", "2020-H1");
        await SendCommuneReportAsync(pipeline, "po-ko", "2020-H1");
        // A department's district report does not excuse any commune.
        await SendAsync(pipeline, "yte/2020-h1.csv", "2020-H1,dak-to,G4.1,104/100,,,");
        var before = (await pipeline.Storage.AllAlertsAsync()).Count;

        await pipeline.Reminders.RunAsync(CancellationToken.None);

        var sent = (await pipeline.Storage.AllAlertsAsync()).Skip(before).ToList();
        var communes = sent.Select(alert => alert.Message.To.Single().Address).Where(address => address.StartsWith("ubnd-", StringComparison.Ordinal)).Order().ToList();
        if (kind is null)
        {
            Assert.Empty(sent);
            return;
        }

        Assert.All(sent, alert => Assert.Equal(kind, alert.Kind));
        Assert.Equal(Communes.Where(commune => commune is not ("tan-canh" or "po-ko")).Select(commune => $"ubnd-{commune}@example.org").Order(), communes);
        Assert.DoesNotContain(sent, alert => alert.Message.To.Single().Address == "yte@example.org");
        if (kind == AlertKind.Overdue)
        {
            var late = sent.Single(alert => alert.Message.To.Single().Address == "ubnd-kon-dao@example.org").Message;
            Assert.Equal("V/v đề nghị gửi báo cáo 6 tháng đầu năm 2020 kết quả thực hiện Kế hoạch hành động bình đẳng giới (đã quá hạn)", late.Subject);
            Assert.Contains("chưa nhận được báo cáo của UBND xã Kon Đào", late.Text, StringComparison.Ordinal);
            Assert.Equal(["ldtbxh@example.org"], late.Cc.Select(cc => cc.Address));
        }
    }

    [Fact]
    public async Task District_figure_and_the_communes_sum_that_disagree_are_told_once_to_the_lead_and_the_coordinator()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await SendAsync(pipeline, "yte/2019.csv", "2019,dak-to,G4.3a,\"90\",,,");
        await SendCommuneReportAsync(pipeline, "tan-canh");   // 88/100: 2 points from 90, over the 1-point tolerance

        await SendCommuneReportAsync(pipeline, "tan-canh", name: "gui-lai.csv");   // the same figures again
        await SendAsync(pipeline, "yte/2019-lai.csv", "2019,dak-to,G4.3a,\"90\",,,");

        var notice = Assert.Single(await pipeline.Storage.AllAlertsAsync(), alert => alert.Kind == AlertKind.Discrepancy).Message;
        Assert.Equal(["yte@example.org", "ldtbxh@example.org"], notice.To.Select(to => to.Address));
        Assert.Equal("V/v đề nghị rà soát, thống nhất số liệu chỉ tiêu tỷ lệ phụ nữ mang thai được khám thai ít nhất 3 lần trong thai kỳ năm 2019", notice.Subject);
        Assert.Contains("1/9 xã, thị trấn; thiếu: thị trấn Đăk Tô, Đăk Rơ Nga", notice.Text, StringComparison.Ordinal);
        Assert.Contains("số liệu huyện báo cáo là 90%, trong khi tổng hợp từ báo cáo của các xã, thị trấn là 88%", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Phòng Y tế.", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("add up to", notice.Text, StringComparison.Ordinal);

        // A commune figure that brings the sum within a point of the district's is not a discrepancy.
        await SendCommuneReportAsync(pipeline, "kon-dao");   // (88+60)/(100+64) = 90.24%
        Assert.Single(await pipeline.Storage.AllAlertsAsync(), alert => alert.Kind == AlertKind.Discrepancy);
    }

    [Fact]
    public async Task Roll_up_that_finds_the_disagreement_its_stored_sums_were_told_with_stores_no_notice_again()
    {
        var requests = new StorageRequestLog(Azurite.ConnectionString);
        await using var pipeline = Pipeline.Create(Azurite, settings: new() { ["GenderPlan:Email:SentMarkDelay"] = "00:00:00" }, configure: requests.AddTo);
        await pipeline.PublishRulesAsync();
        await SendAsync(pipeline, "yte/2019.csv", "2019,dak-to,G4.3a,\"90\",,,");
        await SendCommuneReportAsync(pipeline, "tan-canh");   // 88/100 against 90: told, the sum "so far"
        Assert.Single(await pipeline.Storage.AllAlertsAsync(), alert => alert.Kind == AlertKind.Discrepancy);

        requests.Clear();
        await SendCommuneReportAsync(pipeline, "tan-canh", name: "gui-lai.csv");   // the same figures: the same notice

        // One request to the outbox: the sums' alert, planned again under the same figures' key, is refused as stored before
        // (a roll-up retried must tell what its first attempt claimed). The notice is not even tried: it was two before.
        Assert.True(requests.Count("table Alerts (batch)", "POST") == 1, requests.Describe());
        Assert.Single(await pipeline.Storage.AllAlertsAsync(), alert => alert.Kind == AlertKind.Discrepancy);
    }

    [Fact]
    public async Task Sum_added_up_from_fewer_commune_reports_is_never_stored_over_one_added_up_from_more()
    {
        await using var pipeline = Pipeline.Create(Azurite, now: DateTimeOffset.UtcNow);
        await pipeline.PublishRulesAsync();
        await SendCommuneReportAsync(pipeline, "tan-canh");
        var alone = await AddedUpAsync(pipeline, "G4.3a");
        await SendCommuneReportAsync(pipeline, "po-ko");
        var both = await AddedUpAsync(pipeline, "G4.3a");

        // A worker that read Tân Cảnh's results alone stores its sum after the one that read both (two roll-ups racing).
        var rules = (await pipeline.Get<ActiveRules>().GetAsync(CancellationToken.None))!;
        var period = Period.Annual(2019);
        var plan = rules.FindPlan(period, "dak-to")!;
        var read = await pipeline.Get<ResultStore>().LatestAsync("tan-canh", "2019", CancellationToken.None);
        var late = CommuneRollUp.Compute(plan, period, [.. read.Select(result => new CommuneFigure(result.Jurisdiction, result.Indicator, result.Value, result.Counts))]);
        var stored = await pipeline.Get<ResultStore>().SaveRolledUpAsync(
            "dak-to", period, late, [], plan.Version, DateTimeOffset.UtcNow, ResultStore.BasisOf(read), CancellationToken.None);

        Assert.True(both.Arrival > alone.Arrival);
        Assert.Equal((1, 2), (alone.Coverage!.Reported, both.Coverage!.Reported));
        Assert.False(stored);
        var after = await AddedUpAsync(pipeline, "G4.3a");
        Assert.Equal((2, both.Value), (after.Coverage!.Reported, after.Value));
    }

    [Fact]
    public async Task Sum_that_missed_a_commune_report_stored_at_the_same_instant_is_settled_by_the_sweep_without_new_emails()
    {
        await using var pipeline = await RaceAsync();
        var sums = pipeline.Get<IEnumerable<ISweepCatchUp>>().OfType<DistrictSumsCatchUp>().Single();

        Assert.Equal(1, await sums.CatchUpAsync(CancellationToken.None));
        var settled = await AddedUpAsync(pipeline, "G4.3a");
        var emails = pipeline.EmailFiles().Length;
        Assert.Equal(1, await sums.CatchUpAsync(CancellationToken.None));
        // The next sweep looks back ten seconds before the last: the changes stored at that very instant once more, then none.
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await sums.CatchUpAsync(CancellationToken.None));
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(2, settled.Coverage!.Reported);
        Assert.DoesNotContain("po-ko", settled.Coverage.Missing);
        Assert.Equal((88m + 66m) / (100m + 75m) * 100m, settled.Value);
        Assert.Equal(emails, pipeline.EmailFiles().Length);
        Assert.Equal(0, await sums.CatchUpAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Serve_once_settles_a_sum_that_missed_a_commune_report_as_the_timer_sweep_does()
    {
        await using var pipeline = await RaceAsync();

        await pipeline.Runner.RunOnceAsync(CancellationToken.None);

        var settled = await AddedUpAsync(pipeline, "G4.3a");
        Assert.DoesNotContain("po-ko", settled.Coverage!.Missing);
        Assert.Equal((88m + 66m) / (100m + 75m) * 100m, settled.Value);
    }

    /// <summary>
    /// Tân Cảnh's report processed, and Pô Kô's results stored while Tân Cảnh's roll-up ran: they are there, the sum
    /// never saw them.
    /// </summary>
    private async Task<Pipeline> RaceAsync()
    {
        var pipeline = Pipeline.Create(Azurite, now: DateTimeOffset.UtcNow);
        await pipeline.PublishRulesAsync();
        await SendCommuneReportAsync(pipeline, "tan-canh");
        var rules = (await pipeline.Get<ActiveRules>().GetAsync(CancellationToken.None))!;
        var (visited, pregnant, boys, girls) = Counts["po-ko"];
        var read = Core.Reports.ReportReader.Read("po-ko.csv", System.Text.Encoding.UTF8.GetBytes(Pipeline.Csv($"2019,po-ko,G4.3a,,{visited},{pregnant},", $"2019,po-ko,G4.1,,{boys},{girls},")), rules);
        var card = Scorer.Score(read.Report!);
        await pipeline.Get<ResultStore>().SaveAsync(card, card.Scores.Select(ScoreExplainer.Explain).ToList(), "race", "ubnd-po-ko", DateTimeOffset.UtcNow, arrival: 1_000, CancellationToken.None);
        // And its change noted, as the pipeline notes it right after storing: the sweep reads again the places that changed.
        await pipeline.Get<ChangeLog>().RecordAsync("po-ko", "2019", pipeline.Clock.GetUtcNow(), card.RulesVersion, CancellationToken.None);
        Assert.Contains("po-ko", (await AddedUpAsync(pipeline, "G4.3a")).Coverage!.Missing);
        return pipeline;
    }
}
