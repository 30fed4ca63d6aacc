namespace GenderPlan.Core.Text;

/// <summary>What the report readers say about a report file.</summary>
public static partial class Messages
{
#pragma warning disable CS1591 // Each entry's code and words are its documentation.
    public static readonly MessageTemplate TooManyProblems = new("report.too-many-problems", "... và {0} lỗi khác không liệt kê: đề nghị sửa các lỗi trên trước", "... and {0} more problems, not listed: correct the ones above first");
    public static readonly MessageTemplate FileTooLarge = new("file.too-large", "tệp nặng {0} MB; mỗi báo cáo tối đa {1} MB", "the file is {0} MB; a report may be at most {1} MB");
    public static readonly MessageTemplate FileTypeNotRead = new("file.type-not-read", "không đọc được tệp '{0}'; đề nghị gửi tệp .csv, .xlsx hoặc .json", "'{0}' files are not read; send .csv, .xlsx or .json");
    public static readonly MessageTemplate FileTypeOldExcel = new("file.type-old-excel", "không đọc được tệp '{0}'; đề nghị gửi tệp .csv, .xlsx hoặc .json; đề nghị lưu lại tệp Excel dưới dạng .xlsx", "'{0}' files are not read; send .csv, .xlsx or .json; save the workbook as .xlsx");
    public static readonly MessageTemplate FileMissing = EnglishOnly("file.missing", "the file does not exist");
    public static readonly MessageTemplate FileUnreadable = EnglishOnly("file.unreadable", "the file cannot be read: {0}");

    public static readonly MessageTemplate NoRows = new("report.no-rows", "báo cáo chỉ có dòng tiêu đề, không có dòng số liệu nào", "the report has a header but no rows");
    public static readonly MessageTemplate NoValues = new("report.no-values", "không chỉ tiêu nào có kết quả; đề nghị ghi ít nhất một chỉ tiêu", "no indicator has a value; fill in at least one");
    public static readonly MessageTemplate ColumnUnnamed = new("report.column-unnamed", "cột không có tiêu đề; đề nghị đặt tên hoặc xóa cột", "the column has no header; name it or delete it");
    public static readonly MessageTemplate ColumnUnknown = new("report.column-unknown", "không có cột '{0}'; các cột là {1}", "unknown column '{0}'; the columns are {1}");
    public static readonly MessageTemplate ColumnTwice = new("report.column-twice", "cột '{0}' xuất hiện hai lần", "the column '{0}' appears twice");
    public static readonly MessageTemplate ColumnMissing = new("report.column-missing", "thiếu cột '{0}'", "the column '{0}' is missing");
    public static readonly MessageTemplate NotAPeriod = new("report.not-a-period", "'{0}' không phải là kỳ báo cáo; ghi YYYY cho báo cáo năm hoặc YYYY-H1 cho báo cáo 6 tháng đầu năm. Ví dụ: 2019 hoặc 2020-H1", "'{0}' is not a period; write YYYY for the annual report or YYYY-H1 for the semi-annual one, e.g. 2019 or 2020-H1");

    /// <summary>Arguments: the first period, its row in English, its row in Vietnamese, the other period.</summary>
    public static readonly MessageTemplate TwoPeriods = new("report.two-periods", "tệp có hai kỳ báo cáo khác nhau: '{0}' ({2}) và '{3}'; mỗi tệp chỉ gửi cho một kỳ báo cáo", "the file has two periods: '{0}' ({1}) and '{3}'; send one file per period");

    /// <summary>Arguments: the first place, its row in English, its row in Vietnamese, the other place.</summary>
    public static readonly MessageTemplate TwoJurisdictions = new("report.two-jurisdictions", "tệp có hai địa bàn khác nhau: '{0}' ({2}) và '{3}'; mỗi tệp chỉ gửi cho một địa bàn", "the file has two jurisdictions: '{0}' ({1}) and '{3}'; send one file per jurisdiction");
    public static readonly MessageTemplate PeriodMissing = new("report.period-missing", "thiếu kỳ báo cáo: không dòng nào ghi; ghi kỳ vào cột Kỳ báo cáo (period). Ví dụ: 2019 hoặc 2020-H1", "the period is missing: no row gives it; write it in the period column, e.g. 2019 or 2020-H1");
    public static readonly MessageTemplate JurisdictionMissing = new("report.jurisdiction-missing", "thiếu địa bàn: không dòng nào ghi", "the jurisdiction is missing: no row gives it");

