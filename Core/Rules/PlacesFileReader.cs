using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Reads a places file (<c>*.places.json</c>): the places of a reform with their days and what each was formed from.
/// <c>places.schema.json</c> checks the shape; <see cref="PlaceListReader"/> the tree over time, as for a plan's places.
/// </summary>
internal static class PlacesFileReader
{
    public static List<Jurisdiction>? Read(RuleSource source, List<Problem> problems)
    {
        if (JsonText.TryParse(source.Name, source.Content, problems) is not { } document)
        {
            return null;
        }

        using (document)
        {
            var before = problems.Count;
            var root = document.RootElement;
            var flagged = RulesSchema.Places.Check(source.Name, root, problems);
            var items = new List<JsonFields>();
            var index = 0;
            foreach (var item in root.ValueKind == JsonValueKind.Object && root.TryGetProperty("places", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : default)
            {
                items.Add(new JsonFields(item, source.Name, RulesSchema.Places.Names.Item(item, index++), problems, flagged));
            }

            var places = PlaceListReader.Read(items, legacyRoot: null);
            return problems.Count > before ? null : places;
        }
    }
}
