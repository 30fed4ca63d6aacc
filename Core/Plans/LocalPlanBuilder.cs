using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Plans;

/// <summary>What a local plan is made from.</summary>
/// <param name="Strategy">The strategy's workflow file (<c>Rules/strategy/nq-28-2021-2030.workflow.json</c>).</param>
/// <param name="Offices">Who coordinates at each level, and whom the report goes to (<see cref="StrategyOffices"/>).</param>
/// <param name="Places">The places list; the plan's place and the places whose parent it is are taken from it.</param>
/// <param name="Place">The id or code of the place the plan is for.</param>
/// <param name="Name">The plan's title, when the officials give one; otherwise it is made from the strategy's and the place's names.</param>
/// <param name="PlacesFile">The places list's file name, for messages.</param>
public sealed record LocalPlanRequest(RuleSource Strategy, IReadOnlyList<LevelOffice> Offices, IReadOnlyList<PlaceEntry> Places, string Place, string? Name, string PlacesFile);

/// <summary>The files of a new local plan (its <c>*.workflow.json</c> and <c>units.json</c>), valid together, or why not.</summary>
/// <param name="Files">The files, already loaded together without a problem; null when anything was wrong.</param>
/// <param name="Problems">Every problem.</param>
public sealed record LocalPlanResult(IReadOnlyList<RuleSource>? Files, IReadOnlyList<Problem> Problems);

