using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Reads one plan's RulesEngine workflow file: the plan header (<c>Plan</c>) and one rule per indicator.
/// Everything is checked before anything is compiled into a <see cref="Plan"/>; RulesEngine features the
/// product does not use (actions, injected workflows, scoped parameters, nested rules) are refused rather
/// than silently ignored.
/// </summary>
internal static class WorkflowReader
{
    private static readonly HashSet<string> WorkflowProperties =
        ["$schema", "WorkflowName", "Plan", "Rules", "RuleExpressionType"];

    private static readonly HashSet<string> PlanProperties = ["name", "startYear", "endYear", "district", "goals", "jurisdictions"];

    private static readonly HashSet<string> RuleProperties =
        ["RuleName", "Expression", "RuleExpressionType", "Properties", "ErrorMessage", "SuccessEvent", "Enabled"];

    private static readonly HashSet<string> IndicatorProperties =
    [
        "name", "unit", "unitName", "direction", "baseline", "baselineYear", "target", "targetYear",
        "provinceTarget", "lead", "coordinating", "categories", "note", "every", "levels", "tolerance",
    ];

    private const string UnsupportedFeature =
        "the product uses only RuleName, Expression, Properties, ErrorMessage and SuccessEvent of a rule";

    /// <summary>The property names a rule's <c>Properties</c> may hold; the JSON Schema lists the same.</summary>
    public static IReadOnlySet<string> KnownIndicatorProperties => IndicatorProperties;

    public static Plan? Read(RuleSource source, IReadOnlySet<string>? unitIds, List<Problem> problems, string version)
    {
        if (JsonText.TryParse(source.Name, source.Content, problems) is not { } document)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(Messages.RulesInvalid.At(source.Name, null, "a workflow file holds one JSON object with WorkflowName, Plan and Rules"));
                return null;
            }

            var before = problems.Count;
            var workflow = new JsonFields(root, source.Name, "workflow", problems);
            workflow.RejectUnknown(WorkflowProperties, "injected workflows and global parameters are not used by the product");
            CheckExpressionType(workflow);
            var id = workflow.RequiredString("WorkflowName");
            if (id is not null && !RuleNames.IsId(id))
            {
                workflow.Report("WorkflowName", "must be lower-case letters, digits and '-' (it is the plan id)");
            }

            var header = ReadHeader(workflow, problems, source.Name);
            var indicators = ReadRules(workflow, header, unitIds, problems, source.Name);
            if (problems.Count > before || id is null || header is null || indicators is null)
            {
                return null;
            }

            return new Plan(id, header.Name, header.StartYear, header.EndYear, header.District, header.Goals, header.Jurisdictions, indicators, $"{id}@{version}");
        }
    }

    private static PlanHeader? ReadHeader(JsonFields workflow, List<Problem> problems, string file)
    {
        if (workflow.Get("Plan") is not { ValueKind: JsonValueKind.Object } element)
        {
            workflow.Report("Plan", "is required: the plan's name, startYear, endYear, goals and jurisdictions");
            return null;
        }

        var plan = workflow.Child(element, "Plan");
        plan.RejectUnknown(PlanProperties, "known: " + string.Join(", ", PlanProperties));
        var name = plan.RequiredLocalized("name");
        var start = plan.RequiredInt("startYear");
        var end = plan.RequiredInt("endYear");
        if (start > end)
        {
            plan.Report("endYear", $"{end} is before startYear {start}");
        }

        var goals = new List<Goal>();
        foreach (var goal in Items(plan, "goals"))
        {
            var number = goal.RequiredInt("number");
            var vi = goal.RequiredString("vi");
            var en = goal.RequiredString("en");
            if (number is not null && vi is not null && en is not null)
            {
                if (goals.Any(existing => existing.Number == number))
                {
                    goal.Report("number", $"goal {number} is listed twice");
                }

                goals.Add(new Goal(number.Value, new LocalizedText(vi, en)));
            }
        }

        var jurisdictions = new List<Jurisdiction>();
        foreach (var place in Items(plan, "jurisdictions"))
        {
            var placeId = place.RequiredString("id");
            var placeName = place.RequiredString("name");
            if (placeId is not null && placeName is not null)
            {
                if (jurisdictions.Any(existing => existing.Id == placeId))
                {
                    place.Report("id", $"'{placeId}' is listed twice");
                }

                jurisdictions.Add(new Jurisdiction(placeId, placeName));
            }
        }

        if (jurisdictions.Count == 0)
        {
            plan.Report("jurisdictions", "must list at least one place that reports under the plan");
        }

        var districtId = plan.RequiredString("district");
        var district = jurisdictions.FirstOrDefault(jurisdiction => jurisdiction.Id == districtId);
        if (districtId is not null && district is null && jurisdictions.Count > 0)
        {
            plan.Report("district", $"'{districtId}' is not one of the plan's jurisdictions ({string.Join(", ", jurisdictions.Select(jurisdiction => jurisdiction.Id))})");
        }

        return name is null || start is null || end is null || district is null
            ? null
            : new PlanHeader(name, start.Value, end.Value, district, goals, jurisdictions);
    }

    private static List<Indicator>? ReadRules(JsonFields workflow, PlanHeader? header, IReadOnlySet<string>? unitIds, List<Problem> problems, string file)
    {
        if (workflow.Get("Rules") is not { ValueKind: JsonValueKind.Array } rules || rules.GetArrayLength() == 0)
        {
            workflow.Report("Rules", "must be a non-empty list of rules, one per indicator");
            return null;
        }

        var indicators = new List<Indicator>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var element in rules.EnumerateArray())
        {
            var code = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("RuleName", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString()!
                : null;
            var rule = new JsonFields(element, file, code is null ? $"Rules[{index}]" : $"rule {code}", problems);
            index++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                rule.Report("", "each rule must be a JSON object");
                continue;
            }

            if (code is not null && !seen.Add(code))
            {
                rule.Report("RuleName", $"indicator {code} has two rules; each code may appear once");
                continue;
            }

            if (RuleReader.Read(rule, indicators.Count, header, unitIds) is { } indicator)
            {
                indicators.Add(indicator);
            }
        }

        return indicators;
    }

    internal static void CheckExpressionType(JsonFields fields)
    {
        if (fields.Get("RuleExpressionType") is { } type
            && !(type.ValueKind == JsonValueKind.String && type.GetString() == "LambdaExpression"))
        {
            fields.Report("RuleExpressionType", "only \"LambdaExpression\" is supported");
        }
    }

    internal static void RejectUnsupported(JsonFields rule)
    {
        rule.RejectUnknown(RuleProperties, UnsupportedFeature);
        CheckExpressionType(rule);
        if (rule.Get("Enabled") is { } enabled && enabled.ValueKind != JsonValueKind.True)
        {
            rule.Report("Enabled", "a disabled rule would silently stop scoring its indicator; remove the rule instead");
        }
    }

    /// <summary>Each item of the list <paramref name="property"/>, located as <c>goals[2]</c>.</summary>
    private static IEnumerable<JsonFields> Items(JsonFields fields, string property)
    {
        if (fields.Get(property) is not { } value)
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            fields.Report(property, "must be a list");
            yield break;
        }

        // A plain loop: LINQ over (JsonElement, int) tuples is JIT-compiled at every start of the CLI.
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            yield return fields.Child(item, $"{property}[{index}]");
            index++;
        }
    }

    internal sealed record PlanHeader(LocalizedText Name, int StartYear, int EndYear, Jurisdiction District, IReadOnlyList<Goal> Goals, IReadOnlyList<Jurisdiction> Jurisdictions);
}
