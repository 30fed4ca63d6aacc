using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GenderPlan.Core.Reports;

namespace GenderPlan.Documents.Reports;

/// <summary>The report template (<see cref="ReportTemplate"/>) as the Excel workbook officials fill in.</summary>
public static class ReportTemplateWorkbook
{
    /// <summary>Writes the rows as an Excel workbook with one sheet, every cell as text.</summary>
    public static void Write(IReadOnlyList<IReadOnlyList<string>> rows, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var worksheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var rowIndex = 0; rowIndex < rows.Count; rowIndex++)
        {
            var row = new Row { RowIndex = (uint)(rowIndex + 1) };
            for (var column = 0; column < rows[rowIndex].Count; column++)
            {
                row.Append(new Cell
                {
                    CellReference = RawTable.ColumnLetter(column) + (rowIndex + 1),
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(rows[rowIndex][column]) { Space = SpaceProcessingModeValues.Preserve }),
                });
            }

            data.Append(row);
        }

        worksheet.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Báo cáo" });
        workbook.Workbook.Save();
    }

}
