
namespace GenderPlan.Core.Tests;

/// <summary>A plan names its district; nothing in the code assumes which place that is.</summary>
public class PlanDistrictTests
{
    [Fact]
    public void Shipped_plan_declares_Dak_To_as_its_district_and_the_rest_as_its_communes()
    {
        Assert.Equal(("dak-to", "Huyện Đăk Tô"), (TestRules.Plan.District.Id, TestRules.Plan.District.Name));
        Assert.True(TestRules.Plan.IsDistrict("dak-to"));
        Assert.False(TestRules.Plan.IsDistrict("tan-canh"));
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("kon-tum", "'kon-tum' is not one of the plan's jurisdictions")]
    public void Plan_without_a_district_among_its_jurisdictions_is_refused(string? district, string words)
    {
        var workflow = TestRules.WorkflowJson();
        var header = workflow["Plan"]!.AsObject();
        header.Remove("district");
        if (district is not null)
        {
            header["district"] = district;
        }

        var result = TestRules.Load(workflow);

        Assert.Null(result.RuleBook);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("district", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains(words, problem.ToString(), StringComparison.Ordinal);
    }
}
