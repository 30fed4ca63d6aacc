using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Plans;
using GenderPlan.Core.Rules;

namespace GenderPlan.Benchmarks;

/// <summary>One generated province: its plan's place, its communes' ids and its departments with the indicators each leads.</summary>
internal sealed record NationalProvince(string Id, string Name, IReadOnlyList<string> Communes, IReadOnlyList<(string Unit, IReadOnlyList<string> Indicators)> Departments);

/// <summary>A report to upload: the sending unit's folder, the blob name, whether a commune sends it, and its CSV.</summary>
internal sealed record NationalReport(string Blob, bool Commune, string Csv);

/// <summary>
/// The country after the 2025 reform, generated from a fixed seed: 34 provinces, 3,321 communes split unevenly (60 to 170
/// a province), and for each province a plan made as <c>genderplan plan new --from Rules/strategy/nq-28-2021-2030.workflow.json</c>
/// makes one (<see cref="LocalPlanBuilder"/>, the same library code), then edited as a province's officials would: its
/// Sở Nội vụ coordinates and leads goals 1-2, the Sở Văn hóa, Thể thao và Du lịch leads goal 3 (family, violence), the
/// Sở Y tế goal 4, the Sở Giáo dục và Đào tạo goal 5. Unit ids carry the province (<c>so-y-te-p07</c>), since one
/// <c>units.json</c> serves every plan of a deployment.
/// </summary>
internal static class NationalCountry
{
    public const int Provinces = 34;
    public const int Communes = 3321;
    public const int MinCommunes = 60;
    public const int MaxCommunes = 170;
    public const int Seed = 23;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The goal each department leads, by the indicator code's goal number.</summary>
    private static readonly (string Prefix, string Name, string NameEn, string Goals)[] DepartmentsOf =
    [
        ("so-noi-vu", "Sở Nội vụ", "Department of Home Affairs", "12"),
        ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism", "3"),
        ("so-y-te", "Sở Y tế", "Department of Health", "4"),
        ("so-gddt", "Sở Giáo dục và Đào tạo", "Department of Education and Training", "5"),
    ];

    /// <summary>How many communes each of the 34 provinces has: 60 each, the rest given one by one by uneven weights, at most 170.</summary>
    public static int[] CommuneCounts()
    {
        var random = new Random(Seed);
        var weights = Enumerable.Range(0, Provinces).Select(_ => Math.Pow(random.NextDouble(), 2) + 0.05).ToArray();
        var counts = Enumerable.Repeat(MinCommunes, Provinces).ToArray();
        for (var left = Communes - (MinCommunes * Provinces); left > 0;)
        {
            var pick = random.NextDouble() * weights.Sum();
            var index = 0;
            while (pick > weights[index] && index < Provinces - 1)
            {
                pick -= weights[index++];
            }

            if (counts[index] < MaxCommunes)
            {
                counts[index]++;
                left--;
            }
        }

        return counts;
    }

