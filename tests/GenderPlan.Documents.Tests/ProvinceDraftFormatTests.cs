using DocumentFormat.OpenXml.Packaging;
using GenderPlan.Documents.ProvinceReports;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace GenderPlan.Documents.Tests;

/// <summary>
/// The Word draft against the numbers of Nghị định 30/2020/NĐ-CP, Phụ lục I (<c>shared/domain/van-ban-hanh-chinh.md</c>):
/// paper, margins, font and sizes, the rules under the tiêu ngữ and the issuing body, page numbers from page 2, the
/// body's alignment, indent and spacing, "Nơi nhận", the signature and the annex table's columns. Lengths in twips
/// (1 mm = 56.7 twips); text widths measured on Liberation Serif, metric-compatible with Times New Roman.
/// </summary>
public sealed class ProvinceDraftFormatTests : IDisposable
{
    private const double TwipsPerMillimetre = 1440 / 25.4;

    // "Độc lập - Tự do - Hạnh phúc" bold 14 pt, and the longer line of the issuing body bold 13 pt, measured once.
    private const int TaglineWidth = 3428;
    private const int IssuerLineWidth = 4548;

    // "STT" bold 12 pt, plus Word's default cell padding (108 twips a side).
    private const int StatusNumberNeeds = 454 + 216;

    private readonly MemoryStream _stream = new(ProvinceReportSample.Draft());
    private readonly WordprocessingDocument _document;

    public ProvinceDraftFormatTests() => _document = WordprocessingDocument.Open(_stream, false);

    private Word.Body Body => _document.MainDocumentPart!.Document!.Body!;

    private Word.Table Letterhead => Body.Elements<Word.Table>().First();

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    [Fact]
    public void Every_page_is_A4_with_margins_top_and_bottom_20_to_25_left_30_to_35_and_right_15_to_20_mm()
    {
        var sections = Body.Descendants<Word.SectionProperties>().ToList();

        Assert.Equal(2, sections.Count);
        var size = sections[0].GetFirstChild<Word.PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var annex = sections[1].GetFirstChild<Word.PageSize>()!;
        Assert.Equal((16838u, 11906u, Word.PageOrientationValues.Landscape), (annex.Width!.Value, annex.Height!.Value, annex.Orient!.Value));
        Assert.All(sections, section =>
        {
            var margin = section.GetFirstChild<Word.PageMargin>()!;
            Assert.InRange(margin.Top!.Value / TwipsPerMillimetre, 19.95, 25.05);
            Assert.InRange(margin.Bottom!.Value / TwipsPerMillimetre, 19.95, 25.05);
            Assert.InRange(margin.Left!.Value / TwipsPerMillimetre, 29.95, 35.05);
            Assert.InRange(margin.Right!.Value / TwipsPerMillimetre, 14.95, 20.05);
        });
    }

    [Fact]
    public void Every_run_is_Times_New_Roman_and_the_default_is_14_pt()
    {
        var fonts = _document.MainDocumentPart!.RootElement!.Descendants<Word.RunFonts>()
            .Concat(_document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<Word.RunFonts>())
            .Concat(_document.MainDocumentPart.HeaderParts.SelectMany(part => part.Header!.Descendants<Word.RunFonts>()));

        Assert.All(fonts, font => Assert.Equal(("Times New Roman", "Times New Roman"), (font.Ascii!.Value, font.HighAnsi!.Value)));
        Assert.Equal("28", _document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<Word.FontSize>().Single().Val!.Value);
    }

