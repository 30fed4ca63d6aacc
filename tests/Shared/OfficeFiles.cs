using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace GenderPlan.Testing;

/// <summary>One cell read back from a workbook: its text, its number (when it is a number cell) and its number format.</summary>
internal sealed record ReadCell(string Reference, string Text, double? Number, string? Format, bool IsNumberCell);

/// <summary>
/// Reads the province report's files back with OpenXml, as a person's Excel or Word would read them, so the tests check
/// what was written rather than what was meant: cell types, number formats, sheets, paragraphs and tables.
/// </summary>
internal static class OfficeFiles
{
    /// <summary>Every non-empty cell of every sheet, by sheet name and then by reference (<c>G7</c>).</summary>
    public static Dictionary<string, Dictionary<string, ReadCell>> ReadWorkbook(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var styles = workbook.WorkbookStylesPart!.Stylesheet!;
        var formats = styles.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(format => format.NumberFormatId!.Value, format => format.FormatCode!.Value!) ?? [];
        var cellFormats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var sheets = new Dictionary<string, Dictionary<string, ReadCell>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var cells = new Dictionary<string, ReadCell>(StringComparer.Ordinal);
            foreach (var cell in part.Worksheet!.Descendants<Cell>())
            {
                var isNumber = cell.CellValue is not null && (cell.DataType is null || cell.DataType.Value == CellValues.Number);
                var text = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
                var formatId = cell.StyleIndex is { } style ? cellFormats[(int)style.Value].NumberFormatId?.Value : null;
                var format = formatId is { } id && formats.TryGetValue(id, out var code) ? code : null;
                cells[cell.CellReference!.Value!] = new ReadCell(
                    cell.CellReference!.Value!,
                    text,
                    isNumber ? double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture) : null,
                    format,
                    isNumber);
            }

            sheets[sheet.Name!.Value!] = cells;
        }

        return sheets;
    }

    /// <summary>The sheet names in order.</summary>
    public static IReadOnlyList<string> SheetNames(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        return [.. document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(sheet => sheet.Name!.Value!)];
    }

    /// <summary>The text of each body paragraph outside tables, and each table as rows of cell texts.</summary>
    public static (IReadOnlyList<string> Paragraphs, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Tables, IReadOnlySet<string> Fonts) ReadDocument(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Word.Paragraph>().Select(paragraph => paragraph.InnerText).ToList();
        var tables = body.Elements<Word.Table>()
            .Select(table => (IReadOnlyList<IReadOnlyList<string>>)[.. table.Elements<Word.TableRow>().Select(row => (IReadOnlyList<string>)[.. row.Elements<Word.TableCell>().Select(cell => cell.InnerText)])])
            .ToList();
        var fonts = body.Descendants<Word.RunFonts>().Select(font => font.Ascii?.Value ?? "").ToHashSet(StringComparer.Ordinal);
        return (paragraphs, tables, fonts);
    }
}
