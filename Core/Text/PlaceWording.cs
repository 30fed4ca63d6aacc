using System.Globalization;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Text;

/// <summary>
/// A place and its days in the words an official checks them by, shared by <c>rules check</c> and the rules history so
/// both say a change the same way: "Xã Đăk Tô (xa-dak-to): commune, mã 23401, từ 01/07/2025, gộp từ Thị trấn Đăk Tô, ...".
/// Days are written dd/MM/yyyy as the other Vietnamese dates of the command line; the level stays the word the files
/// use (<c>commune</c>), since that is the word an indicator's <c>levels</c> must repeat.
/// </summary>
public static class PlaceWording
{
    /// <summary>A day as Vietnamese documents write it: 01/07/2025.</summary>
    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"từ 01/07/2025" and "đến 30/06/2025", for the days the place has; nothing for a place that always existed.</summary>
    public static IEnumerable<string> Days(Jurisdiction place)
    {
        if (place.From is { } from)
        {
            yield return $"từ {Day(from)}";
        }

        if (place.Until is { } until)
        {
            yield return $"đến {Day(until)}";
        }
    }

    /// <summary>
    /// The place on one line: name and id, level, code, days, and what it was formed from, named by
    /// <paramref name="nameOf"/> (an id it cannot name stays an id, so a predecessor kept in another file still shows).
    /// </summary>
    public static string Describe(Jurisdiction place, Func<string, string?> nameOf)
    {
        var facts = new List<string> { place.Level };
        if (place.Code is { } code && code != place.Id)
        {
            facts.Add($"mã {code}");
        }

        facts.AddRange(Days(place));
        if (place.FormedFrom.Count > 0)
        {
            facts.Add($"gộp từ {Names(place.FormedFrom, nameOf)}");
        }

        return $"{place.Name} ({place.Id}): {string.Join(", ", facts)}";
    }

    /// <summary>The places of <paramref name="ids"/> by name, in order, joined with commas.</summary>
    public static string Names(IEnumerable<string> ids, Func<string, string?> nameOf) => string.Join(", ", ids.Select(id => nameOf(id) ?? id));

    /// <summary>
    /// The Vietnamese word for a level word, as the rules history names the levels an indicator is reported at: tỉnh,
    /// huyện, xã; a word the product gives no meaning to is shown as written.
    /// </summary>
    public static string LevelName(string level) => level switch
    {
        "nation" => "quốc gia",
        "province" => "tỉnh",
        PlaceLevels.District => "huyện",
        PlaceLevels.Commune => "xã",
        _ => level,
    };
}
