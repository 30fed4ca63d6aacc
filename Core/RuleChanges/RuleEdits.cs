using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.RuleChanges;

/// <summary>What the rules page lets the coordinator change of one indicator; null leaves a field as it is.</summary>
/// <param name="Code">The indicator's code (its rule's name).</param>
/// <param name="Baseline">The baseline as typed ("96,5"), or empty for none.</param>
/// <param name="Target">The target as typed (the final milestone's, for a rule with milestones).</param>
/// <param name="TargetYear">The year the target is for (the final milestone's year, for a rule with milestones).</param>
/// <param name="Lead">The lead unit's id.</param>
/// <param name="Coordinating">The coordinating units' ids.</param>
/// <param name="Plan">
/// The plan whose rule is edited (its <c>WorkflowName</c>): needed once two plans share a code, as the district's 2016-2020
/// plan and a commune's 2021-2030 plan both have G4.1; null where only one plan has the code.
/// </param>
public sealed record IndicatorEdit(string Code, string? Baseline, string? Target, int? TargetYear, string? Lead, IReadOnlyList<string>? Coordinating, string? Plan = null);

/// <summary>A unit's addresses as the page edits them.</summary>
/// <param name="Id">The unit's id.</param>
/// <param name="Emails">Its addresses.</param>
public sealed record UnitEdit(string Id, IReadOnlyList<string> Emails);

/// <summary>The changes made on the rules page.</summary>
/// <param name="Indicators">Indicator changes.</param>
/// <param name="Units">Address changes.</param>
/// <param name="BaseVersion">
/// The version the page showed when the changes were made: they apply only if it is still in force, so a change
/// made at the same time by someone else is never silently overwritten.
/// </param>
public sealed record RulesEdit(IReadOnlyList<IndicatorEdit>? Indicators, IReadOnlyList<UnitEdit>? Units, string? BaseVersion = null);

/// <summary>The rules files after an edit, or what is wrong with the edit.</summary>
/// <param name="Sources">The edited files, to validate and publish like any upload.</param>
/// <param name="Problems">What could not be applied (an unknown code, a number that is not one).</param>
public sealed record EditedRules(IReadOnlyList<RuleSource> Sources, IReadOnlyList<Problem> Problems);

/// <summary>
/// Writes the rules page's changes into the rules files themselves (the workflow files and <c>units.json</c>),
/// so an edit on the page becomes exactly the upload an official could have made by hand, and goes through the
/// same validation, preview and history. Numbers are read the Vietnamese way ("96,5").
/// </summary>
public static class RuleEdits
{
    private const int MaxEdits = 500;

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Applies <paramref name="edit"/> to <paramref name="current"/>.</summary>
    public static EditedRules Apply(IReadOnlyList<RuleSource> current, RulesEdit edit)
    {
        var problems = new List<Problem>();
        var indicators = edit.Indicators ?? [];
        var units = edit.Units ?? [];
        if (indicators.Count + units.Count > MaxEdits)
        {
            return new EditedRules([], [Messages.RulesTooManyEdits.At("rules page", null, MaxEdits)]);
        }

        var documents = current.ToDictionary(source => source.Name, source => JsonNode.Parse(source.Content.Span)!, StringComparer.Ordinal);
        var rules = documents.Where(pair => new RuleSource(pair.Key, ReadOnlyMemory<byte>.Empty).IsWorkflow)
            .SelectMany(pair => (pair.Value["Rules"]?.AsArray() ?? []).OfType<JsonNode>().Select(rule => (Plan: pair.Value["WorkflowName"]?.GetValue<string>() ?? "", Rule: rule, Header: pair.Value["Plan"])))
            .ToLookup(entry => entry.Rule["RuleName"]?.GetValue<string>() ?? "", StringComparer.Ordinal);
        foreach (var change in indicators)
        {
            var candidates = rules[change.Code].Where(entry => change.Plan is null || entry.Plan == change.Plan).ToList();
            if (candidates.Count > 1)
            {
                problems.Add(Messages.RulesIndicatorInSeveralPlans.At("rules page", ProblemLocation.At(change.Code), change.Code, string.Join(", ", candidates.Select(entry => entry.Plan))));
                continue;
            }

            if (candidates.FirstOrDefault() is not { Rule: { } rule } found || rule["Properties"] is not JsonObject properties)
            {
                problems.Add(Messages.RulesNoIndicator.At("rules page", ProblemLocation.At(change.Code), change.Code));
                continue;
            }

            SetNumber(properties, "baseline", change.Baseline, change.Code, allowEmpty: true, problems);
            // A baseline typed into a rule that had none (a plan started from the strategy) is the plan's baseline year's.
            if (properties["baseline"] is not null && properties["baselineYear"] is null && BaselineYearOf(found.Header) is { } baselineYear)
            {
                properties["baselineYear"] = baselineYear;
            }
            // A rule with milestones shows its final milestone in the target and year fields, so that is what they edit.
            var final = properties["milestones"] is JsonArray { Count: > 0 } milestones && milestones[^1] is JsonObject last ? last : null;
            SetNumber(final ?? properties, "target", change.Target, change.Code, allowEmpty: false, problems);
            if (change.TargetYear is { } year)
            {
                (final ?? properties)[final is null ? "targetYear" : "year"] = year;
            }

            if (change.Lead is { } lead)
            {
                properties["lead"] = lead.Trim();
            }

            if (change.Coordinating is { } coordinating)
            {
                properties["coordinating"] = new JsonArray([.. coordinating.Select(unit => unit.Trim()).Where(unit => unit.Length > 0).Distinct().Select(unit => (JsonNode)JsonValue.Create(unit))]);
            }
        }

        if (units.Count > 0 && documents.TryGetValue(RuleSource.UnitsFileName, out var directory))
        {
            var byId = (directory["units"]?.AsArray() ?? []).OfType<JsonNode>().ToDictionary(unit => unit["id"]?.GetValue<string>() ?? "", StringComparer.Ordinal);
            foreach (var change in units)
            {
                if (!byId.TryGetValue(change.Id, out var unit))
                {
                    problems.Add(Messages.RulesNoUnit.At(RuleSource.UnitsFileName, ProblemLocation.At(change.Id), change.Id));
                    continue;
                }

                unit["emails"] = new JsonArray([.. change.Emails.Select(email => email.Trim()).Where(email => email.Length > 0).Select(email => (JsonNode)JsonValue.Create(email))]);
            }
        }

        var sources = documents.Select(pair => new RuleSource(pair.Key, Encoding.UTF8.GetBytes(pair.Value.ToJsonString(Written)))).ToList();
        return new EditedRules(problems.Count == 0 ? sources : [], problems);
    }

    // The plan's "baselineYear", else the year before its first, as the loader reads it.
    private static int? BaselineYearOf(JsonNode? header) =>
        header?["baselineYear"] is JsonValue year && year.TryGetValue<int>(out var written) ? written
        : header?["startYear"] is JsonValue start && start.TryGetValue<int>(out var first) ? first - 1
        : null;

    private static void SetNumber(JsonObject properties, string name, string? typed, string code, bool allowEmpty, List<Problem> problems)
    {
        if (typed is null)
        {
            return;
        }

        var text = typed.Trim();
        if (text.Length == 0 && allowEmpty)
        {
            properties.Remove(name);
            return;
        }

        if (text.Length > 40 || !VietnameseNumber.TryParse(text, wholeNumberExpected: false, out var value))
        {
            problems.Add(Messages.RulesNotANumber.At("rules page", ProblemLocation.At($"{code}, {name}"), text));
            return;
        }

        properties[name] = value;
    }
}
