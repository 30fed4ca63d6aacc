using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Plans;

/// <summary>The places of a list, or every problem that kept it from being read.</summary>
/// <param name="Places">The places in the file's order; null when anything was wrong.</param>
/// <param name="Problems">Each problem with its file, row and column.</param>
public sealed record PlaceListResult(IReadOnlyList<PlaceEntry>? Places, IReadOnlyList<Problem> Problems);

/// <summary>
/// Reads a places list: CSV with the columns <c>code</c>, <c>name</c>, <c>level</c>, <c>parent</c> and optionally
/// <c>id</c> (or the statistics office's Vietnamese headers <c>Mã</c>, <c>Tên</c>, <c>Cấp</c>, <c>Mã cấp trên</c>).
/// The text goes through the report reader's CSV layer (<see cref="CsvTableReader"/>: encodings refused rather than
/// guessed, separators, quotes, its own bounds), then the tighter <see cref="PlaceLimits"/> apply; like every
/// reader of the product it collects every problem with its row and column rather than stop at the first.
/// </summary>
public static class PlaceListReader
{
    private static readonly (string Column, string[] Names, bool Required)[] Columns =
    [
        ("code", ["code", "ma"], true),
        ("name", ["name", "ten"], true),
        ("level", ["level", "cap"], true),
        ("parent", ["parent", "ma cap tren", "cap tren"], true),
        ("id", ["id"], false),
    ];

    /// <summary>Reads the places of <paramref name="file"/>, whose bytes are <paramref name="bytes"/>.</summary>
    public static PlaceListResult Read(string file, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > PlaceLimits.MaxBytes)
        {
            return Refused(Messages.PlacesTooLarge.At(file, null, ReportLimits.Size(bytes.Length), ReportLimits.Size(PlaceLimits.MaxBytes)));
        }

        var problems = new List<Problem>();
        var table = CsvTableReader.Read(file, bytes, problems);
        if (table is null)
        {
            // The CSV layer's row bound speaks of reports; a places list says its own.
            return new PlaceListResult(null, [.. problems.Select(problem => problem.Code == Messages.CsvTooManyRows.Code
                ? Messages.PlacesTooManyRows.At(file, problem.Location, PlaceLimits.MaxRows) : problem)]);
        }

        if (table.Columns.Count > PlaceLimits.MaxColumns)
        {
            return Refused(Messages.PlacesTooManyColumns.At(file, ProblemLocation.SheetRow(1), table.Columns.Count, PlaceLimits.MaxColumns));
        }

        if (table.Rows.Count > PlaceLimits.MaxRows)
        {
            return Refused(Messages.PlacesTooManyRows.At(file, table.LocateRow(table.Rows[PlaceLimits.MaxRows].Number), PlaceLimits.MaxRows));
        }

        var index = FindColumns(table, problems);
        if (problems.Count > 0)
        {
            return new PlaceListResult(null, problems);
        }

        var places = new List<PlaceEntry>();
        foreach (var row in table.Rows)
        {
            if (ReadRow(table, row, index, problems) is { } place)
            {
                if (places.FirstOrDefault(earlier => earlier.Code == place.Code || earlier.Id == place.Id) is { } first)
                {
                    problems.Add(Messages.PlacesDuplicate.At(file, table.Locate(row.Number, index["code"]), place.Code, first.Row));
                    continue;
                }

                places.Add(place);
            }
        }

        foreach (var place in places.Where(place => place.Parent is not null && !places.Any(other => other.Code == place.Parent)))
        {
            problems.Add(Messages.PlacesUnknownParent.At(file, table.Locate(place.Row, index["parent"]), place.Parent!));
        }

        if (problems.Count == 0)
        {
            ReportCycles(table, index["parent"], places, problems);
        }

        if (problems.Count == 0 && places.Count == 0)
        {
            problems.Add(Messages.PlacesEmpty.At(file, null));
        }