    /// <summary>Arguments: the period, its Vietnamese label, the plans' spans.</summary>
    public static readonly MessageTemplate NoPlanForPeriod = new("report.no-plan-for-period", "không kế hoạch nào áp dụng cho {1}; các kế hoạch áp dụng cho giai đoạn {2}", "no plan covers {0}; the plans cover {2}");
    public static readonly MessageTemplate NotAJurisdiction = new("report.not-a-jurisdiction", "'{0}' không phải là địa bàn của kế hoạch; ghi một trong các mã {1}", "'{0}' is not a jurisdiction of the plan; use one of {1}");
    public static readonly MessageTemplate IndicatorMissing = new("report.indicator-missing", "thiếu mã chỉ tiêu", "the indicator code is missing");
    public static readonly MessageTemplate IndicatorUnknown = new("report.indicator-unknown", "không có chỉ tiêu '{0}'; kế hoạch {1} gồm {2}", "unknown indicator '{0}'; plan {1} has {2}");

    /// <summary>Arguments: the code, the sending unit's Vietnamese name, its English name, the codes it may report.</summary>
    public static readonly MessageTemplate IndicatorUnknownForUnit = new("report.indicator-unknown-for-unit", "không có chỉ tiêu '{0}'; {1} báo cáo các chỉ tiêu: {3}", "unknown indicator '{0}'; {2} reports {3}");

    /// <summary>Arguments: the code, the sending unit's Vietnamese name, its English name.</summary>
    public static readonly MessageTemplate IndicatorUnknownNoneForUnit = new("report.indicator-unknown-none-for-unit", "không có chỉ tiêu '{0}'; {1} không báo cáo chỉ tiêu nào theo kế hoạch", "unknown indicator '{0}'; {2} reports no indicator under the plan");

    /// <summary>Arguments: the indicator, the first row in English, the first row in Vietnamese.</summary>
    public static readonly MessageTemplate IndicatorTwice = new("report.indicator-twice", "{0} được báo cáo hai lần (cả ở {2})", "{0} is reported twice (also {1})");
    public static readonly MessageTemplate DistrictOnly = new("report.district-only", "{0} là chỉ tiêu cấp huyện, không báo cáo cho từng xã, thị trấn; báo cáo của xã, thị trấn gồm {1}", "{0} is reported for the district as a whole, not for a commune; a commune's report gives {1}");
    public static readonly MessageTemplate CommuneOnly = new("report.commune-only", "{0} là chỉ tiêu do từng xã, thị trấn báo cáo, không báo cáo cho toàn huyện; báo cáo của huyện gồm {1}", "{0} is reported by each commune, not for the district as a whole; the district's report gives {1}");

    public static readonly MessageTemplate PartsIncomplete = new("value.parts-incomplete", "cần ghi cả tử số và mẫu số, hoặc để trống cả hai", "give both the numerator and the denominator, or neither");
    public static readonly MessageTemplate PartsDisagree = new("value.parts-disagree", "kết quả {0} không khớp với tử số/mẫu số {1}/{2}", "the value {0} does not match numerator/denominator {1}/{2}");
    public static readonly MessageTemplate NotALevel = new("value.not-a-level", "'{0}' không phải là mức bố trí cán bộ; ghi một trong các mức: {1}", "'{0}' is not a staffing level; write one of: {1}");
    public static readonly MessageTemplate NoneOnlyForCounts = new("value.none-only-for-counts", "'{0}' nghĩa là không có, chỉ dùng cho chỉ tiêu đếm số lượng; với tỷ lệ, ghi 0, hoặc 0/0 khi không phát sinh trường hợp nào", "'{0}' means none, which only a count can be; for a rate write 0, or 0/0 when there was nothing to measure");

