using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Alerts;

namespace GenderPlan.Documents.Tests;

/// <summary>An alert lists the indicators that chance could explain apart, as ones to watch.</summary>
public class WatchListAlertTests
{
    [Fact]
    public void Sex_ratio_within_chance_of_its_target_is_listed_to_watch_not_as_a_failure()
    {
        var book = SmallPlan.With(
            SmallPlan.Rule("G4.1", "<=", 110, 105, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls", lead: "yte"),
            SmallPlan.Rule("G4.3", ">=", 70, 90, lead: "yte")).Book();
        var plan = book.Plans[0];
        var few = Scorer.ScoreOne(plan.FindIndicator("G4.1")!, Measurement.Of(493m / 457m * 100) with { Counts = new Counts(493, 457) }, Period.Annual(2018));
        var low = Scorer.ScoreOne(plan.FindIndicator("G4.3")!, Measurement.Of(71), Period.Annual(2018));
        var card = new Scorecard("bao-cao.csv", Period.Annual(2018), "dak-to", plan.Id, book.Version, [few, low]);

        var alert = Assert.Single(new AlertComposer(book, null).Alerts(
            new ReportReference("key", "bao-cao.csv", "yte", Period.Annual(2018), "Huyện Đăk Tô"),
            AlertPlanner.Plan(card, new Dictionary<string, Status>())));

        Assert.True(few.WithinNoise);
        Assert.False(low.WithinNoise);
        Assert.StartsWith("V/v đề nghị rà soát, đẩy nhanh tiến độ thực hiện chỉ tiêu ", alert.Subject, StringComparison.Ordinal);
        var watch = alert.Text.IndexOf("chỉ tiêu chưa đạt nhưng kết quả nằm trong khoảng sai số", StringComparison.Ordinal);
        Assert.True(watch > 0, alert.Text);
        var failure = alert.Text.IndexOf(book.Plans[0].FindIndicator("G4.3")!.Name.Vi, StringComparison.Ordinal);
        Assert.True(failure >= 0 && failure < watch, "the failure comes before the list to watch");
        Assert.True(alert.Text.IndexOf(book.Plans[0].FindIndicator("G4.1")!.Name.Vi, StringComparison.Ordinal) > watch, "the sex ratio is in the list to watch");
        Assert.Contains("Đề nghị Phòng Y tế rà soát, có giải pháp đẩy nhanh tiến độ", alert.Text, StringComparison.Ordinal);
    }
}