        return problems.Count > 0 ? new PlaceListResult(null, problems) : new PlaceListResult(places, []);
    }

    private static PlaceListResult Refused(Problem problem) => new(null, [problem]);

    /// <summary>
    /// Parents that go round (a place listed under one of its own places) would make a tree with no top: each cycle is
    /// reported once, at the row of its first place in the file. Every place is walked up once, so a list of 5,000 places
    /// chained one under the other costs 5,000 steps, not 5,000².
    /// </summary>
    private static void ReportCycles(RawTable table, int parentColumn, List<PlaceEntry> places, List<Problem> problems)
    {
        var byCode = places.ToDictionary(place => place.Code, StringComparer.Ordinal);
        var settled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in places)
        {
            var path = new List<PlaceEntry>();
            var onPath = new HashSet<string>(StringComparer.Ordinal);
            for (var place = start; place is not null && !settled.Contains(place.Code); place = place.Parent is { } parent ? byCode[parent] : null)
            {
                if (!onPath.Add(place.Code))
                {
                    var cycle = path.SkipWhile(entry => entry.Code != place.Code).ToList();
                    var first = cycle.MinBy(entry => entry.Row)!;
                    problems.Add(Messages.PlacesParentCycle.At(table.File, table.Locate(first.Row, parentColumn), string.Join(" → ", cycle.Append(place).Select(entry => entry.Code))));
                    break;
                }

                path.Add(place);
            }

            settled.UnionWith(onPath);
        }
    }

    private static Dictionary<string, int> FindColumns(RawTable table, List<Problem> problems)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var column = 0; column < table.Columns.Count; column++)
        {
            var folded = VietnameseText.Fold(table.Columns[column]);
            if (Columns.FirstOrDefault(known => known.Names.Contains(folded)) is { Column: { } name })
            {
                if (!index.TryAdd(name, column))
                {
                    problems.Add(Messages.PlacesDuplicateColumn.At(table.File, table.LocateColumn(column), name));
                }
            }
        }

        foreach (var missing in Columns.Where(known => known.Required && !index.ContainsKey(known.Column)))
        {
            problems.Add(Messages.PlacesMissingColumn.At(table.File, ProblemLocation.SheetRow(1), missing.Column));
        }

        return index;
    }

    private static PlaceEntry? ReadRow(RawTable table, RawRow row, Dictionary<string, int> index, List<Problem> problems)
    {
        var before = problems.Count;
        var code = Cell(table, row, index["code"], PlaceLimits.MaxCodeLength, required: true, problems);
        var name = Cell(table, row, index["name"], PlaceLimits.MaxNameLength, required: true, problems);
        var levelText = Cell(table, row, index["level"], PlaceLimits.MaxNameLength, required: true, problems);
        var parent = Cell(table, row, index["parent"], PlaceLimits.MaxCodeLength, required: false, problems);
        var id = index.TryGetValue("id", out var idColumn) ? Cell(table, row, idColumn, PlaceLimits.MaxCodeLength, required: false, problems) : null;
        if (code is not null && !IsCode(code))
        {
            problems.Add(Messages.PlacesBadCode.At(table.File, table.Locate(row.Number, index["code"]), code));
        }

        if (parent is not null && !IsCode(parent))
        {
            problems.Add(Messages.PlacesBadCode.At(table.File, table.Locate(row.Number, index["parent"]), parent));
        }

        // A place id is what reports write in their jurisdiction column: lower-case letters, digits and '-'.
        var placeId = id ?? code?.ToLowerInvariant();
        if (id is not null && !IsCode(id))
        {
            problems.Add(Messages.PlacesBadCode.At(table.File, table.Locate(row.Number, idColumn), id));
        }

        if (name is not null && name.Any(char.IsControl))
        {
            problems.Add(Messages.PlacesBadText.At(table.File, table.Locate(row.Number, index["name"])));
        }

        var level = levelText is null ? null : PlaceLevelText.Parse(levelText);
        if (levelText is not null && level is null)
        {
            problems.Add(Messages.PlacesBadLevel.At(table.File, table.Locate(row.Number, index["level"]), levelText));
        }

        return problems.Count > before || code is null || name is null || level is null || placeId is null
            ? null
            : new PlaceEntry(placeId.ToLowerInvariant(), code, name, level.Value, parent, row.Number);
    }

    private static string? Cell(RawTable table, RawRow row, int column, int maxLength, bool required, List<Problem> problems)
    {
        var text = row.Cells[column].Trim();
        if (text.Length > maxLength)
        {
            problems.Add(Messages.PlacesCellTooLong.At(table.File, table.Locate(row.Number, column), text.Length, maxLength));
            return null;
        }

        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add(Messages.PlacesBlank.At(table.File, table.Locate(row.Number, column)));
            }

            return null;
        }

        return text;
    }

    /// <summary>A code or id: ASCII letters and digits in groups joined by single '-'.</summary>
    private static bool IsCode(string text) =>
        text.Split('-').All(part => part.Length > 0 && part.All(character => char.IsAsciiLetterOrDigit(character)));
}
