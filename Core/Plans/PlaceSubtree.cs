namespace GenderPlan.Core.Plans;

/// <summary>
/// The place a plan is for and every place below it in a places list, at any depth (province → district → commune, or
/// province → commune), parents before their children and siblings in the list's order, so the plan file reads as the
/// tree it is. A list whose parents go round in a cycle cannot make the walk loop: a place is taken once.
/// </summary>
/// <param name="Root">The plan's own place.</param>
/// <param name="Below">Every place under it, however deep.</param>
internal sealed record PlaceSubtree(PlaceEntry Root, IReadOnlyList<PlaceEntry> Below)
{
    /// <summary>The subtree of <paramref name="list"/> under <paramref name="root"/>.</summary>
    public static PlaceSubtree Of(PlaceEntry root, IReadOnlyList<PlaceEntry> list)
    {
        var children = list.Where(entry => entry.Parent is not null).ToLookup(entry => entry.Parent!, StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal) { root.Code };
        var below = new List<PlaceEntry>();

        // An explicit stack rather than recursion: a hostile list may chain 5,000 places one under the other.
        var pending = new Stack<PlaceEntry>(children[root.Code].Reverse());
        while (pending.TryPop(out var place))
        {
            if (!taken.Add(place.Code))
            {
                continue;
            }

            below.Add(place);
            foreach (var child in children[place.Code].Reverse())
            {
                pending.Push(child);
            }
        }

        return new PlaceSubtree(root, below);
    }

    /// <summary>
    /// The levels whose places report the plan's indicators: the plan's own place, and the lowest level below it (the
    /// communes, where the list reaches them), whose figures every place between adds up. Places at a level between
    /// them report nothing of their own: a district's figure is its communes' sum, so nobody types it twice.
    /// </summary>
    public IReadOnlyList<PlaceLevel> ReportingLevels =>
        Below.Count == 0 ? [Root.Level] : [.. new[] { Root.Level, Below.Max(entry => entry.Level) }.Distinct()];

    /// <summary>Whether <paramref name="place"/>, a place below the root, reports indicators of its own, and so needs a committee that owes them.</summary>
    public bool Reports(PlaceEntry place) => ReportingLevels.Contains(place.Level);
}
