using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

/// <summary>Small numbers move by chance: each rate reported with its counts carries its 95% interval.</summary>
public class ChanceIntervalTests
{
    [Theory]
    [InlineData(50, 100, 0.4038, 0.5962)]   // textbook Wilson values
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(17, 20, 0.6396, 0.9476)]
    public void Wilson_interval_matches_the_textbook(double successes, double trials, double low, double high)
    {
        var (computedLow, computedHigh) = ChanceInterval.Wilson(successes, trials);

        Assert.Equal(low, computedLow, 3);
        Assert.Equal(high, computedHigh, 3);
    }

    [Theory]
    [InlineData(0, 0.0, 3.689)]             // Garwood's exact limits, as tabulated
    [InlineData(1, 0.0253, 5.572)]
    [InlineData(5, 1.6235, 11.668)]
    [InlineData(20, 12.217, 30.889)]
    public void Exact_Poisson_interval_matches_the_tables(double events, double low, double high)
    {
        var (computedLow, computedHigh) = ChanceInterval.Poisson(events);

        Assert.Equal(low, computedLow, 2);
        Assert.Equal(high, computedHigh, 2);
    }

    [Theory]
    [InlineData(493, 457, true)]     // 950 births, ratio 107.9: within chance of 105
    [InlineData(5300, 4700, false)]  // 10,000 births, ratio 112.8: clearly above 105
    public void Sex_ratio_above_105_is_within_noise_only_when_births_are_few(decimal boys, decimal girls, bool withinNoise)
    {
        var indicator = SmallPlan.With(SmallPlan.Rule("G4.1", "<=", 110, 105, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls")).Book().Plans[0].FindIndicator("G4.1")!;
        var measurement = Measurement.Of(boys / girls * 100) with { Counts = new Counts(boys, girls) };

        var score = Scorer.ScoreOne(indicator, measurement, Period.Annual(2018));

        Assert.NotEqual(Status.Met, score.Status);
        var interval = Assert.NotNull(score.Interval);
        Assert.True(interval.Low < score.Value && score.Value < interval.High);
        Assert.Equal(boys + girls, interval.Cases);
        Assert.Equal(withinNoise, score.WithinNoise);
        var explanation = ScoreExplainer.Explain(score);
        Assert.Contains($"Với {(boys + girls):#,0}".Replace(",", ".", StringComparison.Ordinal), explanation.Vi, StringComparison.Ordinal);
        Assert.Equal(withinNoise, explanation.Vi.Contains("cần theo dõi", StringComparison.Ordinal));
    }

    [Fact]
    public void Rate_without_its_counts_has_no_interval()
    {
        var indicator = SmallPlan.With(SmallPlan.Rule("G4.1", "<=", 110, 105, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls")).Book().Plans[0].FindIndicator("G4.1")!;

        var score = Scorer.ScoreOne(indicator, Measurement.Of(108), Period.Annual(2018));

        Assert.Null(score.Interval);
        Assert.False(score.WithinNoise);
        Assert.DoesNotContain("sai số", ScoreExplainer.Explain(score).Vi, StringComparison.Ordinal);
    }
}
