using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Reads one plan's RulesEngine workflow file: the plan header (<c>Plan</c>) and one rule per indicator.
/// <c>workflow.schema.json</c> checks the file's shape first (RulesEngine features the product does not use,
/// such as actions, injected workflows, scoped parameters and nested rules, are unknown properties there); this
/// reader checks what ties the parts together. Everything is checked before anything becomes a <see cref="Plan"/>.
/// </summary>
internal static class WorkflowReader
{
    public static Plan? Read(RuleSource source, IReadOnlySet<string>? unitIds, List<Problem> problems, string version)
    {
        if (JsonText.TryParse(source.Name, source.Content, problems) is not { } document)
        {
            return null;
        }

        using (document)
        {
            var before = problems.Count;
            var root = document.RootElement;
            var flagged = RulesSchema.Workflow.Check(source.Name, root, problems);
            var workflow = new JsonFields(root, source.Name, RulesSchema.Workflow.Names.Root, problems, flagged);
            var id = workflow.String("WorkflowName");
            var header = ReadHeader(workflow, unitIds);
            var indicators = ReadRules(workflow, header, unitIds, problems, source.Name, flagged);
            if (problems.Count > before || id is null || header is null)
            {
                if (problems.Count == before)
                {
                    problems.Add(Messages.RulesInvalid.At(source.Name, null, "the plan could not be read"));
                }

                return null;
            }

            return new Plan(id, header.Name, header.StartYear, header.EndYear, header.District, header.Goals, header.Jurisdictions, indicators, $"{id}@{version}", header.Facts);
        }
    }

    private static PlanHeader? ReadHeader(JsonFields workflow, IReadOnlySet<string>? unitIds)
    {
        if (workflow.Get("Plan") is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        var plan = workflow.Child(element, "Plan");
        var start = plan.Int("startYear");
        var end = plan.Int("endYear");
        if (start > end)
        {
            plan.Report("endYear", $"{end} is before startYear {start}");
        }

        var goals = new List<Goal>();
        foreach (var goal in plan.Items("goals"))
        {
            if (goal.Int("number") is { } number && goal.String("vi") is { } vi && goal.String("en") is { } en)
            {
                ReportRepeat(goal, "number", goals.Any(existing => existing.Number == number), $"goal {number} is listed twice");
                goals.Add(new Goal(number, new LocalizedText(vi, en)));
            }
        }

        var districtId = plan.String("district");
        var items = plan.Items("jurisdictions").ToList();
        var flatWithoutRoot = districtId is null && items.Count > 1 && items.All(item => !item.Has("parent"));
        if (flatWithoutRoot)
        {
            plan.Report("district", "is required when no place gives a \"parent\": name the plan's own place, the others are its communes and town");
        }

        var jurisdictions = flatWithoutRoot ? [] : PlaceListReader.Read(items, districtId) ?? [];
        var district = districtId is null ? jurisdictions.LastOrDefault(place => place.Parent is null) : jurisdictions.FirstOrDefault(jurisdiction => jurisdiction.Id == districtId);
        if (districtId is not null && district is null && jurisdictions.Count > 0)
        {
            plan.Report("district", $"'{districtId}' is not one of the plan's jurisdictions ({string.Join(", ", jurisdictions.Select(jurisdiction => jurisdiction.Id))})");
        }
        else if (district is { Parent: { } above })
        {
            plan.Report("district", $"'{districtId}' is added up into '{above}'; the plan's own place is the root of its places (the one without a \"parent\")");
        }
        else if (districtId is null && plan.Has("jurisdictions") && jurisdictions.Count > 0 && jurisdictions.All(place => place.Parent is not null))
        {
            plan.Report("jurisdictions", "no place is the root: give the plan's own place no \"parent\", or name it in \"district\"");
        }

        var facts = PlanFactsReader.Read(plan, start, unitIds);
        return plan.Localized("name") is not { } name || start is null || end is null || district is null || facts is null
            ? null
            : new PlanHeader(name, start.Value, end.Value, district, goals, jurisdictions, facts);
    }

    private static List<Indicator> ReadRules(
        JsonFields workflow, PlanHeader? header, IReadOnlySet<string>? unitIds, List<Problem> problems, string file, IReadOnlySet<string> flagged)
    {
        var indicators = new List<Indicator>();
        if (workflow.Get("Rules") is not { ValueKind: JsonValueKind.Array } rules)
        {
            return indicators;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var element in rules.EnumerateArray())
        {
            var rule = new JsonFields(element, file, RulesSchema.Workflow.Names.Item(element, index++), problems, flagged);
            if (rule.String("RuleName") is { } code && !seen.Add(code))
            {
                rule.Report("RuleName", $"indicator {code} has two rules; each code may appear once");
            }
            else if (element.ValueKind == JsonValueKind.Object && RuleReader.Read(rule, indicators.Count, header, unitIds) is { } indicator)
            {
                indicators.Add(indicator);
            }
        }

        return indicators;
    }

    /// <summary>Reports <paramref name="message"/> at <paramref name="property"/> when the item repeats an earlier one.</summary>
    internal static void ReportRepeat(JsonFields item, string property, bool repeated, string message)
    {
        if (repeated)
        {
            item.Report(property, message);
        }
    }

    internal sealed record PlanHeader(
        LocalizedText Name, int StartYear, int EndYear, Jurisdiction District, IReadOnlyList<Goal> Goals, IReadOnlyList<Jurisdiction> Jurisdictions, PlanFacts Facts);
}
