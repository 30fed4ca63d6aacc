using System.Globalization;
using System.Text.Json.Serialization;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Domain;

/// <summary>How a <see cref="ProblemLocation"/> reads.</summary>
public enum LocationKind
{
    /// <summary>A CSV file or sheet: rows and lettered columns.</summary>
    Sheet,

    /// <summary>A JSON report: items and named fields.</summary>
    Items,

    /// <summary>A line and character of a text file (a JSON syntax error).</summary>
    Line,

    /// <summary>A named place in a file: a rule's property, a part of a workbook.</summary>
    Path,
}

/// <summary>
/// Where in a file a <see cref="Problem"/> is, kept apart so the upload page can put each message beside the row
/// to fix and every output words it alike (<c>row 3, column D (value), G4.3a</c>, <c>dòng 3, cột D (value), G4.3a</c>).
/// </summary>
/// <param name="Kind">How it reads.</param>
/// <param name="Row">The row of a sheet or CSV file, the item of a JSON list, or the line of a text file; from 1.</param>
/// <param name="Column">The column letter (<c>D</c>), the JSON field's name, or the character on the line; null for a whole row.</param>
/// <param name="ColumnName">The header of a lettered column (<c>value</c>), where known.</param>
/// <param name="Indicator">The indicator code the row names, where it names one.</param>
/// <param name="Path">For <see cref="LocationKind.Path"/>: the place, as the file names it (<c>rule G4.1.Properties.target</c>).</param>
public sealed record ProblemLocation(LocationKind Kind, int? Row = null, string? Column = null, string? ColumnName = null, string? Indicator = null, string? Path = null)
{
    /// <summary>A row of a sheet or CSV file.</summary>
    public static ProblemLocation SheetRow(int row) => new(LocationKind.Sheet, row);

    /// <summary>A cell of a sheet or CSV file, with its column's header where known.</summary>
    public static ProblemLocation Cell(int row, string column, string? columnName = null) => new(LocationKind.Sheet, row, column, columnName);

    /// <summary>An item of a JSON list, or one of its fields.</summary>
    public static ProblemLocation Item(int item, string? field = null) => new(LocationKind.Items, item, field);

    /// <summary>A field of every item of a JSON list.</summary>
    public static ProblemLocation Field(string field) => new(LocationKind.Items, null, field);

    /// <summary>A line and character of a text file.</summary>
    public static ProblemLocation LineOf(long line, long character) =>
        new(LocationKind.Line, checked((int)line), character.ToString(CultureInfo.InvariantCulture));

    /// <summary>A named place: a rule's property, a unit, a part of a workbook.</summary>
    public static ProblemLocation At(string path) => new(LocationKind.Path, Path: path);

    /// <summary>The same place, naming the row's indicator.</summary>
    public ProblemLocation WithIndicator(string? indicator) => this with { Indicator = indicator };

    /// <summary>Whether <see cref="Row"/> and <see cref="Column"/> are a report's row and column, as the upload page shows them.</summary>
    [JsonIgnore]
    public bool IsInTable => Kind is LocationKind.Sheet or LocationKind.Items;

    /// <summary>The place in <paramref name="language"/>.</summary>
    public string In(Language language)
    {
        var parts = new List<string>(4);
        switch (Kind)
        {
            case LocationKind.Path:
                parts.Add(Path ?? "");
                break;
            case LocationKind.Line:
                parts.Add(Messages.PlaceLine.Format(language, Row ?? 0, Column ?? ""));
                break;
            case LocationKind.Items:
                AddIf(parts, Row, Messages.PlaceItem, language);
                AddIf(parts, Column, Messages.PlaceField, language);
                break;
            default:
                AddIf(parts, Row, Messages.PlaceRow, language);
                AddIf(parts, Column, Messages.PlaceColumn, language);
                if (Column is not null && ColumnName is not null)
                {
                    parts[^1] += $" ({ColumnName})";
                }

                break;
        }

        if (Indicator is not null)
        {
            parts.Add(Indicator);
        }

        return string.Join(", ", parts);
    }

    /// <inheritdoc />
    public override string ToString() => In(Language.English);

    private static void AddIf(List<string> parts, object? value, MessageTemplate words, Language language)
    {
        if (value is not null)
        {
            parts.Add(words.Format(language, value));
        }
    }
}
