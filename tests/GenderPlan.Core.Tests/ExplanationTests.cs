using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

/// <summary>The sentences under each score, on rules written here with the units of measure they name.</summary>
public class ExplanationTests
{
    private static readonly Lazy<Plan> Plan = new(SmallPlan.With(
        SmallPlan.Rule("G1.3", ">=", baseline: null, target: 70m),
        SmallPlan.Rule("G2.1", ">=", baseline: 49m, target: 50m),
        SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m),
        SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls"),
        SmallPlan.Rule("G4.2", "<=", baseline: null, target: 50m, unit: "per-100000", unitVi: "trên 100.000 trẻ đẻ sống", unitEn: "per 100,000 live births"),
        SmallPlan.Rule("G6.1", "<=", baseline: 2m, target: 1.5m, unit: "times", unitVi: "lần", unitEn: "times"),
        SmallPlan.Staffing("G7.3")).Plan);

    [Theory]
    [InlineData("G3.1", "2019", 97.2, "97,2% < 98%: cần tăng tốc, tốc độ chỉ đạt 59% mức cần thiết (lúc này cần 97,7%).", "97.2% < 98%: falling behind, moving at only 59% of the required pace (expected now: 97.7%).")]
    [InlineData("G3.1", "2019", 98.5, "98,5% ≥ 98%: đã đạt chỉ tiêu.", "98.5% ≥ 98%: target met.")]
    [InlineData("G4.1", "2019", 108, "108 trẻ trai/100 trẻ gái > 105 trẻ trai/100 trẻ gái: chỉ tiêu cần duy trì (năm 2015 đạt 105 trẻ trai/100 trẻ gái) nhưng nay không còn đạt.", "108 boys per 100 girls > 105 boys per 100 girls: the level met in 2015 (105 boys per 100 girls) must be maintained, and it no longer is.")]
    [InlineData("G1.3", "2019", 65, "65% < 70%: chưa đạt, và không có số liệu cơ sở để đo tiến độ.", "65% < 70%: not met, and there is no baseline to measure progress from.")]
    [InlineData("G2.1", "2019", 45, "45% < 50%: chệch hướng, đang đi xa mục tiêu so với năm 2015 (49%).", "45% < 50%: off track, moving away from the target since 2015 (49%).")]
    [InlineData("G3.1", "2020", 97.9, "97,9% < 98%: đã đến năm mục tiêu 2020 mà chưa đạt.", "97.9% < 98%: the target year 2020 has come and the target is not met.")]
    [InlineData("G7.3", "2019", 2, "Chuyên trách: đã đạt chỉ tiêu (Kiêm nhiệm trở lên).", "dedicated: target met (concurrent or better).")]
    [InlineData("G7.3", "2019", 0, "Chưa bố trí: chưa đạt mức Kiêm nhiệm.", "none: below the target level (concurrent).")]
    [InlineData("G6.1", "2019", 1.8, "1,8 lần > 1,5 lần: chệch hướng, tốc độ chỉ đạt 46% mức cần thiết (lúc này cần 1,59 lần).", "1.8 times > 1.5 times: off track, moving at only 46% of the required pace (expected now: 1.59 times).")]
    public void Explanation_is_one_plain_sentence_in_each_language(string code, string period, double value, string vi, string en)
    {
        var score = Scorer.ScoreOne(Indicator(code), Measurement.Of((decimal)value), Period.Parse(period));

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
