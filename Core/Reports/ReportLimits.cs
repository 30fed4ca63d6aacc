using System.Globalization;

namespace GenderPlan.Core.Reports;

/// <summary>
/// The bounds every report reader enforces, stated once. Report files come from anyone with an upload
/// link, so a reader never trusts a size, a count or a nesting the file claims: it stops at the first
/// bound passed and refuses the file with a problem naming the limit (and the row and column where
/// there is one). Each bound is far beyond a real report, which has one row per indicator (about 40)
/// and weighs a few kilobytes. Together they keep reading any file within a few seconds and a bounded
/// memory: the whole command-line process peaks at about 110 MB for the worst file tried, 65 MB of it the
/// process itself, against a target of 200 MB (measured in docs/robustness.md).
/// </summary>
public static class ReportLimits
{
    /// <summary>The largest file accepted, 5 MB; larger files are refused unread.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// What the parts of a workbook that are read (relationships, workbook, styles, shared strings, the
    /// first sheet) may unzip to, together: 20 MB. A sheet of <see cref="MaxRows"/> full rows is about 5 MB;
    /// a zip bomb claims gigabytes and is refused before it is unzipped.
    /// </summary>
    public const long MaxUnzippedBytes = 20 * 1024 * 1024;

    /// <summary>
    /// How deep elements (XML) or arrays and objects (JSON) may nest: 32. A sheet nests 7 levels and a
    /// JSON report 3; the bound keeps nesting from costing stack or time.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>Data rows (or JSON items) in one report: 10,000, some 250 times a plan's indicators.</summary>
    public const int MaxRows = 10_000;

    /// <summary>Columns (or distinct JSON fields): 256, Excel 2003's last column IV; a report has 8.</summary>
    public const int MaxColumns = 256;

    /// <summary>Characters in one cell: 32,767, the most Excel itself lets a cell hold.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>Excel's last row number, 1,048,576; a sheet row numbered beyond it is refused.</summary>
    public const int MaxSheetRow = 1_048_576;

    /// <summary>
    /// The largest number a report value, numerator or denominator may be: one billion. No indicator
    /// comes near it, and decimal arithmetic on values below it cannot overflow.
    /// </summary>
    public const decimal MaxValue = 1_000_000_000m;

    /// <summary>
    /// Problems listed for one file: past a few hundred, more lines only bury the first ones, which are the
    /// ones to fix (a wrong column usually fails every row); the last line says how many were left out.
    /// </summary>
    public const int MaxProblems = 200;

    /// <summary>A byte count for messages: <c>1.1 GB</c>, <c>20 MB</c>, <c>3 KB</c>.</summary>
    internal static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB"),
    };
}

/// <summary>
/// Thrown deep inside a reader (a bounded stream, a nested XML loop) to refuse the file, and turned into a
/// <see cref="Domain.Problem"/> by the reader before it returns; it never leaves <see cref="ReportReader"/>.
/// </summary>
internal sealed class ReportRefusedException(Domain.ProblemLocation? location, Text.MessageTemplate message, params object[] args) : Exception(message.Code)
{
    /// <summary>The problem this refuses <paramref name="file"/> with.</summary>
    public Domain.Problem ProblemOf(string file) => message.At(file, location, args);
}
