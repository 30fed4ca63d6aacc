using GenderPlan.Core.Domain;

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
            new Problem(fileName, null, $"... and {more} more problems, not listed: correct the ones above first", $"... và {more} lỗi khác không liệt kê: đề nghị sửa các lỗi trên trước"),
        ];
    }

    /// <summary>The problem with a file of <paramref name="length"/> bytes, or null when its size is acceptable.</summary>
    public static Problem? CheckSize(string fileName, long length) =>
        length > MaxBytes
            ? new Problem(fileName, null, $"the file is {length / 1024.0 / 1024.0:0.#} MB; a report may be at most {MaxBytes / 1024 / 1024} MB", $"tệp nặng {length / 1024.0 / 1024.0:0.#} MB; mỗi báo cáo tối đa {MaxBytes / 1024 / 1024} MB")
            : null;

    private static RawTable? Unsupported(string fileName, string extension, List<Problem> problems)
    {
        var hint = extension == ".xls" ? "; save the workbook as .xlsx" : "";
        var hintVi = extension == ".xls" ? "; đề nghị lưu lại tệp Excel dưới dạng .xlsx" : "";
        problems.Add(new Problem(fileName, null, $"'{extension}' files are not read; send .csv, .xlsx or .json{hint}", $"không đọc được tệp '{extension}'; đề nghị gửi tệp .csv, .xlsx hoặc .json{hintVi}"));
        return null;
    }
}
