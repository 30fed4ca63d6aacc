namespace GenderPlan.Core.Domain;

/// <summary>
/// A plan's places as a tree of any depth (nation → province → commune, province → district → commune), over time:
/// which places exist in a period, what each adds up from, and what a merged place was formed from. The loader has
/// checked it is a tree (one root a day, known parents, no cycle); this only answers questions about it.
/// </summary>
public sealed class PlaceTree
{
    private readonly Dictionary<string, Jurisdiction> _byId;

    internal PlaceTree(IReadOnlyList<Jurisdiction> places)
    {
        Places = places;
        _byId = places.ToDictionary(place => place.Id, StringComparer.Ordinal);
    }

    /// <summary>Every place, in the file's order, whenever it existed.</summary>
    public IReadOnlyList<Jurisdiction> Places { get; }

    /// <summary>The level words the places use, in the order they first appear.</summary>
    public IReadOnlyList<string> Levels => Places.Select(place => place.Level).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A place by id, or null.</summary>
    public Jurisdiction? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The root that exists in <paramref name="period"/> (any root when null): the place every other one adds up into.</summary>
    public Jurisdiction? RootIn(Period? period = null) => Places.FirstOrDefault(place => place.Parent is null && (period is not { } when || place.ExistsIn(when)));

    /// <summary>The places directly under <paramref name="id"/> that exist in <paramref name="period"/> (whenever, when null), in order.</summary>
    public IReadOnlyList<Jurisdiction> ChildrenOf(string id, Period? period = null) =>
        Places.Where(place => place.Parent == id && (period is not { } when || place.ExistsIn(when))).ToList();

    /// <summary>The places above <paramref name="id"/>, nearest first: a commune's district, then its province.</summary>
    public IEnumerable<Jurisdiction> AncestorsOf(string id)
    {
        for (var place = Find(id); place?.Parent is { } parent && Find(parent) is { } above; place = above)
        {
            yield return above;
        }
    }

    /// <summary>The places below <paramref name="id"/> at any depth that exist in <paramref name="period"/>, parents before children.</summary>
    public IReadOnlyList<Jurisdiction> DescendantsOf(string id, Period? period = null)
    {
        var found = new List<Jurisdiction>();
        foreach (var child in ChildrenOf(id, period))
        {
            found.Add(child);
            found.AddRange(DescendantsOf(child.Id, period));
        }

        return found;
    }

    /// <summary>
    /// Every place with its depth (0 for a root), each root followed by the places below it, parents before children,
    /// whenever they existed: the tree as an official reads it in <c>rules check</c>, the old districts and the new
    /// province side by side when a reform replaced one root with another.
    /// </summary>
    public IReadOnlyList<(Jurisdiction Place, int Depth)> Outline()
    {
        var lines = new List<(Jurisdiction, int)>();
        foreach (var root in Places.Where(place => place.Parent is null))
        {
            lines.Add((root, 0));
            lines.AddRange(DescendantsOf(root.Id).Select(place => (place, AncestorsOf(place.Id).Count())));
        }

        return lines;
    }

    /// <summary>The places <paramref name="id"/> was formed from, as the tree knows them (ids it does not know are left out).</summary>
    public IReadOnlyList<Jurisdiction> PredecessorsOf(string id) =>
        Find(id) is { } place ? [.. place.FormedFrom.Select(Find).OfType<Jurisdiction>()] : [];

    /// <summary>The place <paramref name="id"/> was merged into, or null while it exists or where the tree does not say.</summary>
    public Jurisdiction? SuccessorOf(string id) => Places.FirstOrDefault(place => place.FormedFrom.Contains(id, StringComparer.Ordinal));

    /// <summary>
    /// The place a report of <paramref name="id"/> for <paramref name="period"/> stays under: the place itself when it
    /// existed then, whatever happened to it afterwards (reports are never moved to a successor), else null.
    /// </summary>
    public Jurisdiction? PlaceOfReport(string id, Period period) => Find(id) is { } place && place.ExistsIn(period) ? place : null;
}
