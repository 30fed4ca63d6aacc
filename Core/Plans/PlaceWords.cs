using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Plans;

/// <summary>
/// The words documents use for a place's kind of local government: "huyện" and "UBND huyện" for the 2016-2020 Đăk Tô
/// plan, "xã" and "UBND xã" for a commune's plan since the 2025 reform, "tỉnh" and "UBND tỉnh" for a province's. A
/// report, its workbook and its emails take them from the plan's own place, so no template can say "huyện" of a commune.
/// </summary>
/// <remarks>
/// The kind is read from the place's name first ("Thị trấn Đăk Tô" is a thị trấn, "Thành phố Đà Nẵng" a thành phố, "Xã
/// Đăk Tô" a xã), since a name says more than a tier does and a plan started from the strategy (<c>plan new</c>) keeps
/// the name while its root reads as the <c>district</c> level word; then from the level word (<see
/// cref="Jurisdiction.Level"/>: <c>nation</c>, <c>province</c>, <c>district</c>, <c>commune</c>, or a kind in Vietnamese);
/// a place neither names is a "địa phương" (locality), which reads right in every sentence the documents write, and
/// whose offices are named without a place word.
/// </remarks>
public sealed class PlaceWords
{
    // The kinds as names write them, in the order a list of several names them ("các xã, phường, thị trấn", "các tỉnh,
    // thành phố", "các quận, huyện, thị xã, thành phố"). A kind with a level word is what that word means when the name gives no kind.
    private static readonly KindOfPlace[] Kinds =
    [
        new("Tỉnh", "province", "provinces", "provincial", "province"),
        new("Quận", "urban district", "urban districts", null),
        new("Huyện", "district", "districts", null, "district"),
        new("Thị xã", "town", "towns", null),
        new("Thành phố", "city", "cities", null),
        new("Xã", "commune", "communes", null, "commune"),
        new("Phường", "ward", "wards", null, "ward"),
        new("Thị trấn", "town", "towns", null),
        new("Đặc khu", "special zone", "special zones", null, "special-zone"),
    ];

    // The nation is governed by the Government, not a People's Committee, and its offices carry no place word.
    private static readonly KindOfPlace Nation = new("Cả nước", "country", "countries", null, "nation") { Committee = new("Chính phủ", "the Government") };

    private static readonly KindOfPlace Locality = new("Địa phương", "locality", "localities", "local");

    private readonly KindOfPlace _kind;

    private PlaceWords(KindOfPlace kind, string name)
    {
        _kind = kind;
        Name = name;
    }

    /// <summary>The kind in running text: "huyện" (district), "xã" (commune), "tỉnh" (province), "thị trấn" (town), "cả nước" (country).</summary>
    public LocalizedText Kind => new(_kind.Vi, _kind.En);

    /// <summary>The proper name without its kind: "Đăk Tô" of "Huyện Đăk Tô", as the date line ("Đăk Tô, ngày ...") writes it.</summary>
    public string Name { get; }

    /// <summary>The place's People's Committee by its kind alone, as "Nơi nhận" lists it: "UBND huyện", "UBND xã"; "Chính phủ" for the nation.</summary>
    public LocalizedText Committee => _kind.Committee ?? new($"UBND {_kind.Vi}", $"the {_kind.Adjective ?? _kind.En} People's Committee");

    /// <summary>The committee with the place's name, as a letterhead's first line reads: "UBND huyện Đăk Tô"; the nation's Government alone.</summary>
    public string CommitteeOfPlace => _kind.Committee is { } government ? government.Vi : $"{Committee.Vi} {Name}";

    /// <summary>
    /// An office of the place's government as its own documents name it, the place's kind after the office: "Phòng Lao
    /// động - Thương binh và Xã hội huyện", "Sở Nội vụ tỉnh"; a ministry (the nation's) has no place word.
    /// </summary>
    public string Office(string office) => _kind == Nation || _kind == Locality ? office : $"{office} {_kind.Vi}";

    /// <summary>The words of <paramref name="place"/>: its kind from its name, else from its level word.</summary>
    public static PlaceWords Of(Jurisdiction place)
    {
        var name = place.Name.Trim();
        return KindInName(name) is { } named
            ? new PlaceWords(named, name[named.Vi.Length..].TrimStart())
            : new PlaceWords(KindOfLevel(place.Level), name);
    }

    /// <summary>
    /// A place's name inside a sentence: its kind in lower case, as it is not part of the proper name ("huyện Đăk Tô",
    /// "thị trấn Đăk Tô", "tỉnh Quảng Ngãi"); a name that starts with no kind stays as written.
    /// </summary>
    public static string InSentence(string name) =>
        KindInName(name) is { } kind ? kind.Vi + name[kind.Vi.Length..] : name;

    /// <summary>
    /// An office's name without the kind of place it may end with ("Hội Liên hiệp Phụ nữ" of "Hội Liên hiệp Phụ nữ
    /// huyện"): what is the office's own, as a document symbol abbreviates it.
    /// </summary>
    public static string WithoutKind(string office) =>
        Kinds.FirstOrDefault(kind => office.EndsWith(" " + kind.Vi, StringComparison.Ordinal)) is { } kind ? office[..^(kind.Vi.Length + 1)] : office;

    /// <summary>
    /// The places below a place, as a sentence names them all: the kinds present, each once, in the usual order ("các
    /// xã, thị trấn" for Đăk Tô's eight communes and its town; "các xã, phường" for a province's communes since 2025;
    /// English "the communes and the town"); null when there are none, so a sentence about them is left out.
    /// </summary>
    public static LocalizedText? Members(IEnumerable<Jurisdiction> places)
    {
        var counts = places.Select(place => KindInName(place.Name.Trim()) ?? KindOfLevel(place.Level))
            .GroupBy(kind => kind)
            .OrderBy(group => group.Key == Locality ? int.MaxValue : Array.IndexOf(Kinds, group.Key))
            .Select(group => (Kind: group.Key, Count: group.Count()))
            .ToList();
        if (counts.Count == 0)
        {
            return null;
        }

        var english = counts.Select(each => "the " + (each.Count > 1 ? each.Kind.EnPlural : each.Kind.En)).ToList();
        return new(
            "các " + string.Join(", ", counts.Select(each => each.Kind.Vi)),
            english.Count == 1 ? english[0] : $"{string.Join(", ", english[..^1])} and {english[^1]}");
    }

    private static KindOfPlace? KindInName(string name) =>
        Kinds.FirstOrDefault(kind => name.Length > kind.Prefix.Length && name[kind.Prefix.Length] == ' '
            && name.StartsWith(kind.Prefix, StringComparison.OrdinalIgnoreCase));

    private static KindOfPlace KindOfLevel(string level)
    {
        var folded = VietnameseText.Fold(level);
        return new[] { Nation }.Concat(Kinds).FirstOrDefault(kind => kind.Level == level || VietnameseText.Fold(kind.Prefix) == folded)
            ?? (PlaceLevelText.Parse(level) is { } tier ? Kinds.First(kind => kind.Level == tier.Word()) : Locality);
    }

    /// <summary>One kind of place: how names write it, its English words, and the level word that means it by default.</summary>
    private sealed record KindOfPlace(string Prefix, string En, string EnPlural, string? Adjective, string? Level = null)
    {
        public string Vi => Prefix.ToLowerInvariant();

        public LocalizedText? Committee { get; init; }
    }
}
