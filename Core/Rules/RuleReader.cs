using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Reads one rule the schema has checked, and checks what the schema cannot: its goal against the plan's, its
/// years against the plan's, its units against <c>units.json</c>, category words, and its expression, which is
/// compiled and then probed around the target to prove it agrees with the declared direction (a <c>&lt;=</c>
/// expression on a <c>&gt;=</c> indicator would otherwise score every value backwards).
/// </summary>
internal static class RuleReader
{
    public static Indicator? Read(JsonFields rule, int position, WorkflowReader.PlanHeader? header, IReadOnlySet<string>? unitIds)
    {
        var code = rule.String("RuleName");
        var goal = code is null ? null : RuleNames.GoalOf(code);
        if (code is not null && goal is null)
        {
            rule.Report("RuleName", $"'{code}' is not an indicator code (G<goal>.<number>, as in G4.1 or G1.1a.district)");
        }
        else if (goal is not null && header is { Goals.Count: > 0 } && header.Goals.All(known => known.Number != goal))
        {
            rule.Report("RuleName", $"'{code}' names goal {goal}, which the plan does not have");
        }

        var expression = rule.String("Expression");
        if (rule.Get("Properties") is not { ValueKind: JsonValueKind.Object } propertiesElement)
        {
            return null;
        }

        var properties = rule.Child(propertiesElement, "Properties");
        var unit = MeasureUnit.FromId(properties.String("unit"));
        var directionKnown = DirectionText.TryParse(properties.String("direction"), out var direction);
        var categories = unit == MeasureUnit.Category ? ReadCategories(properties) : [];
        var baseline = ReadAmount(properties, "baseline", unit, categories);
        var baselineYear = properties.Int("baselineYear");
        CheckYears(properties, header, baselineYear);
        var milestones = MilestoneReader.Read(properties, header, baselineYear, (fields, property) => ReadAmount(fields, property, unit, categories));
        var lead = properties.String("lead");
        var coordinating = properties.StringList("coordinating") ?? [];
        CheckUnits(properties, unitIds, lead, coordinating);
        var elections = ReadElections(properties);
        var threshold = Compile(rule, expression);
        if (threshold is not null && milestones is not null && directionKnown && unit is not null)
        {
            // "target" in the expression is bound to the milestone in force, so it must agree with the direction at every one.
            foreach (var target in milestones.Select(milestone => milestone.Target).Distinct())
            {
                CheckAgreesWithDirection(rule, threshold, direction, target, unit);
            }
        }

        if (code is null || goal is null || properties.Localized("name") is not { } name || properties.Localized("unitName") is not { } unitName
            || unit is null || !directionKnown || milestones is null || lead is null || threshold is null || expression is null)
        {
            return null;
        }

        var definition = new IndicatorDefinition(
            code, goal.Value, name, unit, unitName, direction, baseline, baseline is null ? null : baselineYear,
            milestones, properties.Text("provinceTarget"), lead,
            coordinating.Where(id => id != lead).Distinct().ToList(), categories, expression, properties.String("note"),
            EveryYear: properties.String("every") == "year", Levels: ReadLevels(properties, header), Tolerance: properties.Decimal("tolerance"),
            Path: header?.Facts.Path ?? ProgressPath.Linear, ElectionYears: elections, LevelWords: ReadLevelWords(properties, header),
            CarriedFrom: properties.String("carriedFrom"));
        return new Indicator(definition, position, threshold);
    }

    private static Func<decimal, decimal, bool>? Compile(JsonFields rule, string? expression)
    {
        if (expression is null)
        {
            return null;
        }

        var (compiled, errors) = ThresholdCompiler.Compile(expression);
        foreach (var error in errors)
        {
            rule.Report("Expression", error);
        }

        return compiled;
    }

    /// <summary>
    /// Reads <c>"levels"</c> as the district/commune pair the pages and obligations of a two-level plan use: the plan's own
    /// (root) level is the district's, any level below it a commune's. Absent means the district's report only, so a plan
    /// written before communes reported still reads the same.
    /// </summary>
    private static IReadOnlyList<UnitLevel>? ReadLevels(JsonFields properties, WorkflowReader.PlanHeader? header) =>
        properties.StringList("levels")?.Select(word => word == (header?.District.Level ?? PlaceLevels.District) ? UnitLevel.District : UnitLevel.Commune).Distinct().ToList();

    /// <summary>
    /// Reads <c>"levels"</c> as level words (<c>province</c>, <c>district</c>, <c>commune</c>): which places report the
    /// indicator and so what it adds up from. Absent means the plan's own place only. A word no place of the plan has
    /// would make an indicator nobody owes, so it is refused, naming the words the places use.
    /// </summary>
    private static IReadOnlyList<string> ReadLevelWords(JsonFields properties, WorkflowReader.PlanHeader? header)
    {
        var words = properties.StringList("levels");
        if (header is null)
        {
            return words ?? [PlaceLevels.District];
        }

        var known = header.Jurisdictions.Select(place => place.Level).Distinct(StringComparer.Ordinal).ToList();
        foreach (var word in words ?? [])
        {
            if (!known.Contains(word, StringComparer.Ordinal))
            {
                properties.Report("levels", $"'{word}' is a level no place of the plan has; the places' levels are {string.Join(", ", known)}");
            }
        }

        return words ?? [header.District.Level];
    }

