using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.ProvinceReports;

namespace GenderPlan.Documents.Tests;

/// <summary>
/// Letters and the report to the province name the target a period is judged against: with milestones, the one in force
/// (2025's before 2025, 2030's after), never the plan's last target for every period.
/// </summary>
public class MilestoneWordingTests
{
    // Sex ratio at birth 115 (2020) → at most 111 (2025) → at most 109 (2030).
    private static readonly Lazy<Indicator> SexRatio = new(() => StrategyPlan.With(StrategyPlan.SexRatio()).Indicator("G4.1"));

    [Theory]
    [InlineData("2023", "không quá 111 trẻ trai/100 trẻ gái đến năm 2025")]
    [InlineData("2025", "không quá 111 trẻ trai/100 trẻ gái đến năm 2025")]
    [InlineData("2026-H1", "không quá 109 trẻ trai/100 trẻ gái đến năm 2030")]
    public void Report_states_the_milestone_in_force_for_the_period(string period, string expected) =>
        Assert.Equal(expected, IndicatorSentence.Target(SexRatio.Value, SexRatio.Value.MilestoneFor(Period.Parse(period))));

    [Fact]
    public void Report_table_lists_every_milestone_with_its_year() =>
        Assert.Equal("2025: 111; 2030: 109", IndicatorSentence.TargetCell(SexRatio.Value));

    [Fact]
    public void Sentence_of_a_report_line_compares_with_the_milestone_of_its_period()
    {
        var figure = new ReportFigure(Status.OffTrack, 114m, new LocalizedText("", ""), FigureSource.Reported, null);
        var line = new IndicatorLine(SexRatio.Value, figure, null, InForce: SexRatio.Value.MilestoneFor(Period.Annual(2023)));

        var sentence = IndicatorSentence.Write(line);

        Assert.EndsWith("so với chỉ tiêu không quá 111 trẻ trai/100 trẻ gái đến năm 2025", sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023", "không quá 111 trẻ trai/100 trẻ gái")]
    [InlineData("2027", "không quá 109 trẻ trai/100 trẻ gái")]
    public void Letter_row_gives_the_target_in_force_not_the_last_one(string period, string expected)
    {
        var score = Scorer.ScoreOne(SexRatio.Value, Measurement.Of(114m), Period.Parse(period));

        Assert.Equal(expected, ScoreLine.Of(score).Target.Vi);
        Assert.Equal($"{expected} (năm {score.Milestone.Year})", ScoreLine.Of(score, withYear: true).Target.Vi);
    }
}
