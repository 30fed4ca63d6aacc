using System.Text.Json.Nodes;

namespace GenderPlan.Core.Plans;

/// <summary>
/// What a new local plan says about its places: the plan file's <c>jurisdictions</c> as a tree (each place with its
/// <c>parent</c> and <c>level</c>, the root with its level only), the levels its indicators are reported at, and the
/// People's Committee of each place that reports, in <c>units.json</c>. All of it follows from the places list, so
/// obligations come from each place's level as the loader reads them, and nothing about a place is in code.
/// </summary>
internal static class LocalPlanPlaces
{
    /// <summary>The plan's <c>jurisdictions</c>: the root first, then every place below it, parents before children.</summary>
    public static JsonArray Jurisdictions(PlaceSubtree tree)
    {
        var byCode = tree.Below.Append(tree.Root).ToDictionary(entry => entry.Code, StringComparer.Ordinal);
        var places = new JsonArray { Place(tree.Root, parent: null) };
        foreach (var entry in tree.Below)
        {
            places.Add(Place(entry, byCode[entry.Parent!].Id));
        }

        return places;
    }

    /// <summary>
    /// The indicators' <c>levels</c>, or null when only the plan's own place reports (the loader's reading of an absent
    /// <c>levels</c>): a province's plan over communes gives <c>["province", "commune"]</c>, so each commune reports its
    /// figures and the province's are added up from them as well as reported by its departments.
    /// </summary>
    public static JsonArray? Levels(PlaceSubtree tree) =>
        tree.ReportingLevels.Count > 1 ? new JsonArray([.. tree.ReportingLevels.Select(level => (JsonNode)level.Word())]) : null;

    /// <summary>
    /// The People's Committee (<c>ubnd-{id}</c>) of every place below the root that reports indicators at its level,
    /// each with an address placeholder in the reserved <c>.invalid</c> domain: nothing can be delivered there, so no
    /// letter goes astray before the officials fill in the real addresses. A place that only adds up the places below
    /// it (a district between a province and its communes) owes no report, so it gets no committee to remind.
    /// </summary>
    public static IEnumerable<JsonObject> Committees(PlaceSubtree tree) =>
        tree.Below.Where(tree.Reports).Select(place =>
        {
            var id = $"ubnd-{place.Id}";
            return new JsonObject
            {
                ["id"] = id,
                ["name"] = $"Ủy ban nhân dân {InSentence(place.Name)}",
                ["nameEn"] = $"{place.Name} People's Committee",

                // "commune" is the units file's word for a committee that answers for one place, whatever that place's level.
                ["level"] = "commune",
                ["jurisdiction"] = place.Id,
                ["emails"] = new JsonArray(Placeholder(id)),
            };
        });

    /// <summary>The address a new unit gets until the officials write its real one.</summary>
    public static string Placeholder(string unitId) => $"{unitId}@example.invalid";

    /// <summary>
    /// A place's name inside a sentence, as officials write it: its kind in lower case ("của xã Đăk Tô", "Sở Nội vụ tỉnh
    /// Quảng Ngãi"), the proper name untouched ("Đà Nẵng" stays as written).
    /// </summary>
    public static string InSentence(string name)
    {
        var words = name.Split(' ', 3);
        var kind = words.Length > 1 && PlaceLevelText.Parse(words[0] + " " + words[1]) is not null ? 2 : PlaceLevelText.Parse(words[0]) is not null ? 1 : 0;
        return kind == 0 || name.Length < 2 || !char.IsUpper(name[0]) || char.IsUpper(name[1]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>
    /// One place: its id and name, its parent's id, its level word, and the statistics office's code where the id is
    /// not that code already (a list with an <c>id</c> column); codes with letters are not the office's and stay out.
    /// </summary>
    private static JsonObject Place(PlaceEntry entry, string? parent)
    {
        var place = new JsonObject { ["id"] = entry.Id, ["name"] = entry.Name };
        if (parent is not null)
        {
            place["parent"] = parent;
        }

        place["level"] = entry.Level.Word();
        if (entry.Code != entry.Id && entry.Code.All(char.IsAsciiDigit))
        {
            place["code"] = entry.Code;
        }

        return place;
    }
}