    /// <summary>Arguments: the text, the indicator, its unit in Vietnamese, its unit in English.</summary>
    public static readonly MessageTemplate PercentNotItsUnit = new("value.percent-not-its-unit", "'{0}' là tỷ lệ phần trăm, nhưng {1} được tính theo đơn vị {2}", "'{0}' is a percentage, but {1} is measured in {3}");
    public static readonly MessageTemplate NotANumber = new("value.not-a-number", "'{0}' không phải là số (ghi 96,5 hoặc 96.5)", "'{0}' is not a number (write 96,5 or 96.5)");
    public static readonly MessageTemplate NotANumberOrFraction = new("value.not-a-number-or-fraction", "'{0}' không phải là số (ghi 96,5 hoặc 96.5, hoặc phân số như 29/100)", "'{0}' is not a number (write 96,5 or 96.5, or a fraction such as 29/100)");

    /// <summary>Arguments: the indicator, its unit's Vietnamese name, its unit's id.</summary>
    public static readonly MessageTemplate NoFractionForUnit = new("value.no-fraction-for-unit", "{0} được tính theo {1}; ghi một số, không ghi phân số", "{0} is a {2}; write a single number, not a fraction");
    public static readonly MessageTemplate NotAFraction = new("value.not-a-fraction", "'{0}' không phải là phân số của hai số", "'{0}' is not a fraction of two numbers");
    public static readonly MessageTemplate FractionNegative = new("value.fraction-negative", "'{0}' có số âm", "'{0}' has a negative part");
    public static readonly MessageTemplate DividesByZero = new("value.divides-by-zero", "'{0}' có mẫu số bằng 0", "'{0}' divides by zero");
    public static readonly MessageTemplate TooLarge = new("value.too-large", "'{0}' vượt quá giá trị lớn nhất cho phép ({1})", "'{0}' is larger than any value can be (at most {1})");
    public static readonly MessageTemplate Negative = new("value.negative", "{0} là số âm; {1} không thể âm", "{0} is negative; {1} cannot be");
    public static readonly MessageTemplate OutsidePercent = new("value.outside-0-100", "{0}% nằm ngoài khoảng 0-100", "{0}% is outside 0-100");
    public static readonly MessageTemplate NotWhole = new("value.not-whole", "{0} không phải là số nguyên; {1} là chỉ tiêu đếm số lượng", "{0} is not a whole number; {1} is a count");

    public static readonly MessageTemplate DateWhereNumber = new("value.date-not-number", "ô định dạng ngày tháng ở chỗ cần ghi một số; đề nghị định dạng ô là số (Number) rồi ghi lại kết quả", "a date where a number is expected: the cell is formatted as a date or time; format it as a number and type the value again");

    public static readonly MessageTemplate NotText = EnglishOnly("text.not-text", "the file holds a character that is not text (U+FFFE, U+FFFF or a lone surrogate); save it again from the program that made it");
    public static readonly MessageTemplate BadUnicode = EnglishOnly("text.bad-unicode", "the file says it is Unicode but holds invalid characters");
    public static readonly MessageTemplate ZipNotText = EnglishOnly("text.zip", "this is a ZIP or Excel file, not text; save it as .xlsx, or export it as CSV UTF-8");
    public static readonly MessageTemplate BinaryNotText = EnglishOnly("text.binary", "the file is binary or UTF-16 without a byte order mark; save it as CSV UTF-8");
    public static readonly MessageTemplate NotUtf8 = EnglishOnly("text.not-utf8", "the text is not UTF-8 (perhaps an older Excel export in Windows-1258); in Excel choose \"CSV UTF-8\" when saving");

