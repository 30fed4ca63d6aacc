using System.Text.Json.Nodes;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Rules with milestones as the national strategy 2021-2030 (NQ 28/NQ-CP) writes them, baselines of 2020, for a plan
/// of 2021-2030: the tests of milestones share these figures so each works them out by hand the same way.
/// </summary>
internal static class StrategyPlan
{
    /// <summary>A 2021-2030 plan of <paramref name="rules"/>.</summary>
    public static SmallPlan With(params JsonObject[] rules) => SmallPlan.With(rules).ForYears(2021, 2030);

    /// <summary>Sex ratio at birth: 115 in 2020, at most 111 in 2025 and 109 in 2030.</summary>
    public static JsonObject SexRatio() => SmallPlan.WithMilestones(
        SmallPlan.Rule("G4.1", "<=", baseline: 115m, target: 111m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls", lead: "yte"),
        2020, (2025, 111m), (2030, 109m));

    /// <summary>A share going up: 40% in 2020, 60% in 2025, 75% in 2030.</summary>
    public static JsonObject WomenLeaders() => SmallPlan.WithMilestones(SmallPlan.Rule("G1.2", ">=", baseline: 40m, target: 60m, lead: "noivu"), 2020, (2025, 60m), (2030, 75m));

    /// <summary>One target the old way, 96,5% in 2020 → 98% in 2030: to compare with a list of one milestone.</summary>
    public static JsonObject Literacy()
    {
        var rule = SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m, targetYear: 2030);
        rule["Properties"]!["baselineYear"] = 2020;
        return rule;
    }
}