    /// <summary>The first <paramref name="provinces"/> provinces' plans and one <c>units.json</c> for them all.</summary>
    public static (IReadOnlyList<NationalProvince> Provinces, List<RuleSource> Sources) Build(string strategyDirectory, int provinces)
    {
        var strategy = new RuleSource("nq-28-2021-2030.workflow.json", File.ReadAllBytes(Path.Combine(strategyDirectory, "nq-28-2021-2030.workflow.json")));
        var problems = new List<Problem>();
        var offices = StrategyOffices.Read(StrategyOffices.FileName, File.ReadAllBytes(Path.Combine(strategyDirectory, StrategyOffices.FileName)), problems)
            ?? throw new InvalidOperationException(string.Join("\n", problems));
        var counts = CommuneCounts();
        var result = new List<NationalProvince>();
        var sources = new List<RuleSource>();
        var units = new JsonArray();
        for (var p = 0; p < provinces; p++)
        {
            var code = (p + 1).ToString("D2", CultureInfo.InvariantCulture);
            var id = $"p{code}";
            var name = $"Tỉnh Số {code}";
            var places = new List<PlaceEntry> { new(id, code, name, PlaceLevel.Province, null, 1) };
            var communes = new List<string>();
            for (var c = 1; c <= counts[p]; c++)
            {
                var communeId = $"{id}-x{c:D3}";
                communes.Add(communeId);
                places.Add(new PlaceEntry(communeId, $"{code}{c:D3}", $"Xã Số {c} {code}", PlaceLevel.Commune, code, c + 1));
            }

            var built = LocalPlanBuilder.Build(new LocalPlanRequest(strategy, offices, places, id, null, "national.csv"));
            if (built.Files is not { } files)
            {
                throw new InvalidOperationException(string.Join("\n", built.Problems));
            }

            var plan = JsonNode.Parse(files.Single(file => file.Name.EndsWith(RuleSource.WorkflowSuffix, StringComparison.Ordinal)).Content.Span)!.AsObject();
            var builtUnits = JsonNode.Parse(files.Single(file => file.IsUnits).Content.Span)!["units"]!.AsArray();
            var coordinator = plan["Plan"]!["coordinator"]!.GetValue<string>();
            plan["Plan"]!["coordinator"] = $"{coordinator}-{id}";
            var departments = DepartmentsOf.Select(department => (Unit: $"{department.Prefix}-{id}", Indicators: new List<string>())).ToList();
            foreach (var rule in plan["Rules"]!.AsArray())
            {
                var code2 = rule!["RuleName"]!.GetValue<string>();
                var goal = code2[1];
                var lead = DepartmentsOf.Select((department, index) => (department, index)).First(entry => entry.department.Goals.Contains(goal, StringComparison.Ordinal)).index;
                rule["Properties"]!["lead"] = departments[lead].Unit;
                departments[lead].Indicators.Add(code2);
                if (departments[lead].Unit != $"{coordinator}-{id}")
                {
                    rule["Properties"]!["coordinating"] = new JsonArray($"{coordinator}-{id}");
                }
            }

            foreach (var unit in builtUnits)
            {
                var entry = unit!.DeepClone().AsObject();
                if (entry["id"]!.GetValue<string>() == coordinator)
                {
                    continue;
                }

                units.Add(entry);
            }

            foreach (var department in DepartmentsOf)
            {
                var unitId = $"{department.Prefix}-{id}";
                units.Add(new JsonObject
                {
                    ["id"] = unitId,
                    ["name"] = $"{department.Name} {name.ToLowerInvariant()[0]}{name[1..]}",
                    ["nameEn"] = $"{department.NameEn}, {name}",
                    ["emails"] = new JsonArray($"{unitId}@example.invalid"),
                });
            }

            sources.Add(new RuleSource(plan["WorkflowName"]!.GetValue<string>() + RuleSource.WorkflowSuffix, Bytes(plan)));
            result.Add(new NationalProvince(id, name, communes, [.. departments.Select(department => (department.Unit, (IReadOnlyList<string>)department.Indicators))]));
        }

        sources.Add(new RuleSource(RuleSource.UnitsFileName, Bytes(new JsonObject { ["units"] = units })));
        return (result, sources);
    }

    /// <summary>The same set of rules with one province's G1.1 2030 target lowered (75% to 50%): a rules change that re-scores that province.</summary>
    public static List<RuleSource> WithLoweredTarget(IReadOnlyList<RuleSource> sources, string province)
    {
        return [.. sources.Select(source =>
        {
            if (!source.Name.StartsWith(province + "-", StringComparison.Ordinal))
            {
                return source;
            }

            var plan = JsonNode.Parse(source.Content.Span)!.AsObject();
            var rule = plan["Rules"]!.AsArray().First(rule => rule!["RuleName"]!.GetValue<string>() == "G1.1")!;
            foreach (var milestone in rule["Properties"]!["milestones"]!.AsArray())
            {
                if (milestone!["year"]!.GetValue<int>() == 2030)
                {
                    milestone["target"] = 50;
                }
            }

            return new RuleSource(source.Name, Bytes(plan));
        })];
    }

