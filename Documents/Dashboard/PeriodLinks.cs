using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.Dashboard;

/// <summary>
/// Where a page's period choice leads: a live page asks its own address again with <c>?period=2019</c>; a page
/// written as a file (the static website, <c>genderplan dashboard --out</c>) links to the file written for each
/// period beside it, <c>dak-to-2019.html</c>, because a file cannot read a query.
/// </summary>
/// <remarks>
/// Files that know the place's own page (<see cref="Home"/>) keep the choice there: the place's page offers every period,
/// the one it shows leading to itself, and each period's file leads back to it instead of listing the periods. A new
/// period then changes the place's page alone, not every period's file, however many years are stored.
/// </remarks>
public sealed record PeriodLinks
{
    private PeriodLinks(string? fileStem, string? home)
    {
        FileStem = fileStem;
        Home = home;
    }

    /// <summary>Links of a live page: the same address with <c>?period=</c>.</summary>
    public static PeriodLinks Query { get; } = new(null, null);

    /// <summary>The stem of the per-period files (the place's id), or null for query links.</summary>
    public string? FileStem { get; }

    /// <summary>The file of the place's own page, which holds the choice of periods; null where every file holds it.</summary>
    public string? Home { get; }

    /// <summary>Links of pages written as files: <c>{stem}-{period}.html</c> beside the page, the choice on <paramref name="home"/> when given.</summary>
    public static PeriodLinks Files(string stem, string? home = null) => new(stem, home);

    /// <summary>The relative link to the page of <paramref name="period"/>.</summary>
    public string For(Period period) => FileStem is null ? $"?period={period}" : FileName(FileStem, period);

    /// <summary>The file a page of <paramref name="period"/> is written to, for the place whose pages are named after <paramref name="stem"/>.</summary>
    public static string FileName(string stem, Period period) => $"{stem}-{period}.html";
}