/// <summary>
/// Starts a province's or commune's plan from the national strategy: the strategy's years, baseline year, deadlines,
/// path, goals and indicators (with their milestones and notes), the place and the places below it, and the office
/// that coordinates at the place's level. Every indicator is led by that office until the officials assign it through
/// the rules page; baselines stay empty for them to fill in. The result is loaded with <see cref="RuleBookLoader"/>
/// before it is returned, so a plan that would fail <c>rules check</c> is never written.
/// </summary>
public static class LocalPlanBuilder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the plan's files.</summary>
    public static LocalPlanResult Build(LocalPlanRequest request)
    {
        var problems = new List<Problem>();
        var strategy = ReadStrategy(request.Strategy, problems);
        var place = request.Places.FirstOrDefault(entry => entry.Id == request.Place.ToLowerInvariant() || entry.Code == request.Place);
        if (place is null)
        {
            var examples = string.Join(", ", request.Places.Take(5).Select(entry => entry.Code));
            problems.Add(Messages.PlacesUnknownPlace.At(request.PlacesFile, null, request.Place, examples));
        }

        var office = place is null ? null : request.Offices.FirstOrDefault(candidate => candidate.Level == place.Level);
        if (place is not null && office is null)
        {
            problems.Add(Messages.PlacesNoOffice.At(StrategyOffices.FileName, null, place.Level.Word(), StrategyOffices.FileName));
        }

        var below = place is null ? [] : request.Places.Where(entry => entry.Parent == place.Code).ToList();
        if (place is not null && below.Count + 1 > PlaceLimits.MaxPlacesInPlan)
        {
            problems.Add(Messages.PlacesTooManyChildren.At(request.PlacesFile, ProblemLocation.SheetRow(place.Row), place.Name, below.Count, PlaceLimits.MaxPlacesInPlan - 1));
        }

        if (problems.Count > 0 || strategy is null || place is null || office is null)
        {
            return new LocalPlanResult(null, problems);
        }

        var parent = request.Places.FirstOrDefault(entry => entry.Code == place.Parent);
        var plan = Workflow(strategy, request, place, below, office, parent);
        var units = Units(office, below);
        var files = new List<RuleSource>
        {
            new($"{plan["WorkflowName"]!.GetValue<string>()}{RuleSource.WorkflowSuffix}", Bytes(plan)),
            new(RuleSource.UnitsFileName, Bytes(units)),
        };
        var loaded = RuleBookLoader.Load(files);
        return loaded.IsValid ? new LocalPlanResult(files, []) : new LocalPlanResult(null, loaded.Problems);
    }

    private static JsonObject? ReadStrategy(RuleSource source, List<Problem> problems)
    {
        try
        {
            if (JsonNode.Parse(source.Content.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) is JsonObject root
                && root["Plan"] is JsonObject && root["Rules"] is JsonArray)
            {
                return root;
            }
        }
        catch (JsonException exception)
        {
            problems.Add(Messages.RulesInvalid.At(source.Name, null, exception.Message));
            return null;
        }

        problems.Add(Messages.RulesInvalid.At(source.Name, null, "a strategy is a plan's workflow file, with Plan and Rules"));
        return null;
    }

    private static JsonObject Workflow(JsonObject strategy, LocalPlanRequest request, PlaceEntry place, IReadOnlyList<PlaceEntry> below, LevelOffice office, PlaceEntry? parent)
    {
        var header = (JsonObject)strategy["Plan"]!;
        var start = header["startYear"]!.GetValue<int>();
        var end = header["endYear"]!.GetValue<int>();
        var strategyName = header["name"]!;
        var name = request.Name is { Length: > 0 } given
            ? new LocalizedText(given, given)
            : new LocalizedText(
                $"Kế hoạch thực hiện {strategyName["vi"]!.GetValue<string>()} của {LowerKind(place.Name)}",
                $"{place.Name}: plan carrying out the {strategyName["en"]!.GetValue<string>()}");
        var planHeader = new JsonObject
        {
            ["name"] = Localized(name),
            ["startYear"] = start,
            ["endYear"] = end,
            ["baselineYear"] = header["baselineYear"]?.GetValue<int>() ?? start - 1,
            ["path"] = header["path"]?.GetValue<string>() ?? "linear",
            ["deadlines"] = header["deadlines"]!.DeepClone(),
            ["coordinator"] = office.Id,
        };
        if (header["adoptedBy"] is { } adopted)
        {
            // The strategy's adopting document is what the local plan carries out; the local plan's own is added once adopted.
            planHeader["implements"] = adopted.DeepClone();
        }

        planHeader["reportsTo"] = Localized(new LocalizedText(Fill(office.ReportsTo.Vi, parent is null ? null : LowerKind(parent.Name)), Fill(office.ReportsTo.En, parent?.Name)));
        planHeader["district"] = place.Id;
        if (header["goals"] is { } goals)
        {
            planHeader["goals"] = goals.DeepClone();
        }

        planHeader["jurisdictions"] = new JsonArray([.. new[] { place }.Concat(below).Select(entry => (JsonNode)new JsonObject { ["id"] = entry.Id, ["name"] = entry.Name })]);
        var rules = new JsonArray();
        foreach (var rule in ((JsonArray)strategy["Rules"]!).Select(rule => rule!.DeepClone().AsObject()))
        {
            if (rule["Properties"] is JsonObject properties)
            {
                properties["lead"] = office.Id;
                properties["coordinating"] = new JsonArray();

                // Where an indicator is reported is the local plan's choice: by default its own place's report only.
                properties.Remove("levels");
            }

            rules.Add(rule);
        }

        return new JsonObject
        {
            ["WorkflowName"] = $"{place.Id}-{start}-{end}",
            ["Plan"] = planHeader,
            ["Rules"] = rules,
        };
    }

    /// <summary>
    /// The coordinator and one People's Committee per place below, each with an address placeholder in the reserved
    /// <c>.invalid</c> domain: nothing can be delivered there, so no letter goes astray before the officials fill in
    /// the real addresses.
    /// </summary>
    private static JsonObject Units(LevelOffice office, IReadOnlyList<PlaceEntry> below)
    {
        var units = new JsonArray
        {
            new JsonObject { ["id"] = office.Id, ["name"] = office.Name, ["nameEn"] = office.NameEn, ["emails"] = new JsonArray(Placeholder(office.Id)) },
        };
        foreach (var place in below)
        {
            var id = $"ubnd-{place.Id}";
            units.Add(new JsonObject
            {
                ["id"] = id,
                ["name"] = $"Ủy ban nhân dân {LowerKind(place.Name)}",
                ["nameEn"] = $"{place.Name} People's Committee",
                ["level"] = "commune",
                ["jurisdiction"] = place.Id,
                ["emails"] = new JsonArray(Placeholder(id)),
            });
        }

        return new JsonObject { ["units"] = units };
    }

    private static string Placeholder(string unitId) => $"{unitId}@example.invalid";

    private static JsonObject Localized(LocalizedText text) => new() { ["vi"] = text.Vi, ["en"] = text.En };

    /// <summary>
    /// <paramref name="template"/> with the place above named; without one (a list that stops at the place), the
    /// placeholder and the separator before it are left out: "Sở Nội vụ {parent}" becomes "Sở Nội vụ".
    /// </summary>
    private static string Fill(string template, string? parent) =>
        parent is not null
            ? template.Replace(LevelOffice.ParentPlaceholder, parent, StringComparison.Ordinal)
            : template.Replace(", " + LevelOffice.ParentPlaceholder, "", StringComparison.Ordinal).Replace(LevelOffice.ParentPlaceholder, "", StringComparison.Ordinal).Trim();

    /// <summary>A title inside a sentence: "thực hiện chiến lược quốc gia ...".</summary>
    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    /// <summary>
    /// A place's name inside a sentence, as officials write it: its kind in lower case ("của xã Đăk Tô", "Sở Nội vụ tỉnh
    /// Quảng Ngãi"), the proper name untouched ("Đà Nẵng" stays as written).
    /// </summary>
    private static string LowerKind(string name)
    {
        var words = name.Split(' ', 3);
        var kind = words.Length > 1 && PlaceLevelText.Parse(words[0] + " " + words[1]) is not null ? 2 : PlaceLevelText.Parse(words[0]) is not null ? 1 : 0;
        return kind == 0 ? name : LowerFirst(name);
    }

    private static ReadOnlyMemory<byte> Bytes(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString(Indented) + "\n");
}
