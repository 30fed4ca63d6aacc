using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>One file of the province report: its name, MIME type and bytes.</summary>
/// <param name="Name">The file name, e.g. <c>bao-cao-dak-to-2019.xlsx</c>.</param>
/// <param name="ContentType">The MIME type.</param>
/// <param name="Content">The bytes.</param>
public sealed record ProvinceReportFile(string Name, string ContentType, byte[] Content);

/// <summary>
/// The two files of a <see cref="ProvinceReport"/>, named the same way everywhere (the command line, the email, the
/// published site): <c>bao-cao-{district}-{period}.xlsx</c> and <c>.docx</c>; a review's period is its span of years
/// (<c>bao-cao-dak-to-2016-2020.docx</c>), a report on request adds <c>-dot-xuat</c>.
/// </summary>
public static class ProvinceReportFiles
{
    /// <summary>The MIME type of an Excel workbook.</summary>
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The MIME type of a Word document.</summary>
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The site folder the files are published in, beside the scorecard pages.</summary>
    public const string SiteFolder = "bao-cao";

    /// <summary>The name of the report's file with <paramref name="extension"/> (<c>xlsx</c> or <c>docx</c>), without a folder.</summary>
    public static string FileName(Jurisdiction district, Period period, string extension) => $"bao-cao-{district.Id}-{period}.{extension}";

    /// <summary>The workbook.</summary>
    public static ProvinceReportFile Workbook(ProvinceReport report) =>
        new(FileName(report, "xlsx"), XlsxType, Render(stream => XlsxReportWriter.Write(report, stream)));

    /// <summary>The Word draft.</summary>
    public static ProvinceReportFile Draft(ProvinceReport report) =>
        new(FileName(report, "docx"), DocxType, Render(stream => DocxReportWriter.Write(report, stream)));

    private static string FileName(ProvinceReport report, string extension) => report.Scope switch
    {
        { Kind: ReportKind.Regular } => FileName(report.District, report.Period, extension),
        { Kind: ReportKind.AdHoc } scope => $"bao-cao-{report.District.Id}-{scope.Key}-dot-xuat.{extension}",
        var scope => $"bao-cao-{report.District.Id}-{scope.Key}.{extension}",
    };

    private static byte[] Render(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
