using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// The few Word building blocks the report draft needs: paragraphs in Times New Roman at the sizes Vietnamese
/// administrative documents use (13 and 14 pt), and tables with or without borders. Sizes are in points.
/// </summary>
internal static class DocxBlocks
{
    public const string FontName = "Times New Roman";

    /// <summary>A paragraph of one run.</summary>
    public static Paragraph Para(string text, double size = 14, bool bold = false, bool italic = false, JustificationValues? align = null, bool indent = false, int after = 6) =>
        Para([Run(text, size, bold, italic)], align, indent, after);

    /// <summary>A paragraph of several runs.</summary>
    public static Paragraph Para(IEnumerable<Run> runs, JustificationValues? align = null, bool indent = false, int after = 6)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = (after * 20).ToString(System.Globalization.CultureInfo.InvariantCulture), Line = "276", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = align ?? JustificationValues.Both });
        if (indent)
        {
            properties.Append(new Indentation { FirstLine = "720" });
        }

        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    /// <summary>A run of text in Times New Roman at <paramref name="size"/> points.</summary>
    public static Run Run(string text, double size = 14, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties(new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        var halfPoints = ((int)Math.Round(size * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        properties.Append(new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints });
        return new Run(properties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A table of <paramref name="widths"/> (twips), with thin borders or none.</summary>
    public static Table Table(int[] widths, bool borders)
    {
        var properties = new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed });
        if (borders)
        {
            properties.Append(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }));
        }

        return new Table(properties, new TableGrid(widths.Select(width => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
    }

    /// <summary>A cell of <paramref name="width"/> twips spanning <paramref name="span"/> grid columns, holding <paramref name="paragraphs"/>.</summary>
    public static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, int span = 1, bool shaded = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "F2F2F2" });
        }

        var cell = new TableCell(properties);
        cell.Append(paragraphs);
        return cell;
    }
}
