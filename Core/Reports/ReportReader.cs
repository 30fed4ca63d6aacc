using System.Globalization;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Reads a report file of any accepted format (<c>.csv</c>, <c>.xlsx</c>, <c>.json</c>, chosen by the
/// file name) and checks it against the rules. The entry point for the CLI and the upload workflow alike.
/// Whatever the bytes, it returns a report or problems, within the <see cref="ReportLimits"/>; it does not throw.
/// </summary>
public static class ReportReader
{
    /// <summary>The largest report accepted, 5 MB: a full report is a few kilobytes (<see cref="ReportLimits.MaxBytes"/>).</summary>
    public const int MaxBytes = ReportLimits.MaxBytes;

    /// <summary>The file extensions accepted.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".xlsx", ".json"];

    /// <summary>Reads <paramref name="content"/>, the bytes of the file called <paramref name="fileName"/>.</summary>
    public static ReportReadResult Read(string fileName, byte[] content, RuleBook rules)
    {
        if (CheckSize(fileName, content.Length) is { } tooLarge)
        {
            return new ReportReadResult(null, [tooLarge]);
        }

        var problems = new List<Problem>();

        var table = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => CsvTableReader.Read(fileName, content, problems),
            ".xlsx" => XlsxTableReader.Read(fileName, content, problems),
            ".json" => JsonTableReader.Read(fileName, content, problems),
            var other => Unsupported(fileName, other, problems),
        };
        if (table is null || problems.Count > 0)
        {
            return new ReportReadResult(null, Capped(fileName, problems));
        }

        var parsed = ReportParser.Parse(table, rules);
        return parsed.Report is null ? parsed with { Problems = Capped(fileName, parsed.Problems) } : parsed;
    }

    private static IReadOnlyList<Problem> Capped(string fileName, IReadOnlyList<Problem> problems)
    {
        if (problems.Count <= ReportLimits.MaxProblems)
        {
            return problems;
        }

        var more = problems.Count - (ReportLimits.MaxProblems - 1);
        return
        [
            .. problems.Take(ReportLimits.MaxProblems - 1),
            Messages.TooManyProblems.At(fileName, null, more),
        ];
    }

    /// <summary>The problem with a file of <paramref name="length"/> bytes, or null when its size is acceptable.</summary>
    public static Problem? CheckSize(string fileName, long length) =>
        length > MaxBytes
            ? Messages.FileTooLarge.At(fileName, null, (length / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture), MaxBytes / 1024 / 1024)
            : null;

    private static RawTable? Unsupported(string fileName, string extension, List<Problem> problems)
    {
        problems.Add((extension == ".xls" ? Messages.FileTypeOldExcel : Messages.FileTypeNotRead).At(fileName, null, extension));
        return null;
    }
}
