using System.Text;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

/// <summary>
/// The Đăk Tô change of 1 July 2025, shipped as data (<c>Rules/dak-to-2025.places.json</c>): nine communes and the town
/// became three communes of Quảng Ngãi. Reports before the change stay under the old places; comparisons across it add
/// the old places' numerators and denominators up into their successor and say so.
/// </summary>
public class PlaceChangeTests
{
    private static PlaceTree History => TestRules.Book.PlaceHistory;

    /// <summary>A commune-level rate of the shipped plan: women among those trained in vocational schools (G2.3) or the like.</summary>
    private static Indicator CommuneRate => TestRules.Plan.Indicators.First(indicator => indicator.AddsUp && indicator.Unit.RatioScale is not null);

    private static CommuneFigure Rate(string place, decimal numerator, decimal denominator) =>
        new(place, CommuneRate.Code, numerator / denominator * CommuneRate.Unit.RatioScale!.Value, new Counts(numerator, denominator));

    [Theory]
    [InlineData("xa-dak-to", "23401", "tt-dak-to tan-canh po-ko dien-binh")]
    [InlineData("xa-kon-dao", "23430", "van-lem dak-tram kon-dao")]
    [InlineData("xa-ngok-tu", "23428", "dak-ro-nga ngok-tu")]
    public void New_communes_begin_on_1_July_2025_formed_from_the_old_ones_as_the_domain_table_says(string place, string code, string formedFrom)
    {
        var commune = History.Find(place)!;

        Assert.Equal((code, new DateOnly(2025, 7, 1), "quang-ngai"), (commune.Code, commune.From, commune.Parent));
        Assert.Equal(formedFrom.Split(' '), commune.FormedFrom);
        Assert.All(History.PredecessorsOf(place), old => Assert.Equal(new DateOnly(2025, 6, 30), old.Until));
        Assert.Contains("1677/NQ-UBTVQH15", commune.Source, StringComparison.Ordinal);
        Assert.Contains("to verify", commune.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void District_and_its_nine_old_units_end_on_30_June_2025()
    {
        var old = History.DescendantsOf("dak-to");

        Assert.Equal(9, old.Count);
        Assert.All(old.Prepend(History.Find("dak-to")!), place => Assert.Equal(new DateOnly(2025, 6, 30), place.Until));
        Assert.Empty(History.ChildrenOf("dak-to", Period.Annual(2025)));
    }

    [Fact]
    public void Old_communes_counts_add_up_into_the_new_commune_with_coverage_and_say_so()
    {
        var figures = new[]
        {
            Rate("tt-dak-to", 10, 50), Rate("tan-canh", 5, 20), Rate("po-ko", 3, 30),
            Rate("van-lem", 40, 40), // Văn Lem became part of Xã Kon Đào: never added into Xã Đăk Tô.
        };

        var carried = SuccessionSum.Compute(History, "xa-dak-to", CommuneRate, Period.Annual(2019), figures)!;

        Assert.Equal((18m, 100m), (carried.Score.Measurement.Counts!.Value.Numerator, carried.Score.Measurement.Counts!.Value.Denominator));
        Assert.Equal(18m, carried.Score.Value);
        Assert.Equal((3, 4, "dien-binh"), (carried.Coverage.Reported, carried.Coverage.Expected, string.Join(",", carried.Coverage.Missing)));
        Assert.Equal(
            "gộp từ 4 đơn vị cũ: Thị trấn Đăk Tô, Xã Tân Cảnh, Xã Pô Kô, Xã Diên Bình; có số liệu 3/4, thiếu: Xã Diên Bình",
            carried.Explanation.Vi);
    }

    [Theory]
    [InlineData("xa-kon-dao", "2025-H1", 55, 100, "gộp từ 3 đơn vị cũ: Xã Văn Lem, Xã Đăk Trăm, Xã Kon Đào")]
    [InlineData("xa-ngok-tu", "2025-H1", 7, 30, "gộp từ 2 đơn vị cũ: Xã Đăk Rơ Nga, Xã Ngọk Tụ")]
    [InlineData("xa-ngok-tu", "2015", 7, 30, "gộp từ 2 đơn vị cũ: Xã Đăk Rơ Nga, Xã Ngọk Tụ")]
    public void Every_old_commune_reported_adds_up_whole_into_its_successor(string place, string period, int numerator, int denominator, string explanation)
    {
        var figures = new[]
        {
            Rate("van-lem", 20, 40), Rate("dak-tram", 15, 30), Rate("kon-dao", 20, 30),
            Rate("dak-ro-nga", 3, 10), Rate("ngok-tu", 4, 20),
        };

        var carried = SuccessionSum.Compute(History, place, CommuneRate, Period.Parse(period), figures)!;

        Assert.Equal(((decimal)numerator, (decimal)denominator), (carried.Score.Measurement.Counts!.Value.Numerator, carried.Score.Measurement.Counts!.Value.Denominator));
        Assert.Equal(carried.Coverage.Expected, carried.Coverage.Reported);
        Assert.Equal(explanation, carried.Explanation.Vi);
    }

    [Fact]
    public void New_commune_in_its_own_period_is_not_added_up_from_the_old_ones()
    {
        Assert.Null(SuccessionSum.Compute(History, "xa-dak-to", CommuneRate, Period.Annual(2025), [Rate("tan-canh", 1, 2)]));
    }

    [Theory]
    [InlineData("tan-canh", "2019", "tan-canh")]
    [InlineData("tan-canh", "2025-H1", "tan-canh")]
    [InlineData("tan-canh", "2025", null)]
    [InlineData("xa-dak-to", "2025-H1", null)]
    [InlineData("xa-dak-to", "2025", "xa-dak-to")]
    public void A_period_belongs_to_the_places_that_exist_at_its_end(string place, string period, string? stays)
    {
        Assert.Equal(stays, History.PlaceOfReport(place, Period.Parse(period))?.Id);
    }

    [Fact]
    public void Report_for_2019_from_Tan_Canh_stays_under_Tan_Canh_and_its_plan()
    {
        var csv = File.ReadAllText(Path.Combine(TestRules.RulesDirectory, "samples", "tan-canh-2020-H1.csv")).Replace("2020-H1;", "2019;", StringComparison.Ordinal);

        var report = ReportReader.Read("tan-canh-2019.csv", Encoding.UTF8.GetBytes(csv), TestRules.Book).Report!;

        Assert.Equal(("tan-canh", "dak-to-2016-2020", "tan-canh"), (report.Jurisdiction, report.Plan.Id, History.PlaceOfReport(report.Jurisdiction, report.Period)!.Id));
        Assert.Equal("xa-dak-to", History.SuccessorOf("tan-canh")!.Id);
    }

    [Fact]
    public void Old_committees_end_with_their_communes_and_new_committees_begin_with_theirs()
    {
        var old = TestRules.Book.FindUnit("ubnd-tan-canh")!;
        var created = TestRules.Book.FindUnit("ubnd-xa-dak-to")!;

        Assert.Equal(("xa-dak-to", new DateOnly(2025, 7, 1)), (created.Jurisdiction, created.From));
        Assert.True(old.ExistsOn(new DateOnly(2025, 6, 30)));
        Assert.False(old.ExistsOn(new DateOnly(2025, 7, 1)));
        Assert.False(created.ExistsOn(new DateOnly(2025, 6, 30)));
    }

    [Theory]
    [InlineData("2019-H1", true)]
    [InlineData("2019", false)]
    public void Commune_and_committee_that_ended_owe_reports_only_for_periods_ending_by_their_last_day(string period, bool owes)
    {
        var plan = CommuneLevelTests.TwoCommunes();
        plan.Workflow["Plan"]!["jurisdictions"]!.AsArray().Single(place => (string?)place!["id"] == "po-ko")!["until"] = "2019-06-30";
        plan.Units["units"]!.AsArray().Single(unit => (string?)unit!["id"] == "ubnd-po-ko")!["until"] = "2019-06-30";

        var owed = Calendar.ReportingObligations.For(plan.Book(), Period.Parse(period));

        Assert.Equal(owes, owed.Any(item => item.Unit == "ubnd-po-ko"));
        Assert.Contains(owed, item => item.Unit == "ubnd-tan-canh");
    }

    [Theory]
    [InlineData("ubnd-xa-dak-to", "xa-dak-to", true)]
    [InlineData("ubnd-xa-dak-to", "xa-dak-toi", false)]
    public void Committee_of_a_new_commune_must_answer_for_a_place_of_the_places_file(string unit, string place, bool valid)
    {
        var units = TestRules.UnitsJson();
        units["units"]!.AsArray().Single(item => (string?)item!["id"] == unit)!["jurisdiction"] = place;

        var result = TestRules.Load(TestRules.WorkflowJson(), units);

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid, !result.Problems.Any(problem => problem.Location?.ToString() == $"unit {unit}.jurisdiction"));
    }

    [Fact]
    public void Places_file_whose_new_place_begins_before_its_predecessors_end_is_refused_naming_the_field()
    {
        var sources = Rules.RuleSource.FromDirectory(TestRules.RulesDirectory).ToList();
        var index = sources.FindIndex(source => source.IsPlaces);
        var text = Encoding.UTF8.GetString(sources[index].Content.Span).Replace("\"from\": \"2025-07-01\",\n      \"formedFrom\": [\n        \"dak-ro-nga\"", "\"from\": \"2025-06-01\",\n      \"formedFrom\": [\n        \"dak-ro-nga\"", StringComparison.Ordinal);
        sources[index] = new Rules.RuleSource(sources[index].Name, Encoding.UTF8.GetBytes(text));

        var result = Rules.RuleBookLoader.Load(sources);

        Assert.Null(result.RuleBook);
        Assert.Contains(result.Problems, problem => problem.Location?.ToString() == "place xa-ngok-tu.formedFrom" && problem.Text.En.Contains("does not end before 'xa-ngok-tu' begins", StringComparison.Ordinal));
    }
}