    public static readonly MessageTemplate CsvRowTooWide = EnglishOnly("csv.too-many-fields", "the row has more than {0} fields; a report has at most {0} columns");
    public static readonly MessageTemplate CsvUnclosedQuote = new("csv.unclosed-quote", "một ô mở dấu ngoặc kép nhưng không đóng (thiếu một dấu '\"')", "a quoted field is never closed (a '\"' is missing)");
    public static readonly MessageTemplate CsvCellTooLong = EnglishOnly("csv.cell-too-long", "the cell holds {0} characters; a cell may hold at most {1}");
    public static readonly MessageTemplate CsvTooManyRows = EnglishOnly("csv.too-many-rows", "the file has more than {0} rows; a report has one row per indicator");
    public static readonly MessageTemplate CsvRowLongerThanHeader = new("csv.row-longer-than-header", "dòng có {0} ô nhưng dòng tiêu đề có {1} cột", "the row has {0} fields but the header has {1}");
    public static readonly MessageTemplate CsvRowLongerThanHeaderComma = new("csv.row-longer-than-header-comma", "dòng có {0} ô nhưng dòng tiêu đề có {1} cột; dấu phẩy thập phân phải nằm trong ngoặc kép (\"96,5\") hoặc tệp phải dùng dấu ';' giữa các ô", "the row has {0} fields but the header has {1}; a decimal comma must be inside quotes (\"96,5\") or the file must use ';' between fields");
    public static readonly MessageTemplate CsvSeparatorLineUnknown = new("csv.separator-line-unknown", "dòng đầu '{0}' chỉ định dấu phân cách không được hỗ trợ; dùng dấu ',', ';' hoặc tab giữa các ô", "the first line '{0}' names a separator that is not read; separate fields with ',', ';' or a tab");
    public static readonly MessageTemplate CsvEmpty = new("csv.empty", "tệp trống; cần có dòng tiêu đề: period, jurisdiction, indicator, value", "the file is empty; it needs a header row: period, jurisdiction, indicator, value");

