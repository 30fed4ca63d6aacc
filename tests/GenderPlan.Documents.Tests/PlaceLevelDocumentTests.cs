using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Plans;
using GenderPlan.Core.Rules;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Documents.Email;
using GenderPlan.Documents.ProvinceReports;
using GenderPlan.Testing;

namespace GenderPlan.Documents.Tests;

/// <summary>
/// Since the 2025 reform a plan may be a commune's or a province's: its report, workbook and emails name the plan's own
/// place and its People's Committee by the place's kind ("UBND xã", "UBND tỉnh"), never the district's words, while the
/// 2016-2020 Đăk Tô plan still says "UBND huyện".
/// </summary>
public sealed class PlaceLevelDocumentTests
{
    private static readonly Period Year = Period.Annual(2022);

    private static readonly DateTimeOffset Now = new(2022, 11, 30, 1, 30, 0, TimeSpan.Zero);

    /// <summary>What each plan's documents must say, and the word that must never appear in them.</summary>
    /// <param name="Letterhead">The letterhead's first line.</param>
    /// <param name="Place">The place's name without its kind, as the dated line writes it.</param>
    /// <param name="Issuer">The issuing body as the running text names it.</param>
    /// <param name="Committee">The People's Committee in "Nơi nhận" and the email.</param>
    /// <param name="TargetColumn">The workbook's column of the plan's own targets.</param>
    /// <param name="Annex">Whose report the annex says it is attached to.</param>
    /// <param name="Never">A word of another level that must appear nowhere (null: none checked).</param>
    private sealed record Expected(string Letterhead, string Place, string Issuer, string Committee, string TargetColumn, string Annex, string? Never);

    public static TheoryData<string> Plans => ["commune", "commune from the strategy", "province", "Đăk Tô 2016-2020"];

    private static readonly Dictionary<string, Expected> Expectations = new()
    {
        ["commune"] = new("UBND XÃ ĐĂK TÔ", "Đăk Tô", "Phòng Văn hóa - Xã hội xã", "UBND xã", "Chỉ tiêu của xã", "/BC-VHXH ngày 30/11/2022 của Phòng Văn hóa - Xã hội xã Đăk Tô)", "huyện"),
        ["commune from the strategy"] = new("UBND XÃ ĐĂK TÔ", "Đăk Tô", "Phòng Văn hóa - Xã hội xã", "UBND xã", "Chỉ tiêu của xã", "/BC-VHXH ngày 30/11/2022 của Phòng Văn hóa - Xã hội xã Đăk Tô)", "huyện"),
        ["province"] = new("UBND TỈNH QUẢNG NGÃI", "Quảng Ngãi", "Sở Nội vụ tỉnh", "UBND tỉnh", "Chỉ tiêu của tỉnh", "/BC-SNV ngày 30/11/2022 của Sở Nội vụ tỉnh Quảng Ngãi)", "huyện"),
        ["Đăk Tô 2016-2020"] = new("UBND HUYỆN ĐĂK TÔ", "Đăk Tô", "Phòng Lao động - Thương binh và Xã hội huyện", "UBND huyện", "Chỉ tiêu của huyện", "/BC-LĐTBXH ngày 30/11/2019 của Phòng Lao động - Thương binh và Xã hội huyện Đăk Tô)", null),
    };

