using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

/// <summary>The district's figure added up from its communes: numerators and denominators, never an average of rates.</summary>
public class CommuneRollUpTests
{
    private static readonly Plan Plan = Build();

    private static Plan Build()
    {
        var plan = SmallPlan.With(
            CommuneLevelTests.Levels(SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m, lead: "gddt"), "district", "commune"),
            CommuneLevelTests.Levels(SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls", lead: "yte"), "district", "commune"),
            CommuneLevelTests.Levels(SmallPlan.Rule("G5.1", "<=", baseline: null, target: 0m, unit: "count", unitVi: "sản phẩm", unitEn: "products", lead: "vhtt"), "district", "commune"),
            CommuneLevelTests.Levels(SmallPlan.Staffing("G7.3"), "district", "commune"),
            SmallPlan.Rule("G2.2", ">=", baseline: 2.1m, target: 20m, lead: "ldtbxh"));
        var places = plan.Workflow["Plan"]!["jurisdictions"]!.AsArray();
        places.Add(new JsonObject { ["id"] = "po-ko", ["name"] = "Xã Pô Kô" });
        places.Add(new JsonObject { ["id"] = "tt-dak-to", ["name"] = "Thị trấn Đăk Tô" });
        return plan.Plan();
    }

    private static CommuneFigure Rate(string place, string code, decimal numerator, decimal denominator, decimal scale = 100m) =>
        new(place, code, denominator == 0 ? null : numerator / denominator * scale, new Counts(numerator, denominator));

    [Fact]
    public void Rate_adds_numerators_and_denominators_not_the_communes_rates()
    {
        // 30/40 = 75% and 60/60 = 100%: the average of the rates would be 87.5%; the district has 90 of 100.
        var rolled = CommuneRollUp.Compute(Plan, Period.Annual(2019), [Rate("tan-canh", "G3.1", 30, 40), Rate("po-ko", "G3.1", 60, 60)]);

        var literacy = Assert.Single(rolled);
        Assert.Equal(90m, literacy.Score.Value);
        Assert.Equal(new Counts(90, 100), literacy.Score.Measurement.Counts);
        Assert.Equal(Status.OffTrack, literacy.Score.Status);
        Assert.Equal((2, 3), (literacy.Coverage.Reported, literacy.Coverage.Expected));
        Assert.Equal(["tt-dak-to"], literacy.Coverage.Missing);
    }

    [Fact]
    public void Ratio_per_100_is_boys_over_girls_of_all_communes()
    {
        var rolled = CommuneRollUp.Compute(Plan, Period.Annual(2019), [Rate("tan-canh", "G4.1", 55, 50), Rate("po-ko", "G4.1", 50, 50), Rate("tt-dak-to", "G4.1", 110, 100)]);

        var ratio = Assert.Single(rolled);
        Assert.Equal(215m / 200m * 100m, ratio.Score.Value);
        Assert.Empty(ratio.Coverage.Missing);
    }

    [Fact]
    public void Count_is_the_sum_and_category_is_never_added_up()
    {
        var rolled = CommuneRollUp.Compute(Plan, Period.Annual(2019), [
            new("tan-canh", "G5.1", 2m, null), new("po-ko", "G5.1", 3m, null),
            new("tan-canh", "G7.3", 1m, null), new("po-ko", "G7.3", 2m, null)]);

        var count = Assert.Single(rolled);
        Assert.Equal(("G5.1", 5m), (count.Score.Indicator.Code, count.Score.Value));
    }

    [Fact]
    public void Rate_without_its_counts_cannot_be_added_and_its_commune_counts_as_missing()
    {
        var rolled = CommuneRollUp.Compute(Plan, Period.Annual(2019), [Rate("tan-canh", "G3.1", 49, 50), new("po-ko", "G3.1", 97m, null)]);

        var literacy = Assert.Single(rolled);
        Assert.Equal(98m, literacy.Score.Value);
        Assert.Equal(["po-ko", "tt-dak-to"], literacy.Coverage.Missing);
    }

    [Fact]
    public void Communes_where_no_case_arose_are_covered_and_all_zero_is_not_applicable()
    {
        var rolled = CommuneRollUp.Compute(Plan, Period.Annual(2019), [new("tan-canh", "G3.1", null, null), Rate("po-ko", "G3.1", 0, 0)]);

        var literacy = Assert.Single(rolled);
        Assert.Equal(Status.NotApplicable, literacy.Score.Status);
        Assert.Equal(2, literacy.Coverage.Reported);
    }

    [Fact]
    public void Nothing_is_added_up_without_a_commune_figure_nor_from_the_district_itself()
    {
        Assert.Empty(CommuneRollUp.Compute(Plan, Period.Annual(2019), [Rate("dak-to", "G3.1", 97, 100), Rate("tan-canh", "G2.2", 1, 10)]));
    }

    [Theory]
    [InlineData("G3.1", null, 97, 1)]        // a percentage: one point
    [InlineData("G4.1", null, 110, 1.1)]     // a ratio: 1% of the reported figure
    [InlineData("G5.1", null, 7, 0)]         // a count adds up exactly
    [InlineData("G3.1", 0.5, 97, 0.5)]       // the rule's own tolerance
    public void Tolerance_defaults_to_a_point_a_percent_or_nothing(string code, double? ruleTolerance, double reported, double expected)
    {
        var plan = Plan;
        if (ruleTolerance is { } tolerance)
        {
            var edited = SmallPlan.With(CommuneLevelTests.Levels(SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m, lead: "gddt"), "district", "commune"));
            edited.Properties("G3.1")["tolerance"] = tolerance;
            plan = edited.Plan();
        }

        Assert.Equal((decimal)expected, plan.FindIndicator(code)!.ToleranceFor((decimal)reported));
    }

    [Fact]
    public void Coverage_names_the_missing_communes_as_officials_call_them()
    {
        var text = CoverageText.Describe(Plan, new Coverage(1, 3, ["po-ko", "tt-dak-to"]));

        Assert.Equal("1/3 xã, thị trấn; thiếu: Pô Kô, thị trấn Đăk Tô", text.Vi);
        Assert.Equal("1 of 3 communes; missing: Pô Kô, thị trấn Đăk Tô", text.En);
    }
}
