using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

namespace GenderPlan.Documents.Reports;

/// <summary>
/// The report template (<see cref="ReportTemplateSheet"/>) as the Excel workbook officials fill in: the report sheet
/// first (the reader reads the first visible sheet), with bold wrapped headers, widths that show each name, the top
/// row frozen; then a short "Hướng dẫn" sheet saying what to write.
/// </summary>
public static class ReportTemplateWorkbook
{
    private const uint HeaderStyle = 1;
    private const uint WrapStyle = 2;

    /// <summary>What the instructions sheet says, one line each: the same rules the upload page states.</summary>
    public static readonly IReadOnlyList<string> Instructions =
    [
        "Cách điền mẫu báo cáo",
        "Mỗi dòng là một chỉ tiêu: giữ nguyên các cột, mã chỉ tiêu và địa bàn; không thêm, bớt cột.",
        "Kỳ báo cáo: ghi 2019 cho báo cáo năm 2019, 2020-H1 cho báo cáo 6 tháng đầu năm 2020 (mẫu đã ghi sẵn kỳ đang đến hạn).",
        "Giá trị: ghi số theo đơn vị tính; số thập phân dùng dấu phẩy, ví dụ 96,5. Với tỷ lệ có thể ghi tử số và mẫu số thay cho giá trị.",
        "Chỉ tiêu ghi theo mức (bố trí cán bộ): ghi đúng tên mức, ví dụ Kiêm nhiệm.",
        "Chỉ tiêu chưa có số liệu thì để trống; ghi chú (nếu có) ở cột Ghi chú.",
        "Gửi tệp qua đường liên kết gửi báo cáo của đơn vị.",
    ];

    /// <summary>Writes the template of <paramref name="plan"/> for <paramref name="period"/> and <paramref name="jurisdiction"/>.</summary>
    public static void Write(Plan plan, Period? period, string? jurisdiction, Stream output) => Write(ReportTemplateSheet.For(plan, period, jurisdiction), output);

    /// <summary>Writes <paramref name="sheet"/> and the instructions.</summary>
    public static void Write(ReportTemplateSheet sheet, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var report = workbook.AddNewPart<WorksheetPart>();
        var columns = new Columns(sheet.Columns.Select((column, index) => new Column { Min = (uint)index + 1, Max = (uint)index + 1, Width = column.Width, CustomWidth = true }));
        var data = new SheetData(Row(1, sheet.Columns.Select(column => column.Header).ToList(), _ => HeaderStyle));
        for (var index = 0; index < sheet.Rows.Count; index++)
        {
            data.Append(Row(index + 2, sheet.Rows[index], column => sheet.Columns[column].Wraps ? WrapStyle : 0));
        }

        report.Worksheet = new Worksheet(FrozenTopRow(), columns, data);
        var help = workbook.AddNewPart<WorksheetPart>();
        help.Worksheet = new Worksheet(
            new Columns(new Column { Min = 1, Max = 1, Width = 110, CustomWidth = true }),
            new SheetData(Instructions.Select((line, index) => Row(index + 1, [line], _ => index == 0 ? HeaderStyle : WrapStyle))));
        workbook.Workbook.AppendChild(new Sheets(
            new Sheet { Id = workbook.GetIdOfPart(report), SheetId = 1, Name = "Báo cáo" },
            new Sheet { Id = workbook.GetIdOfPart(help), SheetId = 2, Name = "Hướng dẫn" }));
        workbook.Workbook.Save();
    }

    /// <summary>Writes the rows as an Excel workbook with one sheet, every cell as text, the rows as given.</summary>
    public static void Write(IReadOnlyList<IReadOnlyList<string>> rows, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var worksheet = workbook.AddNewPart<WorksheetPart>();
        worksheet.Worksheet = new Worksheet(new SheetData(rows.Select((row, index) => Row(index + 1, row, _ => 0))));
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Báo cáo" }));
        workbook.Workbook.Save();
    }

    private static Row Row(int number, IReadOnlyList<string> cells, Func<int, uint> style)
    {
        var row = new Row { RowIndex = (uint)number };
        for (var column = 0; column < cells.Count; column++)
        {
            var cell = new Cell
            {
                CellReference = RawTable.ColumnLetter(column) + number,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(cells[column]) { Space = SpaceProcessingModeValues.Preserve }),
            };
            if (style(column) is var index and > 0)
            {
                cell.StyleIndex = index;
            }

            row.Append(cell);
        }

        return row;
    }

    private static SheetViews FrozenTopRow() =>
        new(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });

    /// <summary>Three cell formats: plain, the bold wrapped header, wrapped text aligned to the top.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
        { Count = 3 });
}
