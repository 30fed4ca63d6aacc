using System.Globalization;
using System.Text.Json.Nodes;

namespace GenderPlan.Core.Tests;

/// <summary>What loading does with a valid plan: compiled thresholds, the target kept in one place, versions.</summary>
public class RuleLoadingTests
{
    private static readonly SmallPlan Plan = SmallPlan.With(
        SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m),
        SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls"),
        SmallPlan.Staffing("G7.3"));

    [Theory]
    [InlineData("G4.1", "105", true)]
    [InlineData("G4.1", "105.01", false)]
    [InlineData("G3.1", "98", true)]
    [InlineData("G3.1", "97.99", false)]
    [InlineData("G7.3", "2", true)]
    [InlineData("G7.3", "0", false)]
    public void Thresholds_compare_the_value_with_the_target(string code, string value, bool meets)
    {
        Assert.Equal(meets, Plan.Indicator(code).MeetsTarget(decimal.Parse(value, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Changing_the_target_in_properties_moves_the_threshold_too()
    {
        var plan = Plan.Copy();
        plan.Properties("G3.1")["target"] = 99;

        var indicator = plan.Indicator("G3.1");

        Assert.False(indicator.MeetsTarget(98.5m));
        Assert.True(indicator.MeetsTarget(99m));
    }

    [Fact]
    public void Rules_version_changes_when_a_recipient_changes()
    {
        var changed = Plan.Copy();
        changed.Units["units"]![0]!["emails"] = new JsonArray("new@example.org");

        var changedBook = changed.Book();
        var same = Plan.Copy().Book();

        Assert.NotEqual(same.Version, changedBook.Version);
        Assert.NotEqual(same.Plans[0].Version, changedBook.Plans[0].Version);
        Assert.Equal(same.Version, Plan.Copy().Book().Version);
    }
}