    [Theory]
    [InlineData("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, 13, true)]
    [InlineData("Độc lập - Tự do - Hạnh phúc", 13, 14, true)]
    [InlineData("UBND HUYỆN ĐĂK TÔ", 12, 13, false)]
    [InlineData("PHÒNG LAO ĐỘNG - THƯƠNG BINHVÀ XÃ HỘI", 12, 13, true)]
    [InlineData("Số:       /BC-LĐTBXH", 13, 13, false)]
    public void The_letterhead_lines_have_the_decrees_sizes_and_weights(string text, double smallest, double largest, bool bold)
    {
        var paragraph = Letterhead.Descendants<Word.Paragraph>().Single(candidate => candidate.InnerText == text);
        var runs = paragraph.Elements<Word.Run>().ToList();

        Assert.All(runs, run =>
        {
            Assert.InRange(int.Parse(run.RunProperties!.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture) / 2.0, smallest, largest);
            Assert.Equal(bold, run.RunProperties.Bold is not null);
        });
        Assert.Equal(Word.JustificationValues.Center, paragraph.ParagraphProperties!.Justification!.Val!.Value);
    }

    [Fact]
    public void A_solid_rule_as_long_as_the_tieu_ngu_lies_under_it()
    {
        var (width, border) = RuleAfter("Độc lập - Tự do - Hạnh phúc");

        Assert.Equal(Word.BorderValues.Single, border.Val!.Value);
        Assert.InRange(width, TaglineWidth * 0.95, TaglineWidth * 1.05);
    }

    [Fact]
    public void A_rule_a_third_to_a_half_as_long_as_the_issuing_body_lies_under_it()
    {
        var (width, border) = RuleAfter("PHÒNG LAO ĐỘNG - THƯƠNG BINHVÀ XÃ HỘI");

        Assert.Equal(Word.BorderValues.Single, border.Val!.Value);
        Assert.InRange(width, IssuerLineWidth / 3.0, IssuerLineWidth / 2.0);
    }

    [Fact]
    public void The_number_and_the_italic_dated_place_share_one_line()
    {
        var row = Letterhead.Elements<Word.TableRow>().ElementAt(1);
        var date = row.Elements<Word.TableCell>().ElementAt(1).Descendants<Word.Run>().Single();

        Assert.StartsWith("Số:", row.Elements<Word.TableCell>().First().InnerText, StringComparison.Ordinal);
        Assert.NotNull(date.RunProperties!.Italic);
        Assert.Equal("28", date.RunProperties.FontSize!.Val!.Value);
    }

    [Fact]
    public void Page_numbers_are_centred_in_the_top_margin_from_page_2()
    {
        var first = Body.Descendants<Word.SectionProperties>().First();
        var main = _document.MainDocumentPart!;

        Assert.NotNull(first.GetFirstChild<Word.TitlePage>());
        var byType = first.Elements<Word.HeaderReference>().ToDictionary(reference => reference.Type!.Value, reference => (HeaderPart)main.GetPartById(reference.Id!));
        var numbered = byType[Word.HeaderFooterValues.Default].Header!;
        Assert.Equal(" PAGE ", numbered.Descendants<Word.FieldCode>().Single().Text);
        Assert.Equal(Word.JustificationValues.Center, numbered.Descendants<Word.Justification>().Single().Val!.Value);
        Assert.Equal("28", numbered.Descendants<Word.FontSize>().First().Val!.Value);
        Assert.Empty(byType[Word.HeaderFooterValues.First].Header!.Descendants<Word.FieldCode>());
    }

    [Fact]
    public void The_body_is_13_to_14_pt_justified_with_a_1_to_1_27_cm_first_line_indent_and_at_least_6_pt_after()
    {
        var start = Body.Elements<Word.Paragraph>().First(paragraph => paragraph.InnerText.StartsWith("Thực hiện ", StringComparison.Ordinal));
        var body = Body.Elements<Word.Paragraph>().SkipWhile(paragraph => paragraph != start).TakeWhile(paragraph => !paragraph.InnerText.StartsWith("Trên đây", StringComparison.Ordinal)).ToList();

        Assert.True(body.Count > 40, $"{body.Count} paragraphs");
        Assert.All(body, paragraph =>
        {
            var properties = paragraph.ParagraphProperties!;
            Assert.Equal(Word.JustificationValues.Both, properties.Justification!.Val!.Value);
            Assert.InRange(int.Parse(properties.Indentation!.FirstLine!.Value!, System.Globalization.CultureInfo.InvariantCulture), 567, 720);
            Assert.True(int.Parse(properties.SpacingBetweenLines!.After!.Value!, System.Globalization.CultureInfo.InvariantCulture) >= 120, paragraph.InnerText);
            Assert.All(paragraph.Descendants<Word.FontSize>(), size => Assert.InRange(int.Parse(size.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture), 26, 28));
        });
    }

    [Fact]
    public void Noi_nhan_is_12_pt_bold_italic_and_each_recipient_11_pt_from_a_dash_to_a_semicolon_the_archive_last()
    {
        var signature = Body.Elements<Word.Table>().ElementAt(1);
        var left = signature.Descendants<Word.TableCell>().First().Elements<Word.Paragraph>().Where(paragraph => paragraph.InnerText.Length > 0).ToList();

        var heading = left[0].Elements<Word.Run>().Single().RunProperties!;
        Assert.Equal(("Nơi nhận:", "24", true, true), (left[0].InnerText, heading.FontSize!.Val!.Value, heading.Bold is not null, heading.Italic is not null));
        var recipients = left.Skip(1).ToList();
        Assert.All(recipients, recipient => Assert.Equal("22", recipient.Descendants<Word.FontSize>().First().Val!.Value));
        Assert.All(recipients.SkipLast(1), recipient => Assert.Matches("^- .+;$", recipient.InnerText));
        Assert.Matches("^- Lưu: VT, .+\\.$", recipients[^1].InnerText);
    }

    [Fact]
    public void The_signature_block_is_bold_upper_case_13_to_14_pt()
    {
        var authority = Body.Elements<Word.Table>().ElementAt(1).Descendants<Word.TableCell>().ElementAt(1).Descendants<Word.Run>().Single(run => run.InnerText.Length > 0);

        Assert.Equal(authority.InnerText.ToUpperInvariant(), authority.InnerText);
        Assert.NotNull(authority.RunProperties!.Bold);
        Assert.InRange(int.Parse(authority.RunProperties.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture), 26, 28);
    }

    [Fact]
    public void The_annex_tables_STT_column_is_wide_enough_not_to_wrap_and_the_table_fits_the_landscape_page()
    {
        var table = Body.Elements<Word.Table>().Last();
        var grid = table.GetFirstChild<Word.TableGrid>()!.Elements<Word.GridColumn>().Select(column => int.Parse(column.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.True(grid[0] >= StatusNumberNeeds, $"STT is {grid[0]} twips wide");
        Assert.All(table.Elements<Word.TableRow>(), row => Assert.NotNull(row.Elements<Word.TableCell>().First().TableCellProperties!.NoWrap));
        Assert.Equal(16838 - 1701 - 851, grid.Sum());
        Assert.Equal(DocxReportWriter.TableColumns(ProvinceReportSample.Report()).Count, grid.Count);
    }

    [Theory]
    [InlineData(2019, 2019)]
    [InlineData(2016, 2020)]
    [InlineData(2016, 2018)]
    public void The_indicator_name_keeps_a_readable_width_however_many_years_the_table_shows(int first, int last)
    {
        var kind = first == last ? ReportKind.Regular : ReportKind.FinalReview;
        var report = ProvinceReportBuilder.Build(ProvinceReportSample.Input(), new ReportScope(kind, first, Core.Domain.Period.Annual(last)));
        var widths = DocxReportWriter.TableWidths(report);

        Assert.Equal(16838 - 1701 - 851, widths.Sum());
        Assert.True(widths[1] >= 3000, $"the name column is {widths[1]} twips");
        Assert.All(widths, width => Assert.True(width >= StatusNumberNeeds, $"a column of {width} twips"));
    }

    /// <summary>The rule paragraph after the one reading <paramref name="text"/>: its length (the space less its indents) and border.</summary>
    private (int Width, Word.TopBorder Border) RuleAfter(string text)
    {
        var cell = Letterhead.Descendants<Word.TableCell>().Single(candidate => candidate.Elements<Word.Paragraph>().Any(paragraph => paragraph.InnerText == text));
        var paragraphs = cell.Elements<Word.Paragraph>().ToList();
        var rule = paragraphs[paragraphs.FindIndex(paragraph => paragraph.InnerText == text) + 1];
        var space = int.Parse(cell.TableCellProperties!.TableCellWidth!.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        var indent = rule.ParagraphProperties!.Indentation!;
        var width = space - int.Parse(indent.Left!.Value!, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(indent.Right!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("", rule.InnerText);
        return (width, rule.ParagraphProperties.ParagraphBorders!.TopBorder!);
    }
}
