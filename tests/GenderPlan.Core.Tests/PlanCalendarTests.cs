using System.Globalization;
using System.Text.Json.Nodes;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Deadlines, the coordinator and the documents behind a plan come from its file: the Đăk Tô plan's 15 June and
/// 25 November, and another plan's own days.
/// </summary>
public class PlanCalendarTests
{
    [Theory]
    [InlineData("2020-06-14T16:59:59Z", "2020-H1", true)]   // 23:59:59 on 14 June in Vietnam
    [InlineData("2020-06-14T17:00:00Z", "2020-H1", false)]  // 00:00 on 15 June in Vietnam: late
    [InlineData("2020-11-24T10:00:00Z", "2020", true)]
    [InlineData("2020-11-25T01:00:00Z", "2020", false)]
    public void Reports_are_on_time_before_the_plans_deadline_in_Vietnam_time(string received, string period, bool onTime)
    {
        Assert.Equal(onTime, TestRules.Plan.Calendar.IsOnTime(Period.Parse(period), DateTimeOffset.Parse(received, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2020-01-10", "2020-H1", "2019")]
    [InlineData("2020-06-15", "2020", "2020-H1")]
    [InlineData("2020-11-24", "2020", "2020-H1")]
    [InlineData("2020-11-25", "2021-H1", "2020")]
    public void Calendar_knows_the_next_and_the_last_deadline(string today, string next, string last)
    {
        var date = DateOnly.Parse(today, CultureInfo.InvariantCulture);

        Assert.Equal(next, TestRules.Plan.Calendar.NextDue(date).ToString());
        Assert.Equal(last, TestRules.Plan.Calendar.LastDue(date).ToString());
    }

    [Fact]
    public void Shipped_plan_gives_its_own_facts()
    {
        var plan = TestRules.Plan;

        Assert.Equal((new AnnualDate(6, 15), new AnnualDate(11, 25)), (plan.Calendar.FirstHalf, plan.Calendar.Annual));
        Assert.Equal(("ldtbxh", 2015), (plan.Coordinator, plan.BaselineYear));
        Assert.Equal(new PlanDocument("37/KH-UBND", new DateOnly(2016, 7, 1), new LocalizedText("UBND huyện Đăk Tô", "Đăk Tô District People's Committee")), plan.AdoptedBy);
        Assert.Equal(("7383/KH-UBND", new DateOnly(2016, 4, 13), "UBND tỉnh Kon Tum"), (plan.Implements!.Number, plan.Implements.Date, plan.Implements.Issuer.Vi));
        Assert.Equal("Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum", plan.ReportsTo!.Vi);
    }

    public static TheoryData<string, string, string> LaterPlanDeadlines => new()
    {
        // period, its deadline under the 2021-2025 plan, the last day a report is on time
        { "2022-H1", "2022-06-30", "2022-06-29" },
        { "2022", "2022-12-15", "2022-12-14" },
    };

    [Theory]
    [MemberData(nameof(LaterPlanDeadlines))]
    public void A_later_plan_with_its_own_deadlines_and_coordinator_loads_with_them(string period, string deadline, string lastDay)
    {
        var book = LaterPlan().Book();
        var later = book.Plans.Single();

        Assert.Equal("noivu", later.Coordinator);
        Assert.Equal(2020, later.BaselineYear);
        Assert.Equal(DateOnly.Parse(deadline, CultureInfo.InvariantCulture), later.Calendar.Deadline(Period.Parse(period)));
        Assert.Equal(DateOnly.Parse(lastDay, CultureInfo.InvariantCulture), later.Calendar.LastDay(Period.Parse(period)));
        Assert.Same(later.Calendar, book.CalendarFor(2022, "tan-canh"));
    }

    public static TheoryData<string, string, string> BrokenFacts => new()
    {
        // case, where the problem must be reported, words it must contain
        { "unknown coordinator", "workflow.Plan.coordinator", "'so-ldtbxh' is not a unit in units.json" },
        { "no coordinator", "workflow.Plan.coordinator", "is required" },
        { "no deadlines", "workflow.Plan.deadlines", "is required" },
        { "a day that is not one", "workflow.Plan.deadlines.firstHalf", "\"6/30\" is not a day of the year" },
        { "30 February", "workflow.Plan.deadlines.firstHalf", "'02-30' is not a day of the year" },
        { "annual before semi-annual", "workflow.Plan.deadlines.annual", "is not after the semi-annual report's day" },
        { "baseline year inside the plan", "workflow.Plan.baselineYear", "2021 is not before the plan's first year 2021" },
        { "adopted on no day", "workflow.Plan.adoptedBy.date", "\"01/7/2021\" is not a date" },
        { "a path of another shape", "workflow.Plan.path", "\"geometric\" is not a path; use \"linear\"" },
    };

    [Theory]
    [MemberData(nameof(BrokenFacts))]
    public void Plan_with_broken_facts_is_refused_naming_the_field(string brokenCase, string location, string words)
    {
        var plan = LaterPlan();
        var header = plan.Workflow["Plan"]!.AsObject();
        switch (brokenCase)
        {
            case "unknown coordinator": header["coordinator"] = "so-ldtbxh"; break;
            case "no coordinator": header.Remove("coordinator"); break;
            case "no deadlines": header.Remove("deadlines"); break;
            case "a day that is not one": header["deadlines"]!["firstHalf"] = "6/30"; break;
            case "30 February": header["deadlines"]!["firstHalf"] = "02-30"; break;
            case "annual before semi-annual": header["deadlines"]!["annual"] = "03-01"; break;
            case "baseline year inside the plan": header["baselineYear"] = 2021; break;
            case "adopted on no day": header["adoptedBy"]!["date"] = "01/7/2021"; break;
            case "a path of another shape": header["path"] = "geometric"; break;
        }

        var result = plan.Load();

        Assert.Null(result.RuleBook);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(location, problem.Location?.ToString());
        Assert.Contains(words, problem.Text.En, StringComparison.Ordinal);
    }

    /// <summary>A small 2021-2025 plan coordinated by the home affairs division, with reports due 30 June and 15 December.</summary>
    private static SmallPlan LaterPlan()
    {
        var plan = SmallPlan.With(SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m, targetYear: 2025));
        var header = plan.Workflow["Plan"]!.AsObject();
        plan.Workflow["WorkflowName"] = "test-2021-2025";
        header["startYear"] = 2021;
        header["endYear"] = 2025;
        header["coordinator"] = "noivu";
        header["deadlines"] = new JsonObject { ["firstHalf"] = "06-30", ["annual"] = "12-15" };
        header["adoptedBy"] = JsonNode.Parse("""{"number": "12/KH-UBND", "date": "2021-03-01", "issuer": {"vi": "UBND huyện Đăk Tô", "en": "Đăk Tô District People's Committee"}}""");
        plan.Properties("G3.1")["baselineYear"] = 2020;
        return plan;
    }
}