    /// <summary>
    /// Every report of one year: each commune's (all twelve indicators at commune level, rates as numerator and
    /// denominator) and each department's (its indicators for the province), with about a quarter of the figures behind
    /// their targets so that alerts go out. Values depend on the seed, the place and the year only.
    /// </summary>
    public static List<NationalReport> Reports(IReadOnlyList<NationalProvince> provinces, int year, Plan plan)
    {
        var reports = new List<NationalReport>();
        foreach (var province in provinces)
        {
            foreach (var commune in province.Communes)
            {
                reports.Add(new NationalReport($"ubnd-{commune}/bao-cao-{year}.csv", true, Csv(year, commune, plan.Indicators.Select(indicator => indicator.Code), small: true)));
            }

            foreach (var (unit, indicators) in province.Departments)
            {
                reports.Add(new NationalReport($"{unit}/bao-cao-{year}.csv", false, Csv(year, province.Id, indicators, small: false)));
            }
        }

        // The same hour, in no particular order: departments and communes of every province mixed.
        var random = new Random(Seed + year);
        return [.. reports.OrderBy(_ => random.Next())];
    }

    private static string Csv(int year, string place, IEnumerable<string> indicators, bool small)
    {
        // Not HashCode.Combine: .NET seeds it per process, and two runs must generate the same figures.
        var random = new Random(unchecked((Seed * 7919) + (year * 104_729) + StableHash(place)));
        var csv = new StringBuilder("period,jurisdiction,indicator,value,numerator,denominator\n");
        foreach (var code in indicators)
        {
            // About one figure in four is behind its target; the rest meet it.
            var behind = random.NextDouble() < 0.25;
            var scale = small ? 1 : 60;
            var (value, numerator, denominator) = code switch
            {
                "G3.1" => (Number(behind ? 1.8 + random.NextDouble() : 0.8 + (random.NextDouble() * 0.5)), "", ""),
                "G4.1" => Rate(random, scale * (150 + random.Next(300)), behind ? 1.14 + (random.NextDouble() * 0.08) : 1.03 + (random.NextDouble() * 0.05)),
                "G4.2" => ("", behind ? (1 + random.Next(2)).ToString(CultureInfo.InvariantCulture) : "0", (scale * (300 + random.Next(2000))).ToString(CultureInfo.InvariantCulture)),
                _ => Percent(random, code, scale, behind),
            };
            csv.Append(CultureInfo.InvariantCulture, $"{year},{place},{code},{value},{numerator},{denominator}\n");
        }

        return csv.ToString();
    }

    /// <summary>A rate as numerator and denominator, with the numerator <paramref name="ratio"/> times the denominator.</summary>
    private static (string, string, string) Rate(Random random, int denominator, double ratio) =>
        ("", ((int)Math.Round(denominator * ratio)).ToString(CultureInfo.InvariantCulture), denominator.ToString(CultureInfo.InvariantCulture));

    private static (string, string, string) Percent(Random random, string code, int scale, bool behind)
    {
        // The 2030 targets of the strategy: G2.2 is "at most", the others "at least".
        var (target, atMost) = code switch
        {
            "G1.1" => (75.0, false),
            "G2.1" => (60.0, false),
            "G2.2" => (25.0, true),
            "G2.3" => (30.0, false),
            "G3.2" => (90.0, false),
            "G3.3" => (70.0, false),
            "G3.4" => (100.0, false),
            "G3.5" => (100.0, false),
            _ => (99.0, false),
        };
        var shift = behind ? -(5 + (random.NextDouble() * 30)) : random.NextDouble() * 10;
        var percent = Math.Clamp(atMost ? target - shift : target + shift, 0, 100);
        var denominator = scale * (20 + random.Next(400));
        return Rate(random, denominator, percent / 100);
    }

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var character in text)
        {
            hash = unchecked((hash * 31) + character);
        }

        return hash;
    }

    private static ReadOnlyMemory<byte> Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Indented) + "\n");
}
