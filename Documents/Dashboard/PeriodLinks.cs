using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.Dashboard;

/// <summary>
/// Where a page's period choice leads: a live page asks its own address again with <c>?period=2019</c>; a page
/// written as a file (the static website, <c>genderplan dashboard --out</c>) links to the file written for each
/// period beside it, <c>dak-to-2019.html</c>, because a file cannot read a query.
/// </summary>
public sealed record PeriodLinks
{
    private PeriodLinks(string? fileStem) => FileStem = fileStem;

    /// <summary>Links of a live page: the same address with <c>?period=</c>.</summary>
    public static PeriodLinks Query { get; } = new((string?)null);

    /// <summary>The stem of the per-period files (the place's id), or null for query links.</summary>
    public string? FileStem { get; }

    /// <summary>Links of pages written as files: <c>{stem}-{period}.html</c> beside the page.</summary>
    public static PeriodLinks Files(string stem) => new(stem);

    /// <summary>The relative link to the page of <paramref name="period"/>.</summary>
    public string For(Period period) => FileStem is null ? $"?period={period}" : FileName(FileStem, period);

    /// <summary>The file a page of <paramref name="period"/> is written to, for the place whose pages are named after <paramref name="stem"/>.</summary>
    public static string FileName(string stem, Period period) => $"{stem}-{period}.html";
}