    public static readonly MessageTemplate XlsxNotAWorkbook = new("xlsx.not-a-workbook", "tệp có đuôi .xlsx nhưng không phải là tệp Excel", "the file is not an Excel workbook (.xlsx) although its name says so");
    public static readonly MessageTemplate XlsxCannotOpen = EnglishOnly("xlsx.cannot-open", "the Excel workbook cannot be opened ({0}); save it again as .xlsx");
    public static readonly MessageTemplate XlsxNoSheet = new("xlsx.no-sheet", "tệp Excel không có trang tính nào", "the workbook has no sheet");
    public static readonly MessageTemplate XlsxAllSheetsHidden = new("xlsx.all-sheets-hidden", "mọi trang tính của tệp Excel đều bị ẩn; đề nghị hiện (Unhide) trang tính báo cáo", "every sheet of the workbook is hidden; unhide the report's sheet");
    public static readonly MessageTemplate XlsxOpenDocument = new("xlsx.opendocument", "đây là bảng tính OpenDocument (LibreOffice), không phải tệp Excel; đề nghị lưu lại dưới dạng Excel .xlsx", "this is an OpenDocument spreadsheet (LibreOffice); save it as Excel .xlsx");
    public static readonly MessageTemplate XlsxFormulaNotStored = new("xlsx.formula-not-stored", "ô có công thức nhưng không lưu giá trị (tệp được tạo bằng chương trình không tính công thức); đề nghị mở tệp bằng Excel và lưu lại để lưu giá trị của công thức", "the cell holds a formula whose value is not stored (the file was written by a program that does not calculate formulas); open and save the file in Excel so the formula's value is stored");
    public static readonly MessageTemplate XlsxMissingRelationship = EnglishOnly("xlsx.missing-relationship", "the first sheet refers to relationship '{0}', which the workbook does not have; save the workbook again in Excel");
    public static readonly MessageTemplate XlsxNotAWorksheet = EnglishOnly("xlsx.not-a-worksheet", "the first sheet is missing or is not a worksheet (a chart?); put the report on the first sheet");
    public static readonly MessageTemplate XlsxEmpty = new("xlsx.empty", "trang tính đầu tiên trống; cần có dòng tiêu đề: period, jurisdiction, indicator, value", "the first sheet is empty; it needs a header row: period, jurisdiction, indicator, value");
    public static readonly MessageTemplate XlsxOutsideHeader = EnglishOnly("xlsx.outside-header", "the cell is outside the header's columns; give the column a header or clear it");
    public static readonly MessageTemplate XlsxMissingSharedString = EnglishOnly("xlsx.missing-shared-string", "the cell refers to shared string {0}, which the workbook does not have; save the workbook again in Excel");
    public static readonly MessageTemplate XlsxTooManyRows = EnglishOnly("xlsx.too-many-rows", "the sheet has more than {0} rows; a report has one row per indicator");
    public static readonly MessageTemplate XlsxPastLastRow = EnglishOnly("xlsx.past-last-row", "the sheet has more than {0} rows, Excel's last row");
    public static readonly MessageTemplate XlsxBadRowNumber = EnglishOnly("xlsx.bad-row-number", "a row is numbered '{0}', which is not a row Excel has (1 to {1})");
    public static readonly MessageTemplate XlsxBadCellReference = EnglishOnly("xlsx.bad-cell-reference", "the cell's reference '{0}' names no column Excel has; save the workbook again in Excel");
    public static readonly MessageTemplate XlsxBeyondColumns = EnglishOnly("xlsx.beyond-columns", "the cell is beyond column {0}; a report has at most {1} columns, so clear it");
    public static readonly MessageTemplate XlsxCellTooLong = EnglishOnly("xlsx.cell-too-long", "the cell holds more than {0} characters, the most a cell may hold");
    public static readonly MessageTemplate XlsxPartTooLarge = EnglishOnly("xlsx.part-too-large", "the part unzips to {0}; the parts of a report workbook may unzip to at most {1} together");
    public static readonly MessageTemplate XlsxPartDamaged = EnglishOnly("xlsx.part-damaged", "the part cannot be unzipped ({0}); save the workbook again in Excel");
    public static readonly MessageTemplate XlsxPartLargerThanClaimed = EnglishOnly("xlsx.part-larger-than-claimed", "the part unzips to more than the {0} the zip says; the file is damaged or forged");
    public static readonly MessageTemplate XlsxPartsTooLarge = EnglishOnly("xlsx.parts-too-large", "the parts of the workbook unzip to more than {0}, the most a report workbook may");
    public static readonly MessageTemplate XlsxTooDeep = EnglishOnly("xlsx.too-deep", "the part nests elements deeper than {0} levels, which no Excel workbook does; save the workbook again in Excel");
    public static readonly MessageTemplate XlsxMalformed = EnglishOnly("xlsx.malformed", "the part is not well-formed XML of an Excel workbook (damaged, or forged with a DTD or external entity); save the workbook again in Excel");

    public static readonly MessageTemplate JsonReportInvalid = EnglishOnly("json.report-invalid", "the file is not valid JSON, or nests deeper than {0} levels");
    public static readonly MessageTemplate JsonInvalid = EnglishOnly("json.invalid", "the file is not valid JSON");
    public static readonly MessageTemplate JsonNotAList = EnglishOnly("json.not-a-list", "a JSON report is a list of rows: [{ \"period\": ..., \"jurisdiction\": ..., \"indicator\": ..., \"value\": ... }]");
    public static readonly MessageTemplate JsonTooManyItems = EnglishOnly("json.too-many-items", "the file has more than {0} items; a report has one item per indicator");
    public static readonly MessageTemplate JsonItemNotObject = EnglishOnly("json.item-not-object", "each row must be a JSON object");
    public static readonly MessageTemplate JsonItemNotText = EnglishOnly("json.item-not-text", "the item holds an escaped character that is not text (\\ufffe or a lone surrogate such as \\ud800)");
    public static readonly MessageTemplate JsonFieldTooLong = EnglishOnly("json.field-too-long", "the field holds {0} characters; a field may hold at most {1}");
    public static readonly MessageTemplate JsonFieldTwice = EnglishOnly("json.field-twice", "the field appears twice in the item");
    public static readonly MessageTemplate JsonTooManyFields = EnglishOnly("json.too-many-fields", "the items have more than {0} different fields; a report has 8");
#pragma warning restore CS1591
}
