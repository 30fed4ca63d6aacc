using System.Globalization;
using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Rules;
using GenderPlan.Core.Scoring;
using RulesEngine.Models;

namespace GenderPlan.Core.Tests;

/// <summary>
/// The shipped plan, Đăk Tô district's 2016-2020 plan (<c>Rules/dak-to-2016-2020.workflow.json</c> and
/// <c>Rules/units.json</c>): its 28 indicators and their figures, its golden scores worked out by hand, and
/// the file being a genuine RulesEngine workflow valid against its schema. An official who edits the plan
/// updates these tests and no others; the engine's own tests write their rules themselves
/// (<see cref="SmallPlan"/>).
/// </summary>
public class DakTo2016To2020PlanTests
{
    public static TheoryData<string, string, string, Status, StatusReason> Golden => new()
    {
        // met, each direction and unit
        { "G1.1a.district", "2019", "16.1", Status.Met, StatusReason.TargetMet },
        { "G1.1b.district", "2020", "36.7", Status.Met, StatusReason.TargetMet },
        { "G1.1b.commune", "2018", "35", Status.Met, StatusReason.TargetMet },
        { "G1.2", "2017", "70", Status.Met, StatusReason.TargetMet },
        { "G2.1", "2019", "52.3", Status.Met, StatusReason.TargetMet },
        { "G2.4", "2020", "100", Status.Met, StatusReason.TargetMet },
        { "G3.2b", "2018", "0", Status.Met, StatusReason.TargetMet },
        { "G4.1", "2019", "105", Status.Met, StatusReason.TargetMet },
        { "G4.2", "2019", "45", Status.Met, StatusReason.TargetMet },
        { "G4.4", "2016", "18", Status.Met, StatusReason.TargetMet },
        { "G5.1", "2019", "0", Status.Met, StatusReason.TargetMet },
        { "G5.2", "2019-H1", "100", Status.Met, StatusReason.TargetMet },
        { "G6.1", "2020", "1.5", Status.Met, StatusReason.TargetMet },
        { "G6.2a", "2019", "100", Status.Met, StatusReason.TargetMet },
        { "G7.1", "2019", "100", Status.Met, StatusReason.TargetMet },
        { "G7.2", "2019", "100", Status.Met, StatusReason.TargetMet },
        { "G7.3", "2019", "2", Status.Met, StatusReason.TargetMet },
        // on track on the straight line: ratio >= 0.95
        { "G2.4", "2019", "96", Status.OnTrack, StatusReason.PaceMeasured },
        { "G4.3a", "2019", "88", Status.OnTrack, StatusReason.PaceMeasured },
        { "G6.2b", "2019", "85", Status.OnTrack, StatusReason.PaceMeasured },
        // falling behind: 0.5 <= ratio < 0.95; G2.2 (2,1% in 2015 → 20% in 2020) at 12% in 2019 is 9,9 of the 14,32 points due
        { "G2.2", "2019", "12", Status.FallingBehind, StatusReason.PaceMeasured },
        // G6.1: 2 → 1,5 lần, 1,8 in 2019 is exactly half of the 0,4 due
        { "G6.1", "2019", "1.8", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G2.3", "2019", "38", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G3.1", "2019", "97.2", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G3.2a", "2019", "61.5", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G4.3a", "2020-H1", "84.5", Status.FallingBehind, StatusReason.PaceMeasured },
        // off track: ratio < 0.5, moving away, or not measurable
        { "G6.1", "2019", "1.9", Status.OffTrack, StatusReason.PaceMeasured },
        { "G3.1", "2019", "96", Status.OffTrack, StatusReason.PaceMeasured },
        { "G1.3", "2019", "65", Status.OffTrack, StatusReason.NoBaseline },
        { "G1.2", "2016", "10", Status.OffTrack, StatusReason.NoBaseline },
        { "G4.2", "2019", "60", Status.OffTrack, StatusReason.NoBaseline },
        { "G4.3b", "2019", "80", Status.OffTrack, StatusReason.NoBaseline },
        { "G5.1", "2019", "2", Status.OffTrack, StatusReason.NoBaseline },
        { "G6.3", "2019", "50", Status.OffTrack, StatusReason.NoBaseline },
        { "G1.1a.district", "2019", "15", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G1.1a.commune", "2019", "25.9", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G4.1", "2019", "108", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G6.2a", "2019", "95", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G7.4", "2019", "95", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G7.3", "2019", "0", Status.OffTrack, StatusReason.CategoryBelowTarget },
        // G7.3's target is "Bố trí đủ cán bộ": concurrent staff (Kiêm nhiệm, today's state) is below it
        { "G7.3", "2019", "1", Status.OffTrack, StatusReason.CategoryBelowTarget },
        { "G7.3", "2020", "1", Status.Missed, StatusReason.TargetYearReached },
        // G4.4: the 2015 "0" means no data, so a value above 25 is off track for want of a baseline, not a slip
        { "G4.4", "2019", "26", Status.OffTrack, StatusReason.NoBaseline },
        { "G4.4", "2020-H1", "30", Status.OffTrack, StatusReason.NoBaseline },
        // missed: the annual report of 2020 that does not meet the target
        { "G3.1", "2020", "97.9", Status.Missed, StatusReason.TargetYearReached },
        { "G4.4", "2020", "26", Status.Missed, StatusReason.TargetYearReached },
        { "G7.3", "2020", "0", Status.Missed, StatusReason.TargetYearReached },
        // the People's Councils elected in 2016 for 2016-2021: the election's result stands for the term, no climb to 2020
        { "G1.1b.district", "2019", "34.5", Status.Missed, StatusReason.ElectionResultBelowTarget },
        { "G1.1b.district", "2016", "34.5", Status.Missed, StatusReason.ElectionResultBelowTarget },
        { "G1.1b.commune", "2019", "34.2", Status.Missed, StatusReason.ElectionResultBelowTarget },
        { "G1.1b.commune", "2017-H1", "35", Status.Met, StatusReason.TargetMet },
        // every year ("Hàng năm"): G2.1 and G5.2 must hold in each year, with no climb towards 2020
        { "G2.1", "2017", "50", Status.Met, StatusReason.TargetMet },
        { "G2.1", "2019", "45", Status.Missed, StatusReason.YearNotMet },
        { "G2.1", "2019-H1", "45", Status.FallingBehind, StatusReason.YearNotMetYet },
        { "G5.2", "2018", "100", Status.Met, StatusReason.TargetMet },
        { "G5.2", "2018", "95", Status.Missed, StatusReason.YearNotMet },
        { "G5.2", "2018-H1", "95", Status.FallingBehind, StatusReason.YearNotMetYet },
        { "G5.2", "2016", "92", Status.Missed, StatusReason.YearNotMet },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Plan_indicator_gets_its_golden_status(string code, string period, string value, Status status, StatusReason reason)
    {
        var score = Scorer.ScoreOne(TestRules.Indicator(code), Measurement.Of(Parse(value)), Period.Parse(period));

        Assert.Equal((status, reason), (score.Status, score.Reason));
    }

    /// <summary>The codes of ../shared/domain/indicators.md, in its order.</summary>
    public static readonly string[] PlanCodes =
    [
        "G1.1a.district", "G1.1a.commune", "G1.1b.district", "G1.1b.commune", "G1.2", "G1.3",
        "G2.1", "G2.2", "G2.3", "G2.4", "G3.1", "G3.2a", "G3.2b", "G4.1", "G4.2", "G4.3a", "G4.3b", "G4.4",
        "G5.1", "G5.2", "G6.1", "G6.2a", "G6.2b", "G6.3", "G7.1", "G7.2", "G7.3", "G7.4",
    ];

    [Fact]
    public void Rules_folder_is_valid_and_holds_every_indicator_of_the_plan()
    {
        var result = RuleBookLoader.LoadDirectory(TestRules.RulesDirectory);

        Assert.Empty(result.Problems);
        // The district's plan first; the commune's 2021-2030 plan that followed the 2025 reform beside it.
        Assert.Equal(["dak-to-2016-2020", "xa-dak-to-2021-2030"], result.RuleBook!.Plans.Select(each => each.Id));
        var plan = result.RuleBook.Plans[0];
        Assert.Equal((2016, 2020), (plan.StartYear, plan.EndYear));
        Assert.Equal(PlanCodes, plan.Indicators.Select(indicator => indicator.Code));
        Assert.Equal(7, plan.Goals.Count);
        Assert.Equal(10, plan.Jurisdictions.Count);
    }

    [Theory]
    [InlineData("G1.1a.district", "percent", ">=", "15.38", "15.38", "btchu")]
    [InlineData("G1.1a.commune", "percent", ">=", "27.77", "26.56", "btchu")]
    [InlineData("G1.1b.district", "percent", ">=", "32", "36.7", "noivu")]
    [InlineData("G2.1", "percent", ">=", "49", "50", "ldtbxh")]
    [InlineData("G3.1", "percent", ">=", "96.5", "98", "gddt")]
    [InlineData("G3.2b", "percent", ">=", "0", "0", "noivu")]
    [InlineData("G4.1", "per-100", "<=", "105", "105", "yte")]
    [InlineData("G4.2", "per-100000", "<=", null, "50", "yte")]
    [InlineData("G4.4", "per-100", "<=", null, "25", "yte")]
    [InlineData("G5.1", "count", "<=", null, "0", "vhtt")]
    [InlineData("G6.1", "times", "<=", "2", "1.5", "vhtt")]
    [InlineData("G7.3", "category", ">=", "1", "2", "noivu")]
    public void Rules_carry_the_seed_figures(string code, string unit, string direction, string? baseline, string target, string lead)
    {
        var indicator = TestRules.Indicator(code);

        Assert.Equal(unit, indicator.Unit.Id);
        Assert.Equal(direction, indicator.Direction.Symbol());
        Assert.Equal(baseline is null ? null : Parse(baseline), indicator.Baseline);
        Assert.Equal(Parse(target), indicator.Target);
        Assert.Equal(2020, indicator.Definition.TargetYear);
        Assert.Equal(lead, indicator.Lead);
    }

    [Fact]
    public void Only_the_plan_s_every_year_indicators_are_declared_every_year()
    {
        Assert.Equal(["G2.1", "G5.2"], TestRules.Plan.Indicators.Where(indicator => indicator.Definition.EveryYear).Select(indicator => indicator.Code));
    }

    [Fact]
    public void G4_4_has_no_baseline_because_its_2015_zero_means_no_data()
    {
        var indicator = TestRules.Indicator("G4.4");

        Assert.Null(indicator.Definition.BaselineYear);
        Assert.Contains("chưa có số liệu", indicator.Definition.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("G1.1a.district", "Phụ lục 2")]
    [InlineData("G5.1", "Giảm 40%")]
    public void Rules_note_where_the_seed_contradicts_itself_and_which_reading_they_follow(string code, string words)
    {
        var note = TestRules.Indicator(code).Definition.Note;

        Assert.Contains("Số liệu mâu thuẫn", note, StringComparison.Ordinal);
        Assert.Contains(words, note, StringComparison.Ordinal);
        Assert.Contains("Quy tắc", note, StringComparison.Ordinal);
    }

    /// <summary>How an official reads each indicator whose wording differs between the plan's body and its annexes (../shared/domain/van-ban-hanh-chinh.md).</summary>
    public static TheoryData<string, string[]> Readings => new()
    {
        // the body and Phụ lục 2 agree on the target; Phụ lục 1's district cell is today's state
        { "G7.3", ["Bố trí đủ cán bộ", "Phụ lục 2", "\"Kiêm nhiệm\" ở cột kế hoạch của huyện tại Phụ lục 1 là tình trạng hiện nay", "chưa đạt chỉ tiêu"] },
        { "G1.1b.commune", ["35%", "nhiệm kỳ 2016-2021", "Phụ lục 1 và Phụ lục 2 thống nhất", "chỉ thay đổi khi bầu cử"] },
        { "G1.1b.district", ["36,7%", "nhiệm kỳ 2016-2021", "chỉ thay đổi khi bầu cử", "kỳ bầu cử năm 2021"] },
        { "G2.1", ["ít nhất 50% cho mỗi giới", "mỗi giới 50%", "40%", "tỷ lệ lao động nữ", "từ 50% trở lên"] },
        { "G2.2", ["20% doanh nghiệp có phụ nữ tham gia lãnh đạo", "tỷ lệ nữ trong số người lãnh đạo, quản lý doanh nghiệp", "Đánh giá theo thân kế hoạch"] },
        { "G4.3b", ["người nhiễm HIV", "phụ nữ nhiễm HIV", "Đánh giá theo Phụ lục 1"] },
        { "G6.3", ["Phòng Văn hóa - Thông tin", "Công an huyện", "Phụ lục 2", "mục C.II.1.8"] },
        { "G1.3", ["trên 70%", "từ 70% trở lên"] },
        { "G7.4", ["ít nhất một lần/năm", "ít nhất một lần\"", "năm báo cáo"] },
    };

    [Theory]
    [MemberData(nameof(Readings))]
    public void Rules_note_how_officials_read_indicators_the_plan_words_differently(string code, string[] words)
    {
        var note = TestRules.Indicator(code).Definition.Note;

        Assert.NotNull(note);
        Assert.All(words, word => Assert.Contains(word, note, StringComparison.Ordinal));
    }

    [Fact]
    public void Commune_council_note_no_longer_reads_the_district_column_as_the_province_s()
    {
        var note = TestRules.Indicator("G1.1b.commune").Definition.Note!;

        Assert.DoesNotContain("35 / Duy trì", note, StringComparison.Ordinal);
        Assert.DoesNotContain("cột chỉ tiêu của tỉnh", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Staffing_target_is_fully_staffed_above_concurrent_staff()
    {
        var staffing = TestRules.Indicator("G7.3");

        Assert.Equal("Bố trí đủ cán bộ", staffing.CategoryAt(staffing.Target)!.Name.Vi);
        Assert.True(staffing.CategoryAt(staffing.Baseline!.Value)!.Name.Vi == "Kiêm nhiệm" && staffing.Baseline < staffing.Target);
        Assert.False(staffing.MeetsTarget(staffing.Baseline.Value));
        Assert.Equal("Bố trí đủ cán bộ", staffing.Definition.ProvinceTarget);
    }

    [Fact]
    public void Only_the_people_s_councils_change_only_at_elections_and_the_plan_is_measured_on_the_straight_line()
    {
        Assert.Equal(["G1.1b.district", "G1.1b.commune"], TestRules.Plan.Indicators.Where(indicator => indicator.ChangesOnlyAtElections).Select(indicator => indicator.Code));
        Assert.Equal([2016, 2021], TestRules.Indicator("G1.1b.commune").Definition.ElectionYears);
        Assert.Equal(ProgressPath.Linear, TestRules.Plan.Path);
    }

    [Theory]
    [InlineData("linear", "2019", "12", Status.FallingBehind, "16.42", "kỳ này cần đạt 16,42%")]
    [InlineData("compound", "2019", "12", Status.OnTrack, "12.7429", "kỳ này cần đạt 12,74%")]
    public void G2_2_at_12_percent_in_2019_is_judged_on_the_plan_s_path(string path, string period, string value, Status status, string expected, string sentence)
    {
        var workflow = TestRules.WorkflowJson();
        workflow["Plan"]!["path"] = path;
        var plan = TestRules.Load(workflow).RuleBook!.Plans[0];

        var score = Scorer.ScoreOne(plan.FindIndicator("G2.2")!, Measurement.Of(Parse(value)), Period.Parse(period));

        Assert.Equal(status, score.Status);
        Assert.Equal(Parse(expected), score.Expected);
        Assert.Contains(sentence, ScoreExplainer.Explain(score).Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void Annual_report_of_2020_makes_every_unmet_target_final()
    {
        var report = ReportFiles.ReadCsv(ReportFiles.Csv(
            "2020,dak-to,G3.1,\"97,9\",,,",
            "2020,dak-to,G1.1b.district,\"36,7\",,,",
            "2020,dak-to,G2.1,48,,,",
            "2020,dak-to,G5.2,100,,,",
            "2020,dak-to,G4.2,60,,,",
            "2020,dak-to,G4.4,27,,,",
            "2020,dak-to,G7.4,95,,,",
            "2020,dak-to,G4.3b,0/0,,,"), "dak-to-2020.csv").Report!;

        var scorecard = Scorer.Score(report);

        Assert.Equal(
            [("G1.1b.district", Status.Met), ("G2.1", Status.Missed), ("G3.1", Status.Missed), ("G4.2", Status.Missed), ("G4.3b", Status.NotApplicable), ("G4.4", Status.Missed), ("G5.2", Status.Met), ("G7.4", Status.Missed)],
            scorecard.Scores.Select(score => (score.Indicator.Code, score.Status)));
        Assert.True(scorecard.NeedsAttention);
        Assert.All(scorecard.Scores.Where(score => score.Status == Status.Missed), score => Assert.Null(score.ProgressRatio));
    }

    [Fact]
    public void Every_unit_of_the_plan_has_a_name_and_an_address()
    {
        var units = TestRules.Book.Units;

        // 13 departments, the communes' group, nine committees that ended on 30 June 2025, the three that began on 1 July
        // and Xã Đăk Tô's Phòng Văn hóa - Xã hội, which coordinates the commune's 2021-2030 plan.
        Assert.Equal(27, units.Count);
        Assert.All(units, unit => Assert.NotEmpty(unit.Emails));
        Assert.Equal("Phòng Lao động - Thương binh và Xã hội", TestRules.Book.FindUnit("ldtbxh")!.Name.Vi);
    }

    [Fact]
    public void Every_commune_and_the_town_has_its_own_committee_and_the_group_stands_for_them_all()
    {
        var plan = TestRules.Plan;

        var committees = plan.Communes.Select(place => TestRules.Book.CommitteeOf(place.Id)).ToList();

        Assert.Equal(plan.Communes.Select(place => "ubnd-" + place.Id), committees.Select(unit => unit!.Id));
        Assert.All(committees, unit => Assert.Equal([$"{unit!.Id}@example.org"], unit.Emails));
        Assert.Equal("UBND xã Tân Cảnh", TestRules.Book.FindUnit("ubnd-tan-canh")!.Name.Vi);
        Assert.Equal("Tân Cảnh Commune People's Committee", TestRules.Book.FindUnit("ubnd-tan-canh")!.Name.En);
        Assert.Equal("UBND thị trấn Đăk Tô", TestRules.Book.FindUnit("ubnd-tt-dak-to")!.Name.Vi);
        Assert.Null(TestRules.Book.CommitteeOf("dak-to"));
        var group = TestRules.Book.FindUnit("ubnd-xa")!;
        Assert.Equal((UnitLevel.Commune, (UnitLevel?)UnitLevel.Commune, (string?)null), (group.Level, group.Group, group.Jurisdiction));
    }

    [Fact]
    public void Indicators_are_reported_at_the_levels_the_plan_gives_them()
    {
        // District only: the district's own bodies and figures no commune holds (Party committee and council of the
        // district, agencies, enterprises, degrees, HIV treatment, abortions, media products, the time-use survey,
        // legal drafting). Both: what each commune counts for itself and the district adds up.
        string[] both = ["G1.1a.commune", "G1.1b.commune", "G2.1", "G2.3", "G2.4", "G3.1", "G4.1", "G4.2", "G4.3a", "G5.2", "G6.2a", "G6.2b", "G6.3", "G7.3", "G7.4"];

        Assert.Equal(both, TestRules.Plan.IndicatorsAt(UnitLevel.Commune).Select(indicator => indicator.Code));
        Assert.Equal(28, TestRules.Plan.IndicatorsAt(UnitLevel.District).Count());
        Assert.False(TestRules.Indicator("G1.1a.district").IsReportedAt(UnitLevel.Commune));
        Assert.False(TestRules.Indicator("G7.3").AddsUp);
        Assert.True(TestRules.Indicator("G4.1").AddsUp);
    }

    [Theory]
    [InlineData("G4.1", "105", true)]
    [InlineData("G4.1", "105.01", false)]
    [InlineData("G3.1", "98", true)]
    [InlineData("G3.1", "97.99", false)]
    [InlineData("G7.3", "2", true)]
    [InlineData("G7.3", "0", false)]
    public void Thresholds_compare_the_value_with_the_target(string code, string value, bool meets)
    {
        Assert.Equal(meets, TestRules.Indicator(code).MeetsTarget(Parse(value)));
    }

    [Fact]
    public async Task RulesEngine_and_the_compiled_thresholds_agree_on_every_rule_of_the_plan()
    {
        var workflow = JsonSerializer.Deserialize<Workflow>(await File.ReadAllTextAsync(TestRules.WorkflowPath))!;
        var engine = new RulesEngine.RulesEngine([workflow], new ReSettings());
        var compared = 0;

        foreach (var indicator in TestRules.Plan.Indicators)
        {
            foreach (var value in ValuesAround(indicator))
            {
                var results = await engine.ExecuteAllRulesAsync(
                    workflow.WorkflowName,
                    new RuleParameter("value", value),
                    new RuleParameter("target", indicator.Target));
                var verdict = results.Single(result => result.Rule.RuleName == indicator.Code);

                // RulesEngine reports a failed rule by its ErrorMessage; anything else would be a parse or runtime fault.
                Assert.True(verdict.IsSuccess || verdict.ExceptionMessage == verdict.Rule.ErrorMessage, verdict.ExceptionMessage);
                Assert.Equal(indicator.MeetsTarget(value), verdict.IsSuccess);
                compared++;
            }
        }

        Assert.Equal(28 * 5, compared);
    }

    [Fact]
    public void Rules_files_point_editors_at_their_schemas()
    {
        Assert.Equal("./schemas/workflow.schema.json", (string?)TestRules.WorkflowJson()["$schema"]);
        Assert.Equal("./schemas/units.schema.json", (string?)TestRules.UnitsJson()["$schema"]);
    }

    [Fact]
    public void Rules_files_are_valid_against_their_schemas()
    {
        Assert.True(RulesSchemas.Evaluate("workflow.schema.json", TestRules.WorkflowJson()));
        Assert.True(RulesSchemas.Evaluate("units.schema.json", TestRules.UnitsJson()));
    }

    private static decimal[] ValuesAround(Indicator indicator)
    {
        var step = indicator.Unit.WholeNumbers ? 1m : 0.01m;
        return [indicator.Target - (10 * step), indicator.Target - step, indicator.Target, indicator.Target + step, indicator.Target + (10 * step)];
    }

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
