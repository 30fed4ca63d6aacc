using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

/// <summary>The sentences under each score, on rules written here with the units of measure they name.</summary>
public class ExplanationTests
{
    private static readonly SmallPlan Rules = SmallPlan.With(
        SmallPlan.Rule("G1.3", ">=", baseline: null, target: 70m),
        SmallPlan.Rule("G2.1", ">=", baseline: 49m, target: 50m),
        SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m),
        SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls"),
        SmallPlan.Rule("G4.2", "<=", baseline: null, target: 50m, unit: "per-100000", unitVi: "trên 100.000 trẻ đẻ sống", unitEn: "per 100,000 live births"),
        SmallPlan.Rule("G6.1", "<=", baseline: 2m, target: 1.5m, unit: "times", unitVi: "lần", unitEn: "times"),
        SmallPlan.EveryYear(SmallPlan.Rule("G5.2", ">=", baseline: 90m, target: 100m)),
        SmallPlan.Staffing("G7.3"),
        SmallPlan.Elected(SmallPlan.Rule("G1.1b.district", ">=", baseline: 32m, target: 36.7m, lead: "noivu"), 2016, 2021),
        SmallPlan.Elected(SmallPlan.Rule("G1.1b.commune", ">=", baseline: 29.22m, target: 35m, lead: "noivu"), 2021, 2026));

    private static readonly Lazy<Plan> Plan = new(Rules.Plan);

    private static readonly Lazy<Plan> CompoundPlan = new(() => Rules.Copy().OnPath("compound").Plan());

    [Theory]
    [InlineData("G3.1", "2019", 97.2, "Kết quả 97,2% chưa đạt chỉ tiêu 98%; theo lộ trình đều từ 96,5% năm 2015 đến 98% năm 2020, kỳ này cần đạt 97,7%, mới thực hiện được 58% mức tăng cần đạt.", "97.2% < 98%: falling behind, only 58% of the rise due by now (expected now on the straight line from 96.5% in 2015 to 98% in 2020: 97.7%).")]
    [InlineData("G3.1", "2019", 97.7, "Kết quả 97,7% chưa đạt chỉ tiêu 98%; theo lộ trình đều từ 96,5% năm 2015 đến 98% năm 2020, kỳ này cần đạt 97,7%, đã thực hiện được 100% mức tăng cần đạt.", "97.7% < 98%: on track, 100% of the rise due by now (expected now on the straight line from 96.5% in 2015 to 98% in 2020: 97.7%).")]
    [InlineData("G3.1", "2019", 98.5, "Kết quả 98,5% đạt chỉ tiêu 98%.", "98.5% ≥ 98%: target met.")]
    [InlineData("G4.1", "2019", 108, "Kết quả 108 trẻ trai/100 trẻ gái chưa đạt chỉ tiêu không quá 105 trẻ trai/100 trẻ gái. Không duy trì được mức năm 2015 (105 trẻ trai/100 trẻ gái).", "108 boys per 100 girls > 105 boys per 100 girls: the level met in 2015 (105 boys per 100 girls) must be maintained, and it no longer is.")]
    [InlineData("G1.3", "2019", 65, "Kết quả 65% chưa đạt chỉ tiêu 70%; không có số liệu năm gốc để đánh giá tiến độ.", "65% < 70%: not met, and there is no baseline to measure progress from.")]
    [InlineData("G2.1", "2019", 45, "Kết quả 45% chưa đạt chỉ tiêu 50%; kết quả diễn biến ngược chiều chỉ tiêu so với năm 2015 (49%).", "45% < 50%: off track, moving away from the target since 2015 (49%).")]
    [InlineData("G3.1", "2020", 97.9, "Kết quả 97,9% không đạt chỉ tiêu 98% của năm 2020.", "97.9% < 98%: the target year 2020 has come and the target is not met.")]
    [InlineData("G7.3", "2019", 2, "Kết quả: Chuyên trách, đạt chỉ tiêu (Kiêm nhiệm trở lên).", "dedicated: target met (concurrent or better).")]
    [InlineData("G7.3", "2019", 0, "Kết quả: Chưa bố trí, chưa đạt chỉ tiêu (Kiêm nhiệm).", "none: below the target level (concurrent).")]
    [InlineData("G6.1", "2019", 1.8, "Kết quả 1,8 lần chưa đạt chỉ tiêu không quá 1,5 lần; theo lộ trình đều từ 2 lần năm 2015 đến 1,5 lần năm 2020, kỳ này cần đạt 1,6 lần, mới thực hiện được 50% mức giảm cần đạt.", "1.8 times > 1.5 times: falling behind, only 50% of the fall due by now (expected now on the straight line from 2 times in 2015 to 1.5 times in 2020: 1.6 times).")]
    [InlineData("G6.1", "2019", 1.85, "Kết quả 1,85 lần chưa đạt chỉ tiêu không quá 1,5 lần; theo lộ trình đều từ 2 lần năm 2015 đến 1,5 lần năm 2020, kỳ này cần đạt 1,6 lần, mới thực hiện được 38% mức giảm cần đạt.", "1.85 times > 1.5 times: off track, only 38% of the fall due by now (expected now on the straight line from 2 times in 2015 to 1.5 times in 2020: 1.6 times).")]
    [InlineData("G1.1b.district", "2019", 34.5, "Chỉ tiêu chỉ thay đổi khi bầu cử: kết quả bầu cử nhiệm kỳ 2016-2021 là 34,5%, không đạt chỉ tiêu 36,7%; số liệu giữ nguyên đến kỳ bầu cử năm 2021.", "34.5% < 36.7%: changes only at elections; the 2016-2021 term result misses the target and stands until the 2021 election.")]
    [InlineData("G1.1b.district", "2017", 36.7, "Kết quả bầu cử nhiệm kỳ 2016-2021: 36,7%, đạt chỉ tiêu 36,7%.", "36.7% ≥ 36.7%: target met by the 2016-2021 term result.")]
    [InlineData("G1.1b.commune", "2019", 30, "Kết quả 30% chưa đạt chỉ tiêu 35%; chỉ tiêu chỉ thay đổi khi bầu cử: số liệu hiện tại là của nhiệm kỳ trước, chỉ tiêu được đánh giá theo kết quả bầu cử năm 2021.", "30% < 35%: changes only at elections; this is the previous term's figure, and the target is judged on the result of the 2021 election.")]
    [InlineData("G5.2", "2018", 95, "Kết quả 95% không đạt chỉ tiêu hằng năm 100% trong năm 2018.", "95% < 100%: the target holds for every year, and 2018 did not meet it.")]
    [InlineData("G5.2", "2018-H1", 95, "Kết quả 95% chưa đạt chỉ tiêu 100%; chỉ tiêu áp dụng hằng năm, còn 6 tháng cuối năm 2018 để thực hiện.", "95% < 100%: the target holds for every year, and half of 2018 is left to meet it.")]
    [InlineData("G4.2", "2020-H1", 60, "Kết quả 60 trên 100.000 trẻ đẻ sống chưa đạt chỉ tiêu không quá 50 trên 100.000 trẻ đẻ sống; không có số liệu năm gốc để đánh giá tiến độ.", "60 per 100,000 live births > 50 per 100,000 live births: not met, and there is no baseline to measure progress from.")]
    public void Explanation_is_one_plain_sentence_in_each_language(string code, string period, double value, string vi, string en)
    {
        var score = Scorer.ScoreOne(Indicator(code), Measurement.Of((decimal)value), Period.Parse(period));

        var explanation = ScoreExplainer.Explain(score);

        Assert.Equal(vi, explanation.Vi);
        Assert.Equal(en, explanation.En);
    }

    [Theory]
    [InlineData("G3.1", "2019", 97.2, "Kết quả 97,2% chưa đạt chỉ tiêu 98%; tốc độ thực hiện mới bằng 59% tốc độ cần thiết, kỳ này cần đạt 97,7%.", "97.2% < 98%: falling behind, moving at only 59% of the required pace (expected now: 97.7%).")]
    [InlineData("G6.1", "2019", 1.8, "Kết quả 1,8 lần chưa đạt chỉ tiêu không quá 1,5 lần; tốc độ thực hiện mới bằng 46% tốc độ cần thiết, kỳ này cần đạt 1,59 lần.", "1.8 times > 1.5 times: off track, moving at only 46% of the required pace (expected now: 1.59 times).")]
    public void Compound_path_explains_growth_rates_and_expects_the_compound_figure(string code, string period, double value, string vi, string en)
    {
        var score = Scorer.ScoreOne(CompoundPlan.Value.FindIndicator(code)!, Measurement.Of((decimal)value), Period.Parse(period));

        var explanation = ScoreExplainer.Explain(score);

        Assert.Equal(vi, explanation.Vi);
        Assert.Equal(en, explanation.En);
    }

    [Fact]
    public void Large_rates_use_Vietnamese_thousands_dots()
    {
        Assert.Equal("45 trên 100.000 trẻ đẻ sống", ScoreExplainer.FormatValue(Indicator("G4.2"), 45m, Language.Vietnamese));
        Assert.Equal("1.234,5", Text.VietnameseNumber.Format(1234.5m));
        Assert.Equal("1,234.5", Text.VietnameseNumber.FormatEnglish(1234.5m));
    }

    private static Indicator Indicator(string code) => Plan.Value.FindIndicator(code) ?? throw new ArgumentException(code);
}
