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
/// <param name="Places">The places list; the plan's place and every place below it, at any depth, are taken from it.</param>
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
/// path, goals and indicators (with their milestones and notes), the place and the whole tree of places below it
/// (<see cref="LocalPlanPlaces"/>), and the office that coordinates at the place's level. Every indicator is led by that
/// office until the officials assign it through the rules page; baselines stay empty for them to fill in. The result is
/// loaded with <see cref="RuleBookLoader"/> before it is returned, so a plan that would fail <c>rules check</c> is never written.
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

        var tree = place is null ? null : PlaceSubtree.Of(place, request.Places);
        if (tree is not null && tree.Below.Count + 1 > PlaceLimits.MaxPlacesInPlan)
        {
            problems.Add(Messages.PlacesTooManyChildren.At(request.PlacesFile, ProblemLocation.SheetRow(tree.Root.Row), tree.Root.Name, tree.Below.Count, PlaceLimits.MaxPlacesInPlan - 1));
        }

        if (problems.Count > 0 || strategy is null || tree is null || office is null)
        {
            return new LocalPlanResult(null, problems);
        }

        var parent = request.Places.FirstOrDefault(entry => entry.Code == tree.Root.Parent);
        var plan = Workflow(strategy, request, tree, office, parent);
        var units = Units(office, tree);
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

    private static JsonObject Workflow(JsonObject strategy, LocalPlanRequest request, PlaceSubtree tree, LevelOffice office, PlaceEntry? parent)
    {
        var place = tree.Root;
        var header = (JsonObject)strategy["Plan"]!;
        var start = header["startYear"]!.GetValue<int>();
        var end = header["endYear"]!.GetValue<int>();
        var strategyName = header["name"]!;
        var name = request.Name is { Length: > 0 } given
            ? new LocalizedText(given, given)
            : new LocalizedText(
                $"Kế hoạch thực hiện {strategyName["vi"]!.GetValue<string>()} của {LocalPlanPlaces.InSentence(place.Name)}",
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

        planHeader["reportsTo"] = Localized(new LocalizedText(Fill(office.ReportsTo.Vi, parent is null ? null : LocalPlanPlaces.InSentence(parent.Name)), Fill(office.ReportsTo.En, parent?.Name)));
        planHeader["district"] = place.Id;
        if (header["goals"] is { } goals)
        {
            planHeader["goals"] = goals.DeepClone();
        }

        planHeader["jurisdictions"] = LocalPlanPlaces.Jurisdictions(tree);
        var rules = new JsonArray();
        foreach (var rule in ((JsonArray)strategy["Rules"]!).Select(rule => rule!.DeepClone().AsObject()))
        {
            if (rule["Properties"] is JsonObject properties)
            {
                properties["lead"] = office.Id;
                properties["coordinating"] = new JsonArray();

                // Where an indicator is reported follows the local plan's places, not the strategy's: its own place and
                // the lowest level below it, which the officials narrow indicator by indicator.
                properties.Remove("levels");
                if (LocalPlanPlaces.Levels(tree) is { } levels)
                {
                    properties["levels"] = levels;
                }
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

    /// <summary>The coordinator, then the committees of the places that report (<see cref="LocalPlanPlaces.Committees"/>).</summary>
    private static JsonObject Units(LevelOffice office, PlaceSubtree tree)
    {
        var units = new JsonArray
        {
            new JsonObject { ["id"] = office.Id, ["name"] = office.Name, ["nameEn"] = office.NameEn, ["emails"] = new JsonArray(LocalPlanPlaces.Placeholder(office.Id)) },
        };
        foreach (var committee in LocalPlanPlaces.Committees(tree))
        {
            units.Add(committee);
        }

        return new JsonObject { ["units"] = units };
    }

    private static JsonObject Localized(LocalizedText text) => new() { ["vi"] = text.Vi, ["en"] = text.En };

    /// <summary>
    /// <paramref name="template"/> with the place above named; without one (a list that stops at the place), the
    /// placeholder and the separator before it are left out: "Sở Nội vụ {parent}" becomes "Sở Nội vụ".
    /// </summary>
    private static string Fill(string template, string? parent) =>
        parent is not null
            ? template.Replace(LevelOffice.ParentPlaceholder, parent, StringComparison.Ordinal)
            : template.Replace(", " + LevelOffice.ParentPlaceholder, "", StringComparison.Ordinal).Replace(LevelOffice.ParentPlaceholder, "", StringComparison.Ordinal).Trim();

    private static ReadOnlyMemory<byte> Bytes(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString(Indented) + "\n");
}
