using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Checks a report's table against the rules and builds a <see cref="Report"/>. Every problem in the file is
/// collected, each with its row and column; one problem rejects the whole file, so nothing is ever scored
/// from half a report.
/// </summary>
public static class ReportParser
{
    /// <summary>Parses <paramref name="table"/> against <paramref name="rules"/>.</summary>
    public static ReportReadResult Parse(RawTable table, RuleBook rules)
    {
        var problems = new List<Problem>();
        var columns = MapColumns(table, problems);
        if (problems.Count > 0)
        {
            return new ReportReadResult(null, problems);
        }

        var rows = table.Rows.Where(row => row.Cells.Any(cell => cell.Trim().Length > 0)).ToList();
        var period = ReadPeriod(table, rows, columns, problems);
        var jurisdiction = ReadSingle(table, rows, columns, columns[ReportColumns.Jurisdiction], "jurisdiction", problems);
        Plan? plan = null;
        if (period is { } knownPeriod && jurisdiction is not null)
        {
            plan = FindPlan(table, rows, columns, rules, knownPeriod, jurisdiction, problems);
        }

        if (rows.Count == 0)
        {
            problems.Add(new Problem(table.File, null, "the report has a header but no rows", "báo cáo chỉ có dòng tiêu đề, không có dòng số liệu nào"));
        }

        var values = plan is null || jurisdiction is null ? [] : ReadValues(table, rows, columns, plan, plan.LevelOf(jurisdiction), problems);
        if (plan is not null && rows.Count > 0 && problems.Count == 0 && values.Count == 0)
        {
            problems.Add(new Problem(table.File, table.LocateColumn(columns[ReportColumns.Value]), "no indicator has a value; fill in at least one", "không chỉ tiêu nào có kết quả; đề nghị ghi ít nhất một chỉ tiêu"));
        }
        if (problems.Count > 0 || plan is null || period is null || jurisdiction is null)
        {
            return new ReportReadResult(null, problems);
        }

        return new ReportReadResult(new Report(table.File, period.Value, jurisdiction, plan, values), []);
    }

    private static Dictionary<string, int> MapColumns(RawTable table, List<Problem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < table.Columns.Count; index++)
        {
            var header = table.Columns[index];
            if (header.Trim().Length == 0)
            {
                problems.Add(new Problem(table.File, table.LocateColumn(index), "the column has no header; name it or delete it", "cột không có tiêu đề; đề nghị đặt tên hoặc xóa cột"));
                continue;
            }

            var canonical = ReportColumns.Canonical(header);
            if (canonical is null)
            {
                problems.Add(new Problem(table.File, table.LocateColumn(index), $"unknown column '{header}'; the columns are {string.Join(", ", ReportColumns.All)}", $"không có cột '{header}'; các cột là {string.Join(", ", ReportColumns.All)}"));
            }
            else if (!columns.TryAdd(canonical, index))
            {
                problems.Add(new Problem(table.File, table.LocateColumn(index), $"the column '{canonical}' appears twice", $"cột '{canonical}' xuất hiện hai lần"));
            }
        }

        foreach (var required in ReportColumns.Required.Where(required => !columns.ContainsKey(required)))
        {
            problems.Add(new Problem(table.File, table.IsSpreadsheet ? "row 1" : null, $"the column '{required}' is missing", $"thiếu cột '{required}'"));
        }

