using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Cli.Output;

/// <summary>
/// Prints a tree of places one place a line, indented by depth, with level, code, days and what each was formed from:
/// after a reform's places file is edited, an official sees in <c>rules check</c> whether the change reads as intended
/// (the old communes ending on 30/06/2025, the new commune beginning the next day, formed from them) before publishing.
/// </summary>
public static class PlaceTreeWriter
{
    /// <summary>Writes <paramref name="tree"/> under <paramref name="indent"/>, naming predecessors by <paramref name="nameOf"/>.</summary>
    public static void Write(TextWriter output, PlaceTree tree, string indent, Func<string, string?> nameOf)
    {
        foreach (var (place, depth) in tree.Outline())
        {
            output.WriteLine($"{indent}{new string(' ', 2 * depth)}{PlaceWording.Describe(place, nameOf)}");
        }
    }
}
