using System.Text.Json;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Reads an indicator's targets in either form a rule may use, <c>"milestones": [{"year", "target"}, ...]</c> or a single
/// <c>target</c> with its <c>targetYear</c>, into one ascending list, so scoring never asks which form was written. The
/// schema refuses a rule with both forms or neither; this refuses what it cannot say: milestones out of order or with a
/// year twice (a reader would not know which comes first), a year not after the baseline year (no stretch leads to it),
/// and a year outside the plan's.
/// </summary>
internal static class MilestoneReader
{
    private const string Property = "milestones";

    /// <summary>The milestones, ascending; null when they cannot be read (each problem already reported).</summary>
    public static IReadOnlyList<Milestone>? Read(
        JsonFields properties, WorkflowReader.PlanHeader? header, int? baselineYear, Func<JsonFields, string, decimal?> readAmount)
    {
        if (properties.Get(Property) is not { ValueKind: JsonValueKind.Array })
        {
            var target = readAmount(properties, "target");
            var year = properties.Int("targetYear");
            if (year is not null)
            {
                CheckYear(properties, "targetYear", year.Value, header, baselineYear);
            }

            return target is null || year is null || properties.Has(Property) ? null : [new Milestone(year.Value, target.Value)];
        }

        var milestones = new List<Milestone>();
        var complete = true;
        foreach (var item in properties.Items(Property))
        {
            var year = item.Int("year");
            var target = readAmount(item, "target");
            if (year is null || target is null)
            {
                complete = false;
                continue;
            }

            if (milestones.Count > 0 && year <= milestones[^1].Year)
            {
                item.Report("year", year == milestones[^1].Year
                    ? $"{year} is listed twice; each milestone has a year of its own"
                    : $"{year} comes after {milestones[^1].Year}; list the milestones by year, earliest first");
                complete = false;
            }

            CheckYear(item, "year", year.Value, header, baselineYear);
            milestones.Add(new Milestone(year.Value, target.Value));
        }

        return complete && milestones.Count > 0 ? milestones : null;
    }

    private static void CheckYear(JsonFields fields, string property, int year, WorkflowReader.PlanHeader? header, int? baselineYear)
    {
        if (baselineYear is not null && year <= baselineYear)
        {
            fields.Report(property, $"{year} is not after the baseline year {baselineYear}; a target is reached after the baseline");
        }
        else if (header is not null && (year < header.StartYear || year > header.EndYear))
        {
            fields.Report(property, $"{year} is outside the plan's years {header.StartYear}-{header.EndYear}");
        }
    }
}