        return columns;
    }

    private static Period? ReadPeriod(RawTable table, List<RawRow> rows, Dictionary<string, int> columns, List<Problem> problems)
    {
        var column = columns[ReportColumns.Period];
        var text = ReadSingle(table, rows, columns, column, "period", problems);
        if (text is null)
        {
            return null;
        }

        if (Period.TryParse(text, out var period))
        {
            return period;
        }

        var row = rows.First(candidate => candidate.Cells[column].Trim() == text);
        problems.Add(new Problem(table.File, At(table, row, column, columns), $"'{text}' is not a period; write YYYY for the annual report or YYYY-H1 for the semi-annual one", $"'{text}' không phải là kỳ báo cáo; ghi YYYY cho báo cáo năm hoặc YYYY-H1 cho báo cáo 6 tháng đầu năm"));
        return null;
    }

    /// <summary>
    /// A file covers one period and one place. Rows may leave the cell empty (it is the same for all), but
    /// every filled cell must agree; the first disagreement is reported where it is.
    /// </summary>
    private static string? ReadSingle(RawTable table, List<RawRow> rows, Dictionary<string, int> columns, int column, string what, List<Problem> problems)
    {
        string? first = null;
        RawRow? firstRow = null;
        foreach (var row in rows)
        {
            var text = row.Cells[column].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (first is null)
            {
                first = text;
                firstRow = row;
            }
            else if (!string.Equals(first, text, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new Problem(table.File, At(table, row, column, columns), $"the file has two {what}s: '{first}' ({table.LocateRow(firstRow!.Number)}) and '{text}'; send one file per {what}", $"tệp có hai {Vietnamese(what)} khác nhau: '{first}' ({VietnameseRow(table, firstRow!.Number)}) và '{text}'; mỗi tệp chỉ gửi cho một {Vietnamese(what)}"));
                return null;
            }
        }

        if (first is null && rows.Count > 0)
        {
            problems.Add(new Problem(table.File, table.LocateColumn(column), $"the {what} is missing: no row gives it", $"thiếu {Vietnamese(what)}: không dòng nào ghi"));
        }

        return first;
    }

    private static Plan? FindPlan(RawTable table, List<RawRow> rows, Dictionary<string, int> columns, RuleBook rules, Period period, string jurisdiction, List<Problem> problems)
    {
        if (rules.FindPlan(period, jurisdiction) is { } plan)
        {
            return plan;
        }

        var covering = rules.PlansCovering(period).ToList();
        if (covering.Count == 0)
        {
            var row = rows.First(candidate => candidate.Cells[columns[ReportColumns.Period]].Trim().Length > 0);
            var spans = string.Join(", ", rules.Plans.Select(known => $"{known.StartYear}-{known.EndYear}"));
            problems.Add(new Problem(table.File, At(table, row, columns[ReportColumns.Period], columns), $"no plan covers {period}; the plans cover {spans}", $"không kế hoạch nào áp dụng cho {period.Label.Vi}; các kế hoạch áp dụng cho giai đoạn {spans}"));
        }
        else
        {
            var row = rows.First(candidate => candidate.Cells[columns[ReportColumns.Jurisdiction]].Trim().Length > 0);
            var known = string.Join(", ", covering.SelectMany(candidate => candidate.Jurisdictions).Select(place => place.Id).Distinct());
            problems.Add(new Problem(table.File, At(table, row, columns[ReportColumns.Jurisdiction], columns), $"'{jurisdiction}' is not a jurisdiction of the plan; use one of {known}", $"'{jurisdiction}' không phải là địa bàn của kế hoạch; ghi một trong các mã {known}"));
        }

        return null;
    }

    private static string Vietnamese(string what) => what == "period" ? "kỳ báo cáo" : "địa bàn";

    private static string VietnameseRow(RawTable table, int row) => table.IsSpreadsheet ? $"dòng {row}" : $"mục {row}";

    /// <summary>
    /// Where a cell is, with the indicator of its row when the row names one ("row 3, column A (period),
    /// G4.3a"), so a reader finds the line by the code they filled in as well as by its number.
    /// </summary>
    private static string At(RawTable table, RawRow row, int column, Dictionary<string, int> columns)
    {
        var location = table.Locate(row.Number, column);
        if (!columns.TryGetValue(ReportColumns.Indicator, out var indicatorColumn) || indicatorColumn == column || indicatorColumn >= row.Cells.Count)
        {
            return location;
        }

        var code = row.Cells[indicatorColumn].Trim();
        return code.Length > 0 && code.Length <= 40 && Rules.RuleNames.GoalOf(code) is not null ? $"{location}, {code}" : location;
    }

    private static List<ReportedValue> ReadValues(RawTable table, List<RawRow> rows, Dictionary<string, int> columns, Plan plan, UnitLevel level, List<Problem> problems)
    {
        var values = new List<ReportedValue>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var indicatorColumn = columns[ReportColumns.Indicator];
        var valueColumn = columns[ReportColumns.Value];
        foreach (var row in rows)
        {
            var code = row.Cells[indicatorColumn].Trim();
            if (code.Length == 0)
            {
                problems.Add(new Problem(table.File, table.Locate(row.Number, indicatorColumn), "the indicator code is missing", "thiếu mã chỉ tiêu"));
                continue;
            }

            var indicator = plan.FindIndicator(code);
            if (indicator is null)
            {
                problems.Add(new Problem(table.File, table.Locate(row.Number, indicatorColumn), $"unknown indicator '{code}'; plan {plan.Id} has {string.Join(", ", plan.Indicators.Select(known => known.Code))}", $"không có chỉ tiêu '{code}'; kế hoạch {plan.Id} gồm {string.Join(", ", plan.Indicators.Select(known => known.Code))}"));
                continue;
            }

            if (seen.TryGetValue(indicator.Code, out var firstRow))
            {
                problems.Add(new Problem(table.File, table.Locate(row.Number, indicatorColumn), $"{indicator.Code} is reported twice (also {table.LocateRow(firstRow)})", $"{indicator.Code} được báo cáo hai lần (cả ở {VietnameseRow(table, firstRow)})"));
                continue;
            }

            seen[indicator.Code] = row.Number;
            if (!indicator.IsReportedAt(level))
            {
                problems.Add(WrongLevel(table, table.Locate(row.Number, indicatorColumn), indicator, plan, level));
                continue;
            }

            var cells = new ValueReader.Cells(
                row.Cells[valueColumn].Trim(),
                Cell(row, columns, ReportColumns.Numerator),
                Cell(row, columns, ReportColumns.Denominator));
            var measurement = ValueReader.Read(indicator, cells, out var error, out var errorCell);
            if (error is not null)
            {
                var column = errorCell switch
                {
                    ValueReader.ErrorCell.Numerator => columns[ReportColumns.Numerator],
                    ValueReader.ErrorCell.Denominator => columns[ReportColumns.Denominator],
                    _ => valueColumn,
                };
                problems.Add(new Problem(table.File, $"{table.Locate(row.Number, column)}, {indicator.Code}", error.En, error.Vi));
                continue;
            }

            if (measurement is { } reported)
            {
                var note = Cell(row, columns, ReportColumns.Note);
                values.Add(new ReportedValue(indicator, reported, row.Number, note.Length == 0 ? null : note));
            }
        }

        return values;
    }

    /// <summary>
    /// A district-only figure in a commune's report (or the reverse) would be scored against a baseline and target
    /// set for another level: refused like any bad cell, naming the indicators the level does report.
    /// </summary>
    private static Problem WrongLevel(RawTable table, string location, Indicator indicator, Plan plan, UnitLevel level)
    {
        var allowed = string.Join(", ", plan.IndicatorsAt(level).Select(known => known.Code));
        return level == UnitLevel.Commune
            ? new Problem(table.File, location, $"{indicator.Code} is reported for the district as a whole, not for a commune; a commune's report gives {allowed}", $"{indicator.Code} là chỉ tiêu cấp huyện, không báo cáo cho từng xã, thị trấn; báo cáo của xã, thị trấn gồm {allowed}")
            : new Problem(table.File, location, $"{indicator.Code} is reported by each commune, not for the district as a whole; the district's report gives {allowed}", $"{indicator.Code} là chỉ tiêu do từng xã, thị trấn báo cáo, không báo cáo cho toàn huyện; báo cáo của huyện gồm {allowed}");
    }

    private static string Cell(RawRow row, Dictionary<string, int> columns, string column) =>
        columns.TryGetValue(column, out var index) ? row.Cells[index].Trim() : "";
}
