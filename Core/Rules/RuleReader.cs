using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Reads and checks one rule: its code, its properties, and its expression, which is compiled and then
/// probed around the target to prove it agrees with the declared direction (a <c>&lt;=</c> expression on a
/// <c>&gt;=</c> indicator would otherwise score every value backwards).
/// </summary>
internal static class RuleReader
{
    public static Indicator? Read(JsonFields rule, int position, WorkflowReader.PlanHeader? header, IReadOnlySet<string>? unitIds)
    {
        WorkflowReader.RejectUnsupported(rule);
        var code = rule.RequiredString("RuleName");
        int? goal = null;
        if (code is not null)
        {
            goal = RuleNames.GoalOf(code);
            if (goal is null)
            {
                rule.Report("RuleName", $"'{code}' is not an indicator code (G<goal>.<number>, as in G4.1 or G1.1a.district)");
            }
            else
            {
                if (header is not null && header.Goals.Count > 0 && header.Goals.All(known => known.Number != goal))
                {
                    rule.Report("RuleName", $"'{code}' names goal {goal}, which the plan does not have");
                }
            }
        }

        var expression = rule.RequiredString("Expression");
        if (rule.Get("Properties") is not { ValueKind: JsonValueKind.Object } propertiesElement)
        {
            rule.Report("Properties", "is required: name, unit, direction, baseline, target, lead, coordinating, ...");
            return null;
        }

        var properties = rule.Child(propertiesElement, "Properties");
        properties.RejectUnknown(WorkflowReader.KnownIndicatorProperties, "known: " + string.Join(", ", WorkflowReader.KnownIndicatorProperties));
        var name = properties.RequiredLocalized("name");
        var unitName = properties.RequiredLocalized("unitName");
        var unitId = properties.RequiredString("unit");
        var unit = MeasureUnit.FromId(unitId);
        if (unitId is not null && unit is null)
        {
            properties.Report("unit", $"'{unitId}' is not a unit; use one of {string.Join(", ", MeasureUnit.KnownIds)}");
        }

        var directionText = properties.RequiredString("direction");
        var directionKnown = DirectionText.TryParse(directionText, out var direction);
        if (directionText is not null && !directionKnown)
        {
            properties.Report("direction", $"'{directionText}' is not a direction; use \">=\" or \"<=\"");
        }

        var categories = unit == MeasureUnit.Category ? ReadCategories(properties) : [];
        if (unit is not null && unit != MeasureUnit.Category && properties.Has("categories"))
        {
            properties.Report("categories", "only category indicators have categories");
        }

        var target = ReadAmount(properties, "target", unit, categories, required: true);
        var baseline = ReadAmount(properties, "baseline", unit, categories, required: false);
        var targetYear = properties.RequiredInt("targetYear");
        var baselineYear = properties.OptionalInt("baselineYear");
        CheckYears(properties, header, baseline, baselineYear, targetYear);
        var everyYear = ReadEvery(properties);
        var levels = ReadLevels(properties);
        var tolerance = ReadTolerance(properties, unit);
        var lead = properties.RequiredString("lead");
        var coordinating = properties.StringList("coordinating", required: false);
        CheckUnits(properties, unitIds, lead, coordinating);

        Func<decimal, decimal, bool>? threshold = null;
        if (expression is not null)
        {
            var (compiled, errors) = ThresholdCompiler.Compile(expression);
            foreach (var error in errors)
            {
                rule.Report("Expression", error);
            }

            threshold = compiled;
        }

        if (threshold is not null && target is not null && directionKnown && unit is not null)
        {
            CheckAgreesWithDirection(rule, threshold, direction, target.Value, unit);
        }

        if (code is null || goal is null || name is null || unitName is null || unit is null || !directionKnown
            || target is null || targetYear is null || lead is null || coordinating is null || threshold is null || expression is null)
        {
            return null;
        }

        var definition = new IndicatorDefinition(
            code, goal.Value, name, unit, unitName, direction, baseline, baseline is null ? null : baselineYear,
            target.Value, targetYear.Value, properties.OptionalText("provinceTarget"), lead,
            coordinating.Where(id => id != lead).Distinct().ToList(), categories, expression, properties.OptionalText("note"), everyYear, levels, tolerance);
        return new Indicator(definition, position, threshold);
    }

    /// <summary>
    /// Reads <c>"every": "year"</c>: the plan sets the target for every year ("Hàng năm"), not as a climb towards
    /// the target year. Absent means a target to reach by <c>targetYear</c>.
    /// </summary>
    private static bool ReadEvery(JsonFields properties)
    {
        if (properties.Get("every") is not { } every)
        {
            return false;
        }

        if (every.ValueKind == JsonValueKind.String && every.GetString() == "year")
        {
            return true;
        }

        properties.Report("every", $"{every.GetRawText()} is not a recurrence; use \"year\" for a target that must hold in every year (\"Hàng năm\"), or leave it out");
        return false;
    }

    /// <summary>
    /// Reads <c>"levels"</c>: where the indicator is reported, <c>["district"]</c>, <c>["commune"]</c> or both. Absent
    /// means the district's report only, so a plan written before communes reported still reads the same.
    /// </summary>
    private static IReadOnlyList<UnitLevel>? ReadLevels(JsonFields properties)
    {
        if (!properties.Has("levels"))
        {
            return null;
        }

        var words = properties.StringList("levels", required: false);
        if (words is null)
        {
            return null;
        }

        var levels = new List<UnitLevel>();
        foreach (var word in words)
        {
            UnitLevel? level = word switch { "district" => UnitLevel.District, "commune" => UnitLevel.Commune, _ => null };
            if (level is null)
            {
                properties.Report("levels", $"'{word}' is not a level; use \"district\" (the district's report) or \"commune\" (each commune's report)");
            }
            else if (levels.Contains(level.Value))
            {
                properties.Report("levels", $"'{word}' is listed twice");
            }
            else
            {
                levels.Add(level.Value);
            }
        }

        if (words.Count == 0)
        {
            properties.Report("levels", "lists at least one level: [\"district\"], [\"commune\"] or [\"district\", \"commune\"]");
        }

        return levels;
    }

