using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;
using Json.Schema;

namespace GenderPlan.Core.Rules;

/// <summary>
/// One of the JSON Schemas of <c>Rules/schemas/</c>, embedded in this assembly from that folder: editors check
/// rules files against the same text, so shape, required fields, types, allowed values and bounds are written
/// once, there. Every error becomes a located <see cref="Problem"/>; the readers keep only the checks a schema
/// cannot express (one file against another, the expression, the direction against the target).
/// </summary>
internal sealed class RulesSchema
{
    /// <summary>A plan's workflow file.</summary>
    public static readonly RulesSchema Workflow = new("workflow.schema.json", new LocationNames("workflow", "Rules", "RuleName", "rule"));

    /// <summary>The units file.</summary>
    public static readonly RulesSchema Units = new("units.schema.json", new LocationNames("units file", "units", "id", "unit"));

    /// <summary>A places file (<c>*.places.json</c>): places over time and what each was formed from.</summary>
    public static readonly RulesSchema Places = new("places.schema.json", new LocationNames("places file", "places", "id", "place"));

    // A hostile file could break every field of thousands of items; past this many the list stops helping.
    private const int MaxProblems = 200;

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    private static readonly Dictionary<string, string> UnexplainedFailure = new() { ["not"] = "the value must not match" };

    private readonly Lazy<(JsonSchema Schema, JsonObject Text)> _schema;

    private RulesSchema(string fileName, LocationNames names)
    {
        FileName = fileName;
        Names = names;
        _schema = new Lazy<(JsonSchema, JsonObject)>(() => Build(fileName));
    }

    /// <summary>The schema's file name in <c>Rules/schemas/</c>.</summary>
    public string FileName { get; }

    /// <summary>How places in files of this kind are named in problems.</summary>
    public LocationNames Names { get; }

    /// <summary>Whether <paramref name="document"/> is valid against this schema.</summary>
    public bool IsValid(JsonElement document) => _schema.Value.Schema.Evaluate(document, EvaluationOptions.Default).IsValid;

    /// <summary>
    /// Evaluates <paramref name="document"/>, adds one problem per error to <paramref name="problems"/> and returns
    /// the locations it flagged, so the reader can leave those fields alone rather than report them twice.
    /// </summary>
    public IReadOnlySet<string> Check(string file, JsonElement document, List<Problem> problems)
    {
        var (schema, text) = _schema.Value;
        var results = schema.Evaluate(document, Options);
        var found = new List<Problem>();
        foreach (var node in results.IsValid ? [] : results.Details ?? [results])
        {
            // JsonSchema.Net 8.0.5 fails a "not" without an error of its own: an invalid node with no errors may be one.
            var errors = node.Errors is { Count: > 0 } own ? own : node.IsValid ? null : UnexplainedFailure;
            if (errors is not null && !SchemaError.IsInsideCondition(node.EvaluationPath.ToString()))
            {
                foreach (var (keyword, libraryMessage) in errors)
                {
                    found.AddRange(new SchemaError(file, document, Names, text, node, keyword, libraryMessage).Problems());
                }
            }
        }

        var distinct = found.Distinct().ToList();
        problems.AddRange(distinct.Count <= MaxProblems
            ? distinct
            : [.. distinct.Take(MaxProblems - 1), Messages.RulesInvalid.At(file, null, $"... and {distinct.Count - MaxProblems + 1} more problems, not listed")]);
        return distinct.Select(problem => problem.Location?.Path ?? "").ToHashSet(StringComparer.Ordinal);
    }

    private static (JsonSchema, JsonObject) Build(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GenderPlan.Core.Rules.Schemas." + fileName)
            ?? throw new InvalidOperationException($"the schema {fileName} is not embedded");
        var json = new StreamReader(stream).ReadToEnd();

        // A registry of its own: the global one refuses a second schema with the same $id (a test, a tool).
        var schema = JsonSchema.FromText(json, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        return (schema, JsonNode.Parse(json)!.AsObject());
    }
}
