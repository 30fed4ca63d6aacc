using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GenderPlan.Core.Reports;

namespace GenderPlan.Core.Tests;

/// <summary>Builds report files in memory the way officials' tools write them.</summary>
internal static class ReportFiles
{
    public static ReportReadResult ReadCsv(string text, string name = "report.csv") =>
        ReportReader.Read(name, Encoding.UTF8.GetBytes(text), TestRules.Book);

    public static string Csv(params string[] dataRows) =>
        "period,jurisdiction,indicator,value,numerator,denominator,note\n" + string.Join("\n", dataRows) + "\n";

    /// <summary>
    /// An Excel workbook. Cells that parse as numbers are stored as numbers; a "%"-suffixed number is stored
    /// as Excel does (96,5% as 0.965 with a percentage format).
    /// </summary>
    public static byte[] Xlsx(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill()),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true }));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var text = rows[r][c];
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    var reference = RawTable.ColumnLetter(c) + (r + 1);
                    var isPercent = text.EndsWith('%');
                    if (decimal.TryParse(isPercent ? text[..^1] : text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
                    {
                        var stored = isPercent ? (double)number / 100.0 : (double)number;
                        row.Append(new Cell
                        {
                            CellReference = reference,
                            CellValue = new CellValue(stored.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
                            StyleIndex = isPercent ? 1u : null,
                        });
                    }
                    else
                    {
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) });
                    }
                }

                data.Append(row);
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }
}
