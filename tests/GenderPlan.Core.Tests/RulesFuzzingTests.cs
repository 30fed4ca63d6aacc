using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using GenderPlan.Core.Rules;
using Xunit.Abstractions;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Fuzzing the rules loader with CsCheck, as the report readers are fuzzed: the shipped <c>units.json</c> and plan
/// file, mutated as bytes (JSON tokens spliced in, bytes flipped, cut short) and as JSON (any property of any rule,
/// unit or the plan's header set to a hostile value: huge or negative numbers, wrong types, deep nesting, long
/// text, thousands of addresses), must load or be refused with problems naming the file, never throw. The rules
/// page, <c>rules check</c> and the <c>rules</c> container all load through it. GENDERPLAN_FUZZ_ITERATIONS runs more.
/// </summary>
[Trait("Category", "Slow")]
public class RulesFuzzingTests(ITestOutputHelper output)
{
    private const long DefaultIterations = 300;

    private static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("GENDERPLAN_FUZZ_ITERATIONS"), out var iterations) ? Math.Max(1, iterations / 10) : DefaultIterations;

    private static readonly Lazy<IReadOnlyList<RuleSource>> Shipped = new(() => RuleSource.FromDirectory(TestRules.RulesDirectory));

    private static readonly string[] Tokens = ["{", "}", "[", "]", "\"", ",", ":", "null", "-1", "1e400", "79228162514264337593543950335", "\\u0000", "\\ud800", "[[[[[[[[[[[[[[[[", "\"Expression\":", "\"target\":"];

    private static readonly Func<JsonNode?>[] Constants =
    [
        () => null, () => JsonValue.Create(decimal.MaxValue), () => JsonValue.Create(-1), () => JsonValue.Create(0), () => JsonValue.Create(1e300),
        () => JsonValue.Create(-0.000001m), () => JsonValue.Create(int.MaxValue), () => JsonValue.Create(true), () => JsonValue.Create(""),
        () => JsonValue.Create("+-104"), () => JsonValue.Create("value >= target || true"), () => JsonValue.Create("System.IO.File.Delete(\"x\")"),
        () => JsonValue.Create("9999"), () => JsonValue.Create("a@b"), () => JsonValue.Create("per-100"),
    ];

    private static readonly Gen<JsonNode?> HostileValue = Gen.OneOf(
        Gen.Int[0, Constants.Length - 1].Select(index => Constants[index]()),
        Gen.String[0, 40].Select(text => (JsonNode?)JsonValue.Create(text)),
        Gen.Int[1, 40_000].Select(length => (JsonNode?)JsonValue.Create(new string('ư', length))),
        Gen.Int[0, 3_000].Select(count => (JsonNode?)new JsonArray([.. Enumerable.Range(0, count).Select(index => (JsonNode?)JsonValue.Create($"u{index}@example.org"))])),
        Gen.Int[1, 200].Select(depth => Nested(depth)),
        Gen.Int[0, 1].Select(_ => (JsonNode?)new JsonObject { ["vi"] = 1, ["en"] = new JsonArray() }));

    private static readonly string[] RuleProperties = ["target", "baseline", "baselineYear", "targetYear", "unit", "direction", "lead", "coordinating", "every", "levels", "tolerance", "name", "provinceTarget", "categories", "note"];
    private static readonly string[] RuleFields = ["RuleName", "Expression", "ErrorMessage", "Properties", "SuccessEvent", "Actions"];
    private static readonly string[] PlanFields = ["startYear", "endYear", "baselineYear", "district", "coordinator", "deadlines", "goals", "jurisdictions", "name", "adoptedBy", "reportsTo"];
    private static readonly string[] UnitFields = ["id", "name", "nameEn", "emails", "level", "jurisdiction", "group", "language"];

    [Fact]
    public void Fuzzing_starts_from_the_shipped_rules_which_load()
    {
        Assert.NotNull(RuleBookLoader.Load([.. Shipped.Value]).RuleBook);
    }

    [Fact]
    public void Rules_files_mutated_as_bytes_load_or_are_refused_never_thrown()
    {
        var tokens = Tokens.Select(Encoding.UTF8.GetBytes).ToArray();
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Double.Unit, Gen.Int[0, tokens.Length - 1], Gen.Byte);
        Gen.Select(Gen.Int[0, Shipped.Value.Count - 1], edit.Array[1, 5])
            .Sample(
                (file, edits) =>
                {
                    var bytes = Shipped.Value[file].Content.ToArray().ToList();
                    foreach (var (kind, at, token, mask) in edits)
                    {
                        // A truncation at the first byte leaves nothing for the next edit to change: the empty file is tried as it is.
                        if (bytes.Count == 0)
                        {
                            break;
                        }

                        var index = Math.Min(bytes.Count - 1, (int)(at * bytes.Count));
                        _ = kind switch
                        {
                            0 => Do(() => bytes.InsertRange(index, tokens[token])),
                            1 => Do(() => bytes[index] ^= mask),
                            _ => Do(() => bytes.RemoveRange(index, bytes.Count - index)),
                        };
                    }

                    LoadsOrIsRefused(Replace(file, [.. bytes]));
                },
                writeLine: output.WriteLine,
                iter: Iterations,
                print: pair => $"{Shipped.Value[pair.Item1].Name} with {pair.Item2.Length} edit(s)");
    }

    [Fact]
    public void Any_field_set_to_a_hostile_value_loads_or_is_refused_never_thrown()
    {
        var rules = JsonNode.Parse(Workflow().Content.Span)!["Rules"]!.AsArray().Count;
        var where = Gen.OneOf(
            Gen.Select(Gen.Int[0, rules - 1], Gen.Int[0, RuleProperties.Length - 1]).Select(pair => ("rule-property", pair.Item1, pair.Item2)),
            Gen.Select(Gen.Int[0, rules - 1], Gen.Int[0, RuleFields.Length - 1]).Select(pair => ("rule", pair.Item1, pair.Item2)),
            Gen.Int[0, PlanFields.Length - 1].Select(field => ("plan", 0, field)),
            Gen.Select(Gen.Int[0, 20], Gen.Int[0, UnitFields.Length - 1]).Select(pair => ("unit", pair.Item1, pair.Item2)));
        Gen.Select(where, HostileValue)
            .Sample(
                (place, value) => LoadsOrIsRefused(WithValue(place, value)),
                writeLine: output.WriteLine,
                iter: Iterations,
                print: pair => $"{pair.Item1} = {Shorten(pair.Item2?.ToJsonString())}");
    }

    /// <summary>The property: a rule book and no problem, or problems that each name a rules file; never an exception.</summary>
    private static void LoadsOrIsRefused(IReadOnlyList<RuleSource> sources)
    {
        var result = RuleBookLoader.Load([.. sources]);
        if (result.RuleBook is null)
        {
            Assert.NotEmpty(result.Problems);
            Assert.All(result.Problems, problem => Assert.True(sources.Any(source => source.Name == problem.File) || problem.File.Length > 0, problem.ToString()));
        }
        else
        {
            Assert.Empty(result.Problems);
        }
    }

    private static IReadOnlyList<RuleSource> WithValue((string Kind, int Index, int Field) place, JsonNode? value)
    {
        var isUnits = place.Kind == "unit";
        var source = isUnits ? Shipped.Value.Single(found => found.IsUnits) : Workflow();
        var document = JsonNode.Parse(source.Content.Span)!;
        switch (place.Kind)
        {
            case "rule-property":
                document["Rules"]![place.Index]!["Properties"]![RuleProperties[place.Field]] = value?.DeepClone();
                break;
            case "rule":
                document["Rules"]![place.Index]![RuleFields[place.Field]] = value?.DeepClone();
                break;
            case "plan":
                document["Plan"]![PlanFields[place.Field]] = value?.DeepClone();
                break;
            default:
                var units = document["units"]!.AsArray();
                units[place.Index % units.Count]![UnitFields[place.Field]] = value?.DeepClone();
                break;
        }

        return Replace(Shipped.Value.ToList().IndexOf(source), Encoding.UTF8.GetBytes(document.ToJsonString()));
    }

    private static RuleSource Workflow() => Shipped.Value.Single(source => source.Name == "dak-to-2016-2020.workflow.json");

    private static IReadOnlyList<RuleSource> Replace(int file, byte[] content) =>
        [.. Shipped.Value.Select((source, index) => index == file ? source with { Content = content } : source)];

    private static JsonNode? Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var level = 1; level < depth; level++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    private static bool Do(Action action)
    {
        action();
        return true;
    }

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 80 ? text : $"{text[..80]}... ({text.Length} characters)";
}
