using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

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
        var jurisdiction = ReadSingle(table, rows, columns, columns[ReportColumns.Jurisdiction], Messages.TwoJurisdictions, Messages.JurisdictionMissing, problems);
        Plan? plan = null;
        if (period is { } knownPeriod && jurisdiction is not null)
        {
            plan = FindPlan(table, rows, columns, rules, knownPeriod, jurisdiction, problems);
        }

        if (rows.Count == 0)
        {
            problems.Add(Messages.NoRows.At(table.File, null));
        }

        var values = plan is null || jurisdiction is null ? [] : ReadValues(table, rows, columns, plan, jurisdiction, problems);
        if (plan is not null && rows.Count > 0 && problems.Count == 0 && values.Count == 0)
        {
            problems.Add(Messages.NoValues.At(table.File, table.LocateColumn(columns[ReportColumns.Value])));
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
                problems.Add(Messages.ColumnUnnamed.At(table.File, table.LocateColumn(index)));
                continue;
            }

            var canonical = ReportColumns.Canonical(header);
            if (canonical is null)
            {
                problems.Add(Messages.ColumnUnknown.At(table.File, table.LocateColumn(index), header, string.Join(", ", ReportColumns.All)));
            }
            else if (!columns.TryAdd(canonical, index))
            {
                problems.Add(Messages.ColumnTwice.At(table.File, table.LocateColumn(index), canonical));
            }
        }

        foreach (var required in ReportColumns.Required.Where(required => !columns.ContainsKey(required)))
        {
            problems.Add(Messages.ColumnMissing.At(table.File, table.IsSpreadsheet ? ProblemLocation.SheetRow(1) : null, required));
        }

        return columns;
    }

    private static Period? ReadPeriod(RawTable table, List<RawRow> rows, Dictionary<string, int> columns, List<Problem> problems)
    {
        var column = columns[ReportColumns.Period];
        var text = ReadSingle(table, rows, columns, column, Messages.TwoPeriods, Messages.PeriodMissing, problems);
        if (text is null)
        {
            return null;
        }

        if (Period.TryParse(text, out var period))
        {
            return period;
        }

        var row = rows.First(candidate => candidate.Cells[column].Trim() == text);
        problems.Add(Messages.NotAPeriod.At(table.File, At(table, row, column, columns), text));
        return null;
    }

    /// <summary>
    /// A file covers one period and one place. Rows may leave the cell empty (it is the same for all), but
    /// every filled cell must agree; the first disagreement is reported where it is.
    /// </summary>
    private static string? ReadSingle(RawTable table, List<RawRow> rows, Dictionary<string, int> columns, int column, MessageTemplate twoValues, MessageTemplate missing, List<Problem> problems)
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
                problems.Add(twoValues.At(table.File, At(table, row, column, columns), first, table.LocateRow(firstRow!.Number).In(Language.English), table.LocateRow(firstRow.Number).In(Language.Vietnamese), text));
                return null;
            }
        }

        if (first is null && rows.Count > 0)
        {
            problems.Add(missing.At(table.File, table.LocateColumn(column)));
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
            problems.Add(Messages.NoPlanForPeriod.At(table.File, At(table, row, columns[ReportColumns.Period], columns), period, period.Label.Vi, spans));
        }
        else
        {
            var row = rows.First(candidate => candidate.Cells[columns[ReportColumns.Jurisdiction]].Trim().Length > 0);
            var known = string.Join(", ", covering.SelectMany(candidate => candidate.Jurisdictions).Select(place => place.Id).Distinct());
            problems.Add(Messages.NotAJurisdiction.At(table.File, At(table, row, columns[ReportColumns.Jurisdiction], columns), jurisdiction, known));
        }

        return null;
    }

    /// <summary>
    /// Where a cell is, with the indicator of its row when the row names one ("row 3, column A (period),
    /// G4.3a"), so a reader finds the line by the code they filled in as well as by its number.
    /// </summary>
    private static ProblemLocation At(RawTable table, RawRow row, int column, Dictionary<string, int> columns)
    {
        var location = table.Locate(row.Number, column);
        if (!columns.TryGetValue(ReportColumns.Indicator, out var indicatorColumn) || indicatorColumn == column || indicatorColumn >= row.Cells.Count)
        {
            return location;
        }

        var code = row.Cells[indicatorColumn].Trim();
        return code.Length > 0 && code.Length <= 40 && Rules.RuleNames.GoalOf(code) is not null ? location.WithIndicator(code) : location;
    }

    private static List<ReportedValue> ReadValues(RawTable table, List<RawRow> rows, Dictionary<string, int> columns, Plan plan, string jurisdiction, List<Problem> problems)
    {
        var owed = plan.IndicatorsFor(jurisdiction).ToList();
        var values = new List<ReportedValue>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var indicatorColumn = columns[ReportColumns.Indicator];
        var valueColumn = columns[ReportColumns.Value];
        foreach (var row in rows)
        {
            var code = row.Cells[indicatorColumn].Trim();
            if (code.Length == 0)
            {
                problems.Add(Messages.IndicatorMissing.At(table.File, table.Locate(row.Number, indicatorColumn)));
                continue;
            }

            var indicator = plan.FindIndicator(code);
            if (indicator is null)
            {
                problems.Add(Messages.IndicatorUnknown.At(table.File, table.Locate(row.Number, indicatorColumn), code, plan.Id, string.Join(", ", plan.Indicators.Select(known => known.Code))));
                continue;
            }

            if (seen.TryGetValue(indicator.Code, out var firstRow))
            {
                problems.Add(Messages.IndicatorTwice.At(table.File, table.Locate(row.Number, indicatorColumn), indicator.Code, table.LocateRow(firstRow).In(Language.English), table.LocateRow(firstRow).In(Language.Vietnamese)));
                continue;
            }

            seen[indicator.Code] = row.Number;
            if (!owed.Contains(indicator))
            {
                problems.Add(WrongLevel(table, table.Locate(row.Number, indicatorColumn), indicator, owed, plan.LevelOf(jurisdiction)));
                continue;
            }

            if (DateCell(row, columns) is { } dateColumn)
            {
                problems.Add(Messages.DateWhereNumber.At(table.File, table.Locate(row.Number, dateColumn).WithIndicator(indicator.Code)));
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
                problems.Add(error.At(table.File, table.Locate(row.Number, column).WithIndicator(indicator.Code)));
                continue;
            }

            if (measurement is { } reported)
            {
                var note = Cell(row, columns, ReportColumns.Note);
                values.Add(new ReportedValue(indicator, reported, row.Number, note.Length == 0 ? null : note, table.Locate(row.Number, indicatorColumn).WithIndicator(indicator.Code)));
            }
        }

        return values;
    }

    /// <summary>
    /// A district-only figure in a commune's report (or the reverse) would be scored against a baseline and target
    /// set for another level: refused like any bad cell, naming the indicators the level does report.
    /// </summary>
    private static Problem WrongLevel(RawTable table, ProblemLocation location, Indicator indicator, IReadOnlyList<Indicator> owed, UnitLevel level)
    {
        var allowed = string.Join(", ", owed.Select(known => known.Code));
        return level == UnitLevel.Commune
            ? Messages.DistrictOnly.At(table.File, location, indicator.Code, allowed)
            : Messages.CommuneOnly.At(table.File, location, indicator.Code, allowed);
    }

    /// <summary>The first of the row's value, numerator and denominator cells that holds a workbook date, or null.</summary>
    private static int? DateCell(RawRow row, Dictionary<string, int> columns)
    {
        foreach (var name in (ReadOnlySpan<string>)[ReportColumns.Value, ReportColumns.Numerator, ReportColumns.Denominator])
        {
            if (columns.TryGetValue(name, out var index) && row.DateColumns.Contains(index))
            {
                return index;
            }
        }

        return null;
    }

    private static string Cell(RawRow row, Dictionary<string, int> columns, string column) =>
        columns.TryGetValue(column, out var index) ? row.Cells[index].Trim() : "";
}
