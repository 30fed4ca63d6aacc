using System.Text;
using System.Text.Json.Nodes;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>What loading does with a valid plan: the target kept in one place, and versions.</summary>
public class RuleLoadingTests
{
    private static readonly SmallPlan Plan = SmallPlan.With(
        SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m),
        SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls"),
        SmallPlan.Staffing("G7.3"));

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

    [Fact]
    public void Rules_version_is_the_start_of_the_XxHash128_of_every_file_name_and_content()
    {
        var plan = Plan.Copy();
        var sources = plan.Sources();

        var book = plan.Book();

        // XxHash128 over each file, in name order, as "name\n" then its bytes; a plan's version hashes its own
        // file with the units file.
        Assert.Equal(Expected(sources), book.Version);
        Assert.Equal($"{SmallPlan.Id}@{Expected(sources)}", book.Plans[0].Version);
    }

    private static string Expected(IEnumerable<RuleSource> sources)
    {
        var bytes = new List<byte>();
        foreach (var source in sources.OrderBy(source => source.Name, StringComparer.Ordinal))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(source.Name + "\n"));
            bytes.AddRange(source.Content.ToArray());
        }

        return Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(bytes.ToArray()))[..12];
    }
}
