using System.Text;
using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>
/// A plan written inside a test: a real RulesEngine workflow holding only the rules the test names, with the
/// figures it relies on in plain sight, and a small units file. Engine tests use it, so an official who edits
/// the shipped plan (<c>Rules/</c>) breaks only <see cref="DakTo2016To2020PlanTests"/>.
/// </summary>
internal sealed class SmallPlan
{
    /// <summary>The plan id (<c>WorkflowName</c>).</summary>
    public const string Id = "test-2016-2020";

    /// <summary>The workflow's file name in the sources given to the loader.</summary>
    public const string WorkflowFile = Id + ".workflow.json";

    private SmallPlan(JsonObject workflow, JsonObject units)
    {
        Workflow = workflow;
        Units = units;
    }

    /// <summary>The workflow file, editable until <see cref="Load"/>.</summary>
    public JsonObject Workflow { get; }

    /// <summary>The units file, editable until <see cref="Load"/>.</summary>
    public JsonObject Units { get; }

    /// <summary>The rules of the workflow, in order.</summary>
    public JsonArray Rules => Workflow["Rules"]!.AsArray();

    /// <summary>
    /// A plan for 2016-2020 with goals 1 to 7, the district <c>dak-to</c> and its commune <c>tan-canh</c>,
    /// and <paramref name="rules"/> (built with <see cref="Rule"/> or <see cref="Staffing"/>).
    /// </summary>
    public static SmallPlan With(params JsonObject[] rules)
    {
        var goals = new JsonArray();
        for (var number = 1; number <= 7; number++)
        {
            goals.Add(new JsonObject { ["number"] = number, ["vi"] = $"Mục tiêu {number}", ["en"] = $"Goal {number}" });
        }

        var workflow = new JsonObject
        {
            ["WorkflowName"] = Id,
            ["Plan"] = new JsonObject
            {
                ["name"] = new JsonObject { ["vi"] = "Kế hoạch thử", ["en"] = "Test plan" },
                ["startYear"] = 2016,
                ["endYear"] = 2020,
                ["district"] = "dak-to",
                ["coordinator"] = "ldtbxh",
                ["deadlines"] = new JsonObject { ["firstHalf"] = "06-15", ["annual"] = "11-25" },
                ["goals"] = goals,
                ["jurisdictions"] = new JsonArray(
                    new JsonObject { ["id"] = "dak-to", ["name"] = "Huyện Đăk Tô" },
                    new JsonObject { ["id"] = "tan-canh", ["name"] = "Xã Tân Cảnh" }),
            },
            ["Rules"] = new JsonArray([.. rules]),
        };
        return new SmallPlan(workflow, DefaultUnits());
    }

    /// <summary>
    /// One indicator's rule, written as the shipped plan writes its rules: <c>value &gt;= target</c> or
    /// <c>value &lt;= target</c> after <paramref name="direction"/>, the target in <c>Properties</c>.
    /// </summary>
    public static JsonObject Rule(
        string code,
        string direction,
        decimal? baseline,
        decimal target,
        string unit = "percent",
        string unitVi = "%",
        string unitEn = "%",
        string lead = "gddt",
        string[]? coordinating = null,
        int targetYear = 2020) =>
        RuleObject(code, direction, unit, unitVi, unitEn, lead, coordinating, targetYear, baseline is null ? null : JsonValue.Create(baseline.Value), JsonValue.Create(target));

    /// <summary><paramref name="rule"/> with a target that must hold in every year (<c>"every": "year"</c>, the plan's "Hàng năm").</summary>
    public static JsonObject EveryYear(JsonObject rule)
    {
        rule["Properties"]!["every"] = "year";
        return rule;
    }

    /// <summary>
    /// A category indicator like the plan's staffing of gender-equality work: levels Chưa bố trí (none, 0),
    /// Kiêm nhiệm (concurrent, 1) and Chuyên trách (dedicated, 2), baseline and target Kiêm nhiệm.
    /// </summary>
    public static JsonObject Staffing(string code)
    {
        var rule = RuleObject(code, ">=", "category", "mức bố trí", "staffing level", "noivu", ["ubnd-xa"], 2020, JsonValue.Create("Kiêm nhiệm"), JsonValue.Create("Kiêm nhiệm"));
        rule["Properties"]!["categories"] = JsonNode.Parse("""
            [
              { "level": 0, "vi": "Chưa bố trí", "en": "none", "aliases": ["Không có", "Chưa có"] },
              { "level": 1, "vi": "Kiêm nhiệm", "en": "concurrent", "aliases": [] },
              { "level": 2, "vi": "Chuyên trách", "en": "dedicated", "aliases": ["Bố trí đủ cán bộ"] }
            ]
            """);
        return rule;
    }

    /// <summary>This plan measured on <paramref name="path"/> (<c>Plan.path</c>: <c>linear</c>, <c>compound</c>, or any word, to test refusals).</summary>
    public SmallPlan OnPath(string path)
    {
        Workflow["Plan"]!["path"] = path;
        return this;
    }

    /// <summary>
    /// <paramref name="rule"/> for a figure that changes only at elections (<c>"changesAt": "election"</c>) held in
    /// <paramref name="years"/>, as the shipped plan writes the People's Councils elected for 2016-2021.
    /// </summary>
    public static JsonObject Elected(JsonObject rule, params int[] years)
    {
        rule["Properties"]!["changesAt"] = "election";
        rule["Properties"]!["electionYears"] = new JsonArray([.. years.Select(year => (JsonNode)JsonValue.Create(year))]);
        return rule;
    }

