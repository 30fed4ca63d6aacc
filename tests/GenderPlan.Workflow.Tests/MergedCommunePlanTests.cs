using GenderPlan.Core.Domain;
using GenderPlan.Documents.ProvinceReports;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using MimeKit;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// The shipped rules after the 2025 reform: the district's 2016-2020 plan, archived, beside Xã Đăk Tô's 2021-2030 plan
/// (<c>Rules/xa-dak-to-2021-2030.workflow.json</c>), the commune formed on 1 July 2025 from four former units whose 2020
/// reports stay theirs and give the new commune its baselines.
/// </summary>
public sealed class MergedCommunePlanTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    private static readonly DateTimeOffset December2025 = new(2025, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static readonly string[] FormerUnits = ["tt-dak-to", "tan-canh", "po-ko", "dien-binh"];

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules", "samples", name));

    private static async Task<Pipeline> BothPlansAsync(AzuriteFixture azurite)
    {
        var pipeline = Pipeline.Create(azurite, now: December2025);
        await pipeline.PublishRulesAsync();
        const string name = "xa-dak-to-2021-2030.workflow.json";
        await pipeline.UploadAsync(StorageNames.RulesContainer, name, File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules", name)), []);
        Assert.Equal(RulesOutcome.Activated, await pipeline.Rules.ProcessAsync(name, CancellationToken.None));
        return pipeline;
    }

    private static async Task ReportAsync(Pipeline pipeline, string unit, string sample)
    {
        await pipeline.UploadReportAsync($"{unit}/{sample}", Sample(sample));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync($"{unit}/{sample}", CancellationToken.None));
    }

    [Fact]
    public async Task New_communes_report_is_compared_with_its_former_units_added_up_and_theirs_stay_under_their_names()
    {
        await using var pipeline = await BothPlansAsync(Azurite);
        foreach (var unit in FormerUnits)
        {
            await ReportAsync(pipeline, $"ubnd-{unit}", $"{unit}-2020.csv");
        }

        await ReportAsync(pipeline, "vh-xh-xa-dak-to", "xa-dak-to-2025.csv");

        var results = pipeline.Get<ResultStore>();
        var sexRatio = Assert.Single(await results.LatestAsync("xa-dak-to", "2025", CancellationToken.None), result => result.Indicator == "G4.1");
        // 170 boys for 155 girls born in the four former units in 2020.
        Assert.Equal(Math.Round(170m / 155m * 100, 6), Math.Round(sexRatio.Baseline!.Value, 6));
        Assert.Contains("So với năm 2020 (gộp từ 4 đơn vị cũ: Thị trấn Đăk Tô, Xã Tân Cảnh, Xã Pô Kô, Xã Diên Bình): 109,68 trẻ trai/100 trẻ gái.", sexRatio.Explanation.Vi, StringComparison.Ordinal);
        // Only Tân Cảnh reported trafficking victims in 2020: the new commune's baseline says whose figure it is.
        var trafficking = Assert.Single(await results.LatestAsync("xa-dak-to", "2025", CancellationToken.None), result => result.Indicator == "G3.4");
        Assert.Contains("có số liệu 1/4, thiếu: Thị trấn Đăk Tô, Xã Pô Kô, Xã Diên Bình", trafficking.Explanation.Vi, StringComparison.Ordinal);
        // The 2016-2020 reports are neither moved nor rewritten.
        Assert.Equal(["G4.1", "G4.2", "G6.3"], (await results.LatestAsync("tan-canh", "2020", CancellationToken.None)).Select(result => result.Indicator).Order(StringComparer.Ordinal));
        Assert.Empty(await results.LatestAsync("xa-dak-to", "2020", CancellationToken.None));

        var alert = Assert.Single(
            pipeline.EmailFiles().Select(path => MimeMessage.Load(path)),
            email => email.Subject?.StartsWith("V/v đề nghị rà soát", StringComparison.Ordinal) == true && email.To.Mailboxes.Any(to => to.Address == "ubnd-xa-dak-to@example.org"));
        Assert.Contains("Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 của xã Đăk Tô", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("gộp từ 4 đơn vị cũ", alert.TextBody, StringComparison.Ordinal);
        // The plan names no adopting document yet: the letterhead's body above the office is the commune's committee.
        Assert.StartsWith("UBND XÃ ĐĂK TÔ\nPHÒNG VĂN HÓA - XÃ HỘI\n", alert.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commune_whose_former_units_did_not_report_is_judged_without_a_baseline()
    {
        await using var pipeline = await BothPlansAsync(Azurite);

        await ReportAsync(pipeline, "vh-xh-xa-dak-to", "xa-dak-to-2025.csv");

        var sexRatio = Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("xa-dak-to", "2025", CancellationToken.None), result => result.Indicator == "G4.1");
        Assert.Null(sexRatio.Baseline);
        Assert.DoesNotContain("gộp từ", sexRatio.Explanation.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_lists_both_plans_and_each_report_names_its_own()
    {
        await using var pipeline = await BothPlansAsync(Azurite);
        await ReportAsync(pipeline, "ldtbxh", "dak-to-2019.csv");
        await ReportAsync(pipeline, "vh-xh-xa-dak-to", "xa-dak-to-2025.csv");

        await pipeline.Get<IDashboardPublisher>().TryPublishDistrictsAsync(CancellationToken.None);

        var site = pipeline.Get<SiteStore>();
        var pages = await site.ListPagesAsync(CancellationToken.None);
        Assert.Contains("dak-to.html", pages);
        Assert.Contains("xa-dak-to.html", pages);
        var home = System.Text.Encoding.UTF8.GetString(await site.ReadFileAsync("index.html", CancellationToken.None));
        // Newest first; the old plan is said to be archived, the new one in force.
        var newer = home.IndexOf("Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 của xã Đăk Tô", StringComparison.Ordinal);
        var older = home.IndexOf("Kế hoạch hành động bình đẳng giới huyện Đăk Tô giai đoạn 2016-2020", StringComparison.Ordinal);
        Assert.True(newer >= 0 && older > newer, "the home page lists the 2021-2030 plan, then the 2016-2020 one");
        Assert.Contains("href=\"xa-dak-to.html\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"dak-to.html\"", home, StringComparison.Ordinal);
        Assert.Contains("Đã kết thúc, lưu trữ", home, StringComparison.Ordinal);
        Assert.Contains("Đang thực hiện", home, StringComparison.Ordinal);
        Assert.Contains("28/NQ-CP ngày 03/3/2021 của Chính phủ", home, StringComparison.Ordinal);
        // Each place's page names its plan; the ended one says it is archived.
        var district = System.Text.Encoding.UTF8.GetString(await site.ReadFileAsync("dak-to.html", CancellationToken.None));
        var commune = System.Text.Encoding.UTF8.GetString(await site.ReadFileAsync("xa-dak-to.html", CancellationToken.None));
        Assert.Contains("Kế hoạch hành động bình đẳng giới huyện Đăk Tô giai đoạn 2016-2020 (đã kết thúc, lưu trữ)", district, StringComparison.Ordinal);
        Assert.Contains("giai đoạn 2021-2030 của xã Đăk Tô</span>", commune, StringComparison.Ordinal);
        Assert.DoesNotContain("lưu trữ", commune, StringComparison.Ordinal);

        var reports = pipeline.Get<ProvinceReportService>();
        var (old, _) = await reports.BuildAsync(Period.Annual(2019), "dak-to", CancellationToken.None);
        var (current, _) = await reports.BuildAsync(Period.Annual(2025), "xa-dak-to", CancellationToken.None);
        Assert.Equal(("dak-to-2016-2020", "xa-dak-to-2021-2030"), (old!.Plan.Id, current!.Plan.Id));
        Assert.Contains("giai đoạn 2021-2030 của xã Đăk Tô", ReportText.Opening(current, "Phòng Văn hóa - Xã hội"), StringComparison.Ordinal);
        Assert.Contains("huyện Đăk Tô giai đoạn 2016-2020", ReportText.Opening(old, "Phòng Lao động"), StringComparison.Ordinal);
    }
}
