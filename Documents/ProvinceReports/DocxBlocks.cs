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

    /// <summary>The body's first-line indent: 1,27 cm, within Nghị định 30/2020's 1-1,27 cm.</summary>
    public const int FirstLineIndent = 720;

    /// <summary>A paragraph of one run.</summary>
    public static Paragraph Para(string text, double size = 14, bool bold = false, bool italic = false, JustificationValues? align = null, bool indent = false, int after = 6) =>
        Para([Run(text, size, bold, italic)], align, indent, after);

    /// <summary>
    /// A body paragraph whose "[...]" passages are placeholders for the office to write, highlighted yellow so none
    /// is signed unfilled.
    /// </summary>
    public static Paragraph Body(string text, double size = 14, bool bold = false, bool indent = true)
    {
        var runs = new List<Run>();
        var rest = text;
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('[', StringComparison.Ordinal);
            var close = open < 0 ? -1 : rest.IndexOf(']', open);
            if (open < 0 || close < 0)
            {
                runs.Add(Run(rest, size, bold));
                break;
            }

            if (open > 0)
            {
                runs.Add(Run(rest[..open], size, bold));
            }

            var placeholder = Run(rest[open..(close + 1)], size, bold);
            placeholder.RunProperties!.Append(new Highlight { Val = HighlightColorValues.Yellow });
            runs.Add(placeholder);
            rest = rest[(close + 1)..];
        }

        return Para(runs, JustificationValues.Both, indent, 6);
    }

    /// <summary>Lines of one paragraph separated by line breaks (an issuing body's name on two lines).</summary>
    public static Paragraph Lines(IReadOnlyList<string> lines, double size, bool bold, int after)
    {
        var runs = new List<Run>();
        for (var index = 0; index < lines.Count; index++)
        {
            var run = Run(lines[index], size, bold);
            if (index > 0)
            {
                run.PrependChild(new Break());
                run.PrependChild(run.RunProperties!.CloneNode(true));
                run.RunProperties!.Remove();
            }

            runs.Add(run);
        }

        return Para(runs, JustificationValues.Center, false, after);
    }

    /// <summary>
    /// A solid rule <paramref name="width"/> twips long, centred in a space <paramref name="space"/> twips wide: an empty
    /// paragraph with a top border, indented so the border is exactly as long as asked.
    /// </summary>
    public static Paragraph Rule(int width, int space)
    {
        var side = Math.Max(0, (space - width) / 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var properties = new ParagraphProperties(
            new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 0, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { Left = side, Right = side },
            new Justification { Val = JustificationValues.Center },
            new ParagraphMarkRunProperties(new FontSize { Val = "4" }, new FontSizeComplexScript { Val = "4" }));
        return new Paragraph(properties);
    }


    /// <summary>A paragraph of several runs.</summary>
    public static Paragraph Para(IEnumerable<Run> runs, JustificationValues? align = null, bool indent = false, int after = 6)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = (after * 20).ToString(System.Globalization.CultureInfo.InvariantCulture), Line = "276", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = align ?? JustificationValues.Both });
        if (indent)
        {
            properties.Append(new Indentation { FirstLine = FirstLineIndent.ToString(System.Globalization.CultureInfo.InvariantCulture) });
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

    /// <summary>
    /// A table of <paramref name="widths"/> (twips), with thin borders or none; <paramref name="indent"/> moves it left
    /// (the letterhead is wider than the text); a borderless table has no cell padding, so its widths are the text's.
    /// </summary>
    public static Table Table(int[] widths, bool borders, int indent = 0)
    {
        // Children in the schema's order: tblW, tblInd, tblBorders, tblLayout, tblCellMar.
        var properties = new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (indent != 0)
        {
            properties.Append(new TableIndentation { Width = indent, Type = TableWidthUnitValues.Dxa });
        }

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

        properties.Append(new TableLayout { Type = TableLayoutValues.Fixed });
        if (!borders)
        {
            properties.Append(new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa }));
        }

        return new Table(properties, new TableGrid(widths.Select(width => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
    }

    /// <summary>A cell of <paramref name="width"/> twips spanning <paramref name="span"/> grid columns, holding <paramref name="paragraphs"/>.</summary>
    public static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, int span = 1, bool shaded = false, bool noWrap = false)
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

        // Schema order: noWrap follows shd.
        if (noWrap)
        {
            properties.Append(new NoWrap());
        }

        var cell = new TableCell(properties);
        cell.Append(paragraphs);
        return cell;
    }
}