    /// <summary>
    /// Reads <c>"changesAt": "election"</c> and its <c>"electionYears"</c>, ascending. The schema refuses one without the
    /// other; this refuses what it cannot say: an elected figure with a target for every year (it cannot move within the
    /// year), and a year listed twice.
    /// </summary>
    private static IReadOnlyList<int>? ReadElections(JsonFields properties)
    {
        if (properties.String("changesAt") != "election" || properties.Get("electionYears") is not { ValueKind: JsonValueKind.Array } list)
        {
            return null;
        }

        var years = list.EnumerateArray().Where(year => year.ValueKind == JsonValueKind.Number && year.TryGetInt32(out _)).Select(year => year.GetInt32()).ToList();
        if (years.Distinct().Count() != years.Count)
        {
            properties.Report("electionYears", "lists a year twice");
        }

        if (properties.String("every") == "year")
        {
            properties.Report("changesAt", "a figure that changes only at elections cannot also have a target for every year; leave out \"every\"");
        }

        return years.Count == 0 ? null : years.Distinct().Order().ToList();
    }

    internal static decimal? ReadAmount(JsonFields properties, string property, MeasureUnit? unit, IReadOnlyList<Category> categories)
    {
        if (unit == MeasureUnit.Category && properties.String(property) is { } words)
        {
            var category = CategoryMatcher.Find(categories, words);
            if (category is null)
            {
                properties.Report(property, $"'{words}' is not one of the categories");
            }

            return category?.Level;
        }

        return properties.Decimal(property);
    }

    private static List<Category> ReadCategories(JsonFields properties)
    {
        var categories = new List<Category>();
        foreach (var level in properties.Items("categories"))
        {
            if (level.Int("level") is not { } number || level.String("vi") is not { } vi || level.String("en") is not { } en)
            {
                continue;
            }

            WorkflowReader.ReportRepeat(level, "level", categories.Any(existing => existing.Level == number), $"level {number} is listed twice");
            categories.Add(new Category(number, new LocalizedText(vi, en), level.StringList("aliases") ?? []));
        }

        return categories.OrderBy(category => category.Level).ToList();
    }

    private static void CheckYears(JsonFields properties, WorkflowReader.PlanHeader? header, int? baselineYear)
    {
        if (baselineYear is not null && header is not null && baselineYear >= header.StartYear)
        {
            properties.Report("baselineYear", $"{baselineYear} is not before the plan's first year {header.StartYear}");
        }
    }

    private static void CheckUnits(JsonFields properties, IReadOnlySet<string>? unitIds, string? lead, IReadOnlyList<string> coordinating)
    {
        if (unitIds is null)
        {
            return;
        }

        if (lead is not null && !unitIds.Contains(lead))
        {
            properties.Report("lead", $"'{lead}' is not a unit in units.json");
        }

        foreach (var id in coordinating.Where(id => !unitIds.Contains(id)))
        {
            properties.Report("coordinating", $"'{id}' is not a unit in units.json");
        }
    }

    /// <summary>
    /// The target itself must meet the threshold, a value a step past it on the good side must too, and a
    /// value a step on the bad side must not; otherwise the expression and the declared direction disagree.
    /// The schema bounds targets by unit, but the probe is computed inside the guard all the same: a value at
    /// <see cref="decimal.MaxValue"/> is refused as a problem, never thrown.
    /// </summary>
    private static void CheckAgreesWithDirection(JsonFields rule, Func<decimal, decimal, bool> threshold, Direction direction, decimal target, MeasureUnit unit)
    {
        decimal better, worse;
        bool meetsTarget, meetsBetter, meetsWorse;
        try
        {
            var step = unit.WholeNumbers ? 1m : Math.Max(Math.Abs(target) / 100m, 0.01m);
            better = direction == Direction.AtLeast ? target + step : target - step;
            worse = direction == Direction.AtLeast ? target - step : target + step;
            meetsTarget = threshold(target, target);
            meetsBetter = threshold(better, target);
            meetsWorse = threshold(worse, target);
        }
        catch (Exception exception) when (exception is ArithmeticException)
        {
            rule.Report("Expression", $"fails on values near the target {target}: {exception.Message}");
            return;
        }

        if (!meetsTarget || !meetsBetter || meetsWorse)
        {
            rule.Report("Expression", $"does not agree with direction \"{direction.Symbol()}\" and target {target}: a value of {target} must meet it, "
                + $"{better} must meet it and {worse} must not");
        }
    }
}