    private static readonly Dictionary<string, Lazy<ProvinceReport>> Reports = new()
    {
        ["commune"] = new(() => Report(Commune().Book(), Year)),
        ["commune from the strategy"] = new(() => Report(FromStrategy("23401"), Year)),
        ["province"] = new(() => Report(Province().Book(), Year)),
        ["Đăk Tô 2016-2020"] = new(ProvinceReportSample.Report),
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void The_draft_names_the_plans_own_place_and_its_peoples_committee(string plan)
    {
        var expected = Expectations[plan];
        var draft = OfficeFiles.ReadDocument(ProvinceReportFiles.Draft(Reports[plan].Value).Content);
        var text = AllText(draft.Paragraphs, draft.Tables);

        Assert.StartsWith(expected.Letterhead, draft.Tables[0][0][0], StringComparison.Ordinal);
        Assert.StartsWith($"{expected.Place}, ngày ", draft.Tables[0][1][1], StringComparison.Ordinal);
        Assert.Contains(draft.Paragraphs, paragraph => paragraph.StartsWith("Thực hiện ", StringComparison.Ordinal) && paragraph.Contains($", {expected.Issuer} báo cáo kết quả thực hiện năm", StringComparison.Ordinal));
        Assert.Contains($"- {expected.Committee} (b/c);", draft.Tables.Single(table => table[0][0].StartsWith("Nơi nhận:", StringComparison.Ordinal))[0][0], StringComparison.Ordinal);
        Assert.Contains(draft.Paragraphs, paragraph => paragraph.StartsWith("(Kèm theo Báo cáo số", StringComparison.Ordinal) && paragraph.EndsWith(expected.Annex, StringComparison.Ordinal));
        AssertNever(expected.Never, text);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void The_workbook_heads_the_plans_own_targets_with_its_place(string plan)
    {
        var expected = Expectations[plan];
        var sheets = OfficeFiles.ReadWorkbook(ProvinceReportFiles.Workbook(Reports[plan].Value).Content);

        Assert.Equal(expected.TargetColumn, sheets[XlsxReportWriter.IndicatorSheet]["E4"].Text);
        AssertNever(expected.Never, string.Join("\n", sheets.Values.SelectMany(sheet => sheet.Values).Select(cell => cell.Text)));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void The_email_sending_the_report_asks_to_send_it_to_the_plans_own_peoples_committee(string plan)
    {
        var expected = Expectations[plan];
        var report = Reports[plan].Value;
        var message = ProvinceReportEmail(report);

        Assert.Contains($"và {expected.Committee}.", message.Text, StringComparison.Ordinal);
        Assert.Contains($"và {expected.Committee}.", message.Html, StringComparison.Ordinal);
        AssertNever(expected.Never, message.Subject + message.Text + message.Html);
    }

    [Fact]
    public void A_commune_plan_says_what_the_commune_set_no_target_for_and_asks_help_for_the_commune()
    {
        var paragraphs = OfficeFiles.ReadDocument(ProvinceReportFiles.Draft(Reports["commune"].Value).Content).Paragraphs;

        Assert.Contains(paragraphs, paragraph => paragraph.EndsWith("; kế hoạch của xã không đặt mức phấn đấu cho chỉ tiêu này.", StringComparison.Ordinal));
        Assert.Contains(paragraphs, paragraph => paragraph.StartsWith("- Đề nghị Sở Nội vụ tỉnh Quảng Ngãi quan tâm", StringComparison.Ordinal)
            && paragraph.Contains("hỗ trợ xã thực hiện", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_of_one_place_cites_no_committees_below_it()
    {
        var paragraphs = OfficeFiles.ReadDocument(ProvinceReportFiles.Draft(Reports["commune"].Value).Content).Paragraphs;

        Assert.Contains(paragraphs, paragraph => paragraph.Contains("trên cơ sở báo cáo của các cơ quan, đơn vị, Phòng Văn hóa - Xã hội xã báo cáo", StringComparison.Ordinal));
        Assert.Contains(paragraphs, paragraph => paragraph.StartsWith("- Đề nghị các cơ quan, đơn vị thu thập", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, paragraph => paragraph.Contains("UBND các", StringComparison.Ordinal));
    }

    [Fact]
    public void A_province_plan_cites_the_committees_of_its_communes_and_wards()
    {
        var paragraphs = OfficeFiles.ReadDocument(ProvinceReportFiles.Draft(Reports["province"].Value).Content).Paragraphs;

        Assert.Contains(paragraphs, paragraph => paragraph.Contains("trên cơ sở báo cáo của các cơ quan, đơn vị và UBND các xã, phường, Sở Nội vụ tỉnh báo cáo", StringComparison.Ordinal));
        Assert.Contains(paragraphs, paragraph => paragraph.StartsWith("- Đề nghị các cơ quan, đơn vị, UBND các xã, phường thu thập", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("vi", "số liệu tỉnh báo cáo là", "tổng hợp từ báo cáo của các xã, phường là", "thống nhất số liệu với các xã, phường và")]
    [InlineData("en", "the province's reported figure is", "the reports of the communes and the ward add up to", "check the figures with the communes and the ward,")]
    public void A_province_figure_that_disagrees_with_its_communes_sum_is_called_the_provinces(string language, string reported, string sum, string reconcile)
    {
        var province = Province();
        if (language == "en")
        {
            province.Units["units"]!.AsArray().Single(unit => (string?)unit!["id"] == "so-noi-vu")!["language"] = "en";
        }

        var book = province.Book();
        var plan = book.Plans.Single();
        var message = new AlertComposer(book, null).Discrepancy(plan, Year, plan.FindIndicator("G1.2")!, 45m, 30m, new Coverage(3, 3, []));

        foreach (var part in new[] { message.Text, System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(message.Html, "<[^>]+>", "")) })
        {
            Assert.Contains(reported, part, StringComparison.Ordinal);
            Assert.Contains(sum, part, StringComparison.Ordinal);
            Assert.Contains(reconcile, part, StringComparison.Ordinal);
            AssertNever("huyện", part);
            AssertNever("district", part);
        }
    }

    [Fact]
    public void Disagreement_with_a_sum_some_communes_are_missing_from_is_one_notice_whatever_the_sum_until_all_have_reported()
    {
        var plan = TestRules.Plan;
        var composer = new AlertComposer(TestRules.Book, null);
        var indicator = plan.FindIndicator("G4.3a")!;
        var sweep1 = composer.Discrepancy(plan, Period.Annual(2019), indicator, 90m, 70m, new Coverage(3, 9, ["a", "b", "c", "d", "e", "f"]));
        var sweep2 = composer.Discrepancy(plan, Period.Annual(2019), indicator, 90m, 75m, new Coverage(6, 9, ["a", "b", "c"]));
        var all = composer.Discrepancy(plan, Period.Annual(2019), indicator, 90m, 80m, new Coverage(9, 9, []));
        var allCorrected = composer.Discrepancy(plan, Period.Annual(2019), indicator, 90m, 82m, new Coverage(9, 9, []));
        var newFigure = composer.Discrepancy(plan, Period.Annual(2019), indicator, 91m, 75m, new Coverage(6, 9, ["a", "b", "c"]));

        Assert.Equal(sweep1.Id, sweep2.Id);
        Assert.Equal(4, new[] { sweep1.Id, all.Id, allCorrected.Id, newFigure.Id }.Distinct().Count());
    }

    [Fact]
    public void The_Dak_To_discrepancy_notice_still_speaks_of_the_district_and_its_communes_and_town()
    {
        var plan = TestRules.Plan;
        var message = new AlertComposer(TestRules.Book, null).Discrepancy(plan, Period.Annual(2019), plan.FindIndicator("G4.3a")!, 90m, 88m, new Coverage(9, 9, []));

        Assert.Contains("số liệu huyện báo cáo là 90%, trong khi tổng hợp từ báo cáo của các xã, thị trấn là 88%", message.Text, StringComparison.Ordinal);
        Assert.Contains("thống nhất số liệu với các xã, thị trấn và báo cáo về", message.Text, StringComparison.Ordinal);
    }

    private static void AssertNever(string? word, string text)
    {
        if (word is not null)
        {
            Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string AllText(IReadOnlyList<string> paragraphs, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> tables) =>
        string.Join("\n", paragraphs.Concat(tables.SelectMany(table => table.SelectMany(row => row))));

    private static EmailMessage ProvinceReportEmail(ProvinceReport report)
    {
        var workbook = ProvinceReportFiles.Workbook(report);
        var draft = ProvinceReportFiles.Draft(report);
        return new AlertComposer(report.Rules, null)
            .ProvinceReport(report, new EmailAttachment(workbook.Name, workbook.ContentType, workbook.Content), new EmailAttachment(draft.Name, draft.ContentType, draft.Content));
    }

    /// <summary>
    /// The report of <paramref name="period"/> for <paramref name="book"/>'s one plan, from its own place's figures: the
    /// plan's first indicator off track (so section IV asks the body above for help), and G3.2 at 0% where the plan sets
    /// no rise for it.
    /// </summary>
    private static ProvinceReport Report(RuleBook book, Period period)
    {
        var plan = book.Plans.Single();
        var explanation = new LocalizedText("", "");
        List<DashboardResult> results = [new(plan.Indicators[0].Code, period, Status.OffTrack, 20m, explanation)];
        if (plan.FindIndicator("G3.2") is { } noTarget && noTarget.Milestones.All(milestone => milestone.Target == 0))
        {
            results.Add(new(noTarget.Code, period, Status.Met, 0m, explanation));
        }

        var input = new DashboardInput(book, plan, plan.District.Id, results, [], new DateOnly(2022, 11, 30), Now, []);
        return ProvinceReportBuilder.Build(input, period);
    }

    /// <summary>A 2021-2030 plan of <paramref name="places"/>, coordinated by <paramref name="coordinator"/> and reporting to <paramref name="reportsTo"/>.</summary>
    private static SmallPlan LocalPlan(string root, string name, (string Id, string Vi) coordinator, string reportsTo, JsonArray places, params JsonObject[] rules)
    {
        var plan = StrategyPlan.With(rules);
        var header = plan.Workflow["Plan"]!.AsObject();
        header["name"] = new JsonObject { ["vi"] = name, ["en"] = name };
        header["coordinator"] = coordinator.Id;
        header["district"] = root;
        header["reportsTo"] = new JsonObject { ["vi"] = reportsTo, ["en"] = reportsTo };
        header["jurisdictions"] = places;
        plan.Units["units"] = new JsonArray(new JsonObject { ["id"] = coordinator.Id, ["name"] = coordinator.Vi, ["emails"] = new JsonArray($"{coordinator.Id}@example.org") });
        return plan;
    }

    /// <summary>Xã Đăk Tô's plan, the commune alone: women leaders behind, and doctors of whom the plan asks no rise.</summary>
    private static SmallPlan Commune() => LocalPlan(
        "23401",
        "Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 của xã Đăk Tô",
        ("vh-xh", "Phòng Văn hóa - Xã hội"),
        "Sở Nội vụ tỉnh Quảng Ngãi",
        [Place("23401", "Xã Đăk Tô", "commune", null)],
        SmallPlan.WithMilestones(SmallPlan.Rule("G1.2", ">=", baseline: 40m, target: 60m, lead: "vh-xh", coordinating: []), 2020, (2025, 60m), (2030, 75m)),
        SmallPlan.WithMilestones(SmallPlan.Rule("G3.2", ">=", baseline: 0m, target: 0m, lead: "vh-xh", coordinating: []), 2020, (2025, 0m), (2030, 0m)));

    /// <summary>Tỉnh Quảng Ngãi's plan over two communes and a ward; women leaders are reported by the province and by each of them.</summary>
    private static SmallPlan Province()
    {
        var plan = LocalPlan(
            "51",
            "Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 của tỉnh Quảng Ngãi",
            ("so-noi-vu", "Sở Nội vụ"),
            "Bộ Nội vụ",
            [
                Place("51", "Tỉnh Quảng Ngãi", "province", null),
                Place("23401", "Xã Đăk Tô", "commune", "51"),
                Place("23430", "Xã Kon Đào", "commune", "51"),
                Place("21550", "Phường Cẩm Thành", "commune", "51"),
            ],
            SmallPlan.WithMilestones(SmallPlan.Rule("G1.2", ">=", baseline: 40m, target: 60m, lead: "so-noi-vu", coordinating: []), 2020, (2025, 60m), (2030, 75m)));
        plan.Properties("G1.2")["levels"] = new JsonArray("province", "commune");
        return plan;
    }

    /// <summary>
    /// The plan <c>genderplan plan new</c> writes for <paramref name="place"/> from the shipped strategy and offices: its
    /// place list gives no parents, so the plan's own place reads as the <c>district</c> level; its name says it is a xã.
    /// </summary>
    private static RuleBook FromStrategy(string place)
    {
        var strategy = Path.Combine(TestRules.RulesDirectory, "strategy");
        var problems = new List<Problem>();
        var offices = StrategyOffices.Read(StrategyOffices.FileName, File.ReadAllBytes(Path.Combine(strategy, StrategyOffices.FileName)), problems)!;
        var places = PlaceListReader.Read("places.csv", "Mã,Tên,Cấp,Mã cấp trên\n51,Tỉnh Quảng Ngãi,Tỉnh,\n23401,Xã Đăk Tô,Xã,51\n"u8).Places!;
        var workflow = Path.Combine(strategy, "nq-28-2021-2030.workflow.json");
        var built = LocalPlanBuilder.Build(new LocalPlanRequest(new RuleSource(Path.GetFileName(workflow), File.ReadAllBytes(workflow)), offices, places, place, null, "places.csv"));
        var files = built.Files ?? throw new InvalidOperationException(string.Join("\n", built.Problems));
        return RuleBookLoader.Load(files).RuleBook!;
    }

    private static JsonObject Place(string id, string name, string level, string? parent)
    {
        var place = new JsonObject { ["id"] = id, ["name"] = name, ["level"] = level };
        if (parent is not null)
        {
            place["parent"] = parent;
        }

        return place;
    }
}
