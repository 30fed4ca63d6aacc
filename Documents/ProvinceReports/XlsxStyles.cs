using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>The cell styles of the report workbook, by what a cell is; each is an index into the style sheet's cell formats.</summary>
internal enum XlsxStyle : uint
{
    Default = 0,
    Title = 1,
    Subtitle = 2,
    Header = 3,
    Goal = 4,
    Text = 5,
    Centered = 6,
    Date = 7,

    // Numbers: whole, one decimal, two decimals; then percentages the same way.
    Number0 = 8,
    Number1 = 9,
    Number2 = 10,
    Percent0 = 11,
    Percent1 = 12,
    Percent2 = 13,
}

/// <summary>
/// The style sheet: Times New Roman as Vietnamese offices print, thin borders, wrapped text, and number formats
/// tagged with the Vietnamese locale (<c>[$-42A]</c>) so a number reads "96,5" wherever the workbook is opened
/// (Excel on a Vietnamese Windows shows it so from the system settings, LibreOffice from the tag).
/// </summary>
internal static class XlsxStyles
{
    /// <summary>The locale tag of every number format.</summary>
    public const string Vietnamese = "[$-42A]";

    private static readonly string[] NumberFormats =
    [
        Vietnamese + "#,##0", Vietnamese + "#,##0.0", Vietnamese + "#,##0.00",
        Vietnamese + "0%", Vietnamese + "0.0%", Vietnamese + "0.00%",
        "dd/mm/yyyy",
    ];

    /// <summary>The first custom number format id (lower ids are Excel's built-in formats).</summary>
    private const uint FirstCustomFormat = 164;

    /// <summary>The style of a number cell for <paramref name="indicator"/>: a percentage as a percentage, with as many decimals as the value needs (at most two).</summary>
    public static XlsxStyle NumberStyle(Indicator indicator, decimal value)
    {
        var rounded = Math.Round(value, 2);
        var decimals = rounded == Math.Round(rounded, 0) ? 0 : rounded == Math.Round(rounded, 1) ? 1 : 2;
        return (indicator.Unit == MeasureUnit.Percent ? XlsxStyle.Percent0 : XlsxStyle.Number0) + (uint)decimals;
    }

    /// <summary>The number Excel stores for <paramref name="value"/>: a percentage as a fraction (96,5% is 0.965).</summary>
    public static double CellNumber(Indicator indicator, decimal value) =>
        (double)(indicator.Unit == MeasureUnit.Percent ? Math.Round(value, 2) / 100m : Math.Round(value, 2));

    /// <summary>The style sheet holding every <see cref="XlsxStyle"/> in order.</summary>
    public static Stylesheet Build()
    {
        var formats = new NumberingFormats(NumberFormats.Select((code, index) => new NumberingFormat { NumberFormatId = FirstCustomFormat + (uint)index, FormatCode = code }))
        {
            Count = (uint)NumberFormats.Length,
        };
        var fonts = new Fonts(
            Font(12, bold: false, italic: false),
            Font(14, bold: true, italic: false),
            Font(12, bold: false, italic: true),
            Font(12, bold: true, italic: false))
        { Count = 4 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9D9D9"),
            Solid("FFF2F2F2"))
        { Count = 4 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()))
        { Count = 2 };

        var cells = new CellFormats(
            Format(0, 0, 0, 0, HorizontalAlignmentValues.General, wrap: false),
            Format(1, 0, 0, 0, HorizontalAlignmentValues.Center, wrap: true),
            Format(2, 0, 0, 0, HorizontalAlignmentValues.Center, wrap: true),
            Format(3, 2, 1, 0, HorizontalAlignmentValues.Center, wrap: true, vertical: VerticalAlignmentValues.Center),
            Format(3, 3, 1, 0, HorizontalAlignmentValues.Left, wrap: true),
            Format(0, 0, 1, 0, HorizontalAlignmentValues.Left, wrap: true),
            Format(0, 0, 1, 0, HorizontalAlignmentValues.Center, wrap: true),
            Format(0, 0, 1, FirstCustomFormat + 6, HorizontalAlignmentValues.Center, wrap: false));
        for (uint number = 0; number < 6; number++)
        {
            cells.Append(Format(0, 0, 1, FirstCustomFormat + number, HorizontalAlignmentValues.Right, wrap: false));
        }

        cells.Count = (uint)cells.ChildElements.Count;
        return new Stylesheet(formats, fonts, fills, borders, new CellStyleFormats(new CellFormat()) { Count = 1 }, cells);
    }

    private static Font Font(double size, bool bold, bool italic)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        if (italic)
        {
            font.Append(new Italic());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" }, new FontFamilyNumbering { Val = 1 });
        return font;
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static T Thin<T>() where T : BorderPropertiesType, new() => new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };

    private static CellFormat Format(uint font, uint fill, uint border, uint numberFormat, HorizontalAlignmentValues horizontal, bool wrap, VerticalAlignmentValues? vertical = null) => new(
        new Alignment { Horizontal = horizontal, Vertical = vertical ?? VerticalAlignmentValues.Top, WrapText = wrap })
    {
        FontId = font,
        FillId = fill,
        BorderId = border,
        NumberFormatId = numberFormat,
        FormatId = 0,
        ApplyFont = true,
        ApplyFill = fill > 0,
        ApplyBorder = border > 0,
        ApplyNumberFormat = numberFormat > 0,
        ApplyAlignment = true,
    };
}