    /// <summary>
    /// <paramref name="rule"/> with several targets (<c>"milestones"</c>) in place of its <c>target</c> and <c>targetYear</c>,
    /// and its baseline (if any) of <paramref name="baselineYear"/>, as a strategy's plan writes it (2020 → 2025 → 2030).
    /// </summary>
    public static JsonObject WithMilestones(JsonObject rule, int baselineYear, params (int Year, decimal Target)[] milestones)
    {
        var properties = rule["Properties"]!.AsObject();
        properties.Remove("target");
        properties.Remove("targetYear");
        if (properties.ContainsKey("baselineYear"))
        {
            properties["baselineYear"] = baselineYear;
        }

        properties["milestones"] = new JsonArray([.. milestones.Select(milestone => (JsonNode)new JsonObject { ["year"] = milestone.Year, ["target"] = milestone.Target })]);
        return rule;
    }

    /// <summary>This plan for the years <paramref name="startYear"/>-<paramref name="endYear"/> (a strategy's 2021-2030).</summary>
    public SmallPlan ForYears(int startYear, int endYear)
    {
        Workflow["Plan"]!["startYear"] = startYear;
        Workflow["Plan"]!["endYear"] = endYear;
        return this;
    }

    /// <summary>The rule of <paramref name="code"/>, to edit before loading.</summary>
    public JsonObject Rule(string code) =>
        Rules.Select(rule => rule!.AsObject()).Single(rule => (string?)rule["RuleName"] == code);

    /// <summary>The <c>Properties</c> of the rule of <paramref name="code"/>.</summary>
    public JsonObject Properties(string code) => Rule(code)["Properties"]!.AsObject();

    /// <summary>A copy, so one test's edits never reach another's.</summary>
    public SmallPlan Copy() => new(Workflow.DeepClone().AsObject(), Units.DeepClone().AsObject());

    /// <summary>The workflow and the units file as the loader receives them.</summary>
    public RuleSource[] Sources() => [Source(WorkflowFile, Workflow), Source(RuleSource.UnitsFileName, Units)];

    /// <summary>Loads the workflow and the units file together, as the product loads a rules folder.</summary>
    public RulesLoadResult Load() => RuleBookLoader.Load(Sources());

    /// <summary>The loaded rules; the test's plan must be valid.</summary>
    public RuleBook Book()
    {
        var result = Load();
        return result.RuleBook ?? throw new InvalidOperationException("the test's plan is invalid:\n" + string.Join("\n", result.Problems));
    }

    /// <summary>The loaded plan.</summary>
    public Plan Plan() => Book().Plans.Single();

    /// <summary>The loaded indicator of <paramref name="code"/>.</summary>
    public Indicator Indicator(string code) => Plan().FindIndicator(code) ?? throw new ArgumentException(code);

    /// <summary>A rules file as the loader receives it.</summary>
    public static RuleSource Source(string name, JsonNode content) => new(name, Encoding.UTF8.GetBytes(content.ToJsonString()));

    /// <summary>
    /// The units the small plans use, with the names and addresses of the real directory: the coordinator
    /// (ldtbxh), a few departments, the Women's Union and the communes' committees.
    /// </summary>
    private static JsonObject DefaultUnits() => new()
    {
        ["units"] = new JsonArray(
            Unit("ldtbxh", "Phòng Lao động - Thương binh và Xã hội"),
            Unit("noivu", "Phòng Nội vụ"),
            Unit("yte", "Phòng Y tế"),
            Unit("gddt", "Phòng Giáo dục và Đào tạo"),
            Unit("vhtt", "Phòng Văn hóa - Thông tin"),
            Unit("hlhpn", "Hội Liên hiệp Phụ nữ huyện"),
            Unit("ubnd-xa", "Ủy ban nhân dân các xã, thị trấn")),
    };

    private static JsonObject Unit(string id, string name) =>
        new() { ["id"] = id, ["name"] = name, ["emails"] = new JsonArray($"{id}@example.org") };

    private static JsonObject RuleObject(
        string code, string direction, string unit, string unitVi, string unitEn, string lead, string[]? coordinating, int targetYear, JsonNode? baseline, JsonNode target)
    {
        var properties = new JsonObject
        {
            ["name"] = new JsonObject { ["vi"] = $"Chỉ tiêu {code}", ["en"] = $"Indicator {code}" },
            ["unit"] = unit,
            ["unitName"] = new JsonObject { ["vi"] = unitVi, ["en"] = unitEn },
            ["direction"] = direction,
        };
        if (baseline is not null)
        {
            properties["baseline"] = baseline;
            properties["baselineYear"] = 2015;
        }

        properties["target"] = target;
        properties["targetYear"] = targetYear;
        properties["lead"] = lead;
        properties["coordinating"] = new JsonArray([.. (coordinating ?? ["ubnd-xa"]).Select(id => (JsonNode)JsonValue.Create(id))]);
        return new JsonObject
        {
            ["RuleName"] = code,
            ["Expression"] = $"value {direction} target",
            ["ErrorMessage"] = $"{code}: chưa đạt chỉ tiêu",
            ["Properties"] = properties,
        };
    }
}
