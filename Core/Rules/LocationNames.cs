using System.Text;
using System.Text.Json;

namespace GenderPlan.Core.Rules;

/// <summary>
/// How a place in one kind of rules file is written in a problem: the way the person who wrote the file thinks
/// of it (<c>rule G4.1.Properties.target</c>, <c>unit yte.emails</c>), not as a JSON pointer.
/// </summary>
/// <param name="Root">The whole file (<c>workflow</c>).</param>
/// <param name="List">The list of items (<c>Rules</c>).</param>
/// <param name="Key">The property that names an item (<c>RuleName</c>).</param>
/// <param name="Noun">The word before an item's name (<c>rule</c>).</param>
internal sealed record LocationNames(string Root, string List, string Key, string Noun)
{
    // Longer names are not names: an item whose key is a megabyte of text is called by its index.
    private const int MaxKeyLength = 50;

    /// <summary>An item of the list: <c>rule G4.1</c> when it has a usable name, <c>Rules[3]</c> otherwise.</summary>
    public string Item(JsonElement item, int index) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(Key, out var key)
        && key.ValueKind == JsonValueKind.String && key.GetString() is { Length: > 0 and <= MaxKeyLength } name
            ? $"{Noun} {name}"
            : $"{List}[{index}]";

    /// <summary>
    /// The readable form of the JSON pointer <paramref name="pointer"/> into <paramref name="document"/>. A scalar in
    /// a list is located at the list (the message quotes the value), as the readers always have.
    /// </summary>
    public string Of(JsonElement document, string pointer)
    {
        var text = new StringBuilder(Root);
        var current = document;
        var segments = Segments(pointer);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
                if (i == 1 && segments[0] == List)
                {
                    text.Clear().Append(Item(current, index));
                }
                else if (current.ValueKind is JsonValueKind.Object or JsonValueKind.Array || i < segments.Count - 1)
                {
                    text.Append('[').Append(index).Append(']');
                }

                continue;
            }

            current = current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child) ? child : default;
            text.Append('.').Append(segment);
        }

        return text.ToString();
    }

    /// <summary>The unescaped segments of a JSON pointer (<c>/a~1b/0</c> is <c>a/b</c>, <c>0</c>).</summary>
    public static IReadOnlyList<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(segment => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
}