    private static decimal? ReadTolerance(JsonFields properties, MeasureUnit? unit)
    {
        if (properties.Get("tolerance") is not { } element)
        {
            return null;
        }

        var amount = JsonFields.AsDecimal(element);
        if (amount is null || amount < 0)
        {
            properties.Report("tolerance", "must be a number, zero or more, in the indicator's unit");
        }
        else if (unit?.IsCategory == true)
        {
            properties.Report("tolerance", "a category indicator is never added up, so it has no tolerance");
        }

        return amount;
    }

    private static decimal? ReadAmount(JsonFields properties, string property, MeasureUnit? unit, IReadOnlyList<Category> categories, bool required)
    {
        var element = properties.Get(property);
        if (element is null)
        {
            if (required)
            {
                properties.Report(property, "is required");
            }

            return null;
        }

        if (unit == MeasureUnit.Category && element.Value.ValueKind == JsonValueKind.String)
        {
            var words = element.Value.GetString()!;
            var category = CategoryMatcher.Find(categories, words);
            if (category is null)
            {
                properties.Report(property, $"'{words}' is not one of the categories");
            }

            return category?.Level;
        }

        var amount = JsonFields.AsDecimal(element.Value);
        if (amount is null)
        {
            properties.Report(property, "must be a number" + (unit == MeasureUnit.Category ? " or a category" : ""));
            return null;
        }

        if (amount < 0)
        {
            properties.Report(property, $"{amount} is negative; no indicator of the plan can be");
        }
        else if (unit?.UpperBound is { } upper && amount > upper)
        {
            properties.Report(property, $"{amount} is above {upper}, the most a {unit.Id} value can be");
        }

        return amount;
    }

    private static IReadOnlyList<Category> ReadCategories(JsonFields properties)
    {
        var categories = new List<Category>();
        if (properties.Get("categories") is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() < 2)
        {
            properties.Report("categories", "a category indicator needs at least two levels: [{ \"level\": 0, \"vi\": \"...\", \"en\": \"...\" }, ...]");
            return categories;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var level = properties.Child(item, $"categories[{index++}]");
            var number = level.RequiredInt("level");
            var vi = level.RequiredString("vi");
            var en = level.RequiredString("en");
            var aliases = level.StringList("aliases", required: false) ?? [];
            if (number is null || vi is null || en is null)
            {
                continue;
            }

            if (categories.Any(existing => existing.Level == number))
            {
                level.Report("level", $"level {number} is listed twice");
            }

            categories.Add(new Category(number.Value, new LocalizedText(vi, en), aliases));
        }

        return categories.OrderBy(category => category.Level).ToList();
    }

    private static void CheckYears(JsonFields properties, WorkflowReader.PlanHeader? header, decimal? baseline, int? baselineYear, int? targetYear)
    {
        if (baseline is not null && baselineYear is null)
        {
            properties.Report("baselineYear", "is required when there is a baseline");
        }

        if (baselineYear is not null && header is not null && baselineYear >= header.StartYear)
        {
            properties.Report("baselineYear", $"{baselineYear} is not before the plan's first year {header.StartYear}");
        }

        if (targetYear is not null && header is not null && (targetYear < header.StartYear || targetYear > header.EndYear))
        {
            properties.Report("targetYear", $"{targetYear} is outside the plan's years {header.StartYear}-{header.EndYear}");
        }
    }

    private static void CheckUnits(JsonFields properties, IReadOnlySet<string>? unitIds, string? lead, IReadOnlyList<string>? coordinating)
    {
        if (unitIds is null)
        {
            return;
        }

        if (lead is not null && !unitIds.Contains(lead))
        {
            properties.Report("lead", $"'{lead}' is not a unit in units.json");
        }

        foreach (var id in coordinating ?? [])
        {
            if (!unitIds.Contains(id))
            {
                properties.Report("coordinating", $"'{id}' is not a unit in units.json");
            }
        }
    }

    /// <summary>
    /// The target itself must meet the threshold, a value a step past it on the good side must too, and a
    /// value a step on the bad side must not; otherwise the expression and the declared direction disagree.
    /// </summary>
    private static void CheckAgreesWithDirection(JsonFields rule, Func<decimal, decimal, bool> threshold, Direction direction, decimal target, MeasureUnit unit)
    {
        var step = unit.WholeNumbers ? 1m : Math.Max(Math.Abs(target) / 100m, 0.01m);
        var better = direction == Direction.AtLeast ? target + step : target - step;
        var worse = direction == Direction.AtLeast ? target - step : target + step;
        bool meetsTarget, meetsBetter, meetsWorse;
        try
        {
            meetsTarget = threshold(target, target);
            meetsBetter = threshold(better, target);
            meetsWorse = threshold(worse, target);
        }
        catch (Exception exception) when (exception is ArithmeticException)
        {
            rule.Report("Expression", $"fails on values near the target: {exception.Message}");
            return;
        }

        if (!meetsTarget || !meetsBetter || meetsWorse)
        {
            rule.Report("Expression", $"does not agree with direction \"{direction.Symbol()}\" and target {target}: a value of {target} must meet it, "
                + $"{better} must meet it and {worse} must not");
        }
    }
}
