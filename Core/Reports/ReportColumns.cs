using GenderPlan.Core.Text;

namespace GenderPlan.Core.Reports;

/// <summary>The columns a report may have, matched without regard to case, diacritics or order.</summary>
public static class ReportColumns
{
    /// <summary>The period column (<c>2019</c> or <c>2019-H1</c>).</summary>
    public const string Period = "period";

    /// <summary>The jurisdiction column (<c>dak-to</c> or a commune id).</summary>
    public const string Jurisdiction = "jurisdiction";

    /// <summary>The indicator code column.</summary>
    public const string Indicator = "indicator";

    /// <summary>The reported value column.</summary>
    public const string Value = "value";

    /// <summary>The optional numerator column.</summary>
    public const string Numerator = "numerator";

    /// <summary>The optional denominator column.</summary>
    public const string Denominator = "denominator";

    /// <summary>The optional note column.</summary>
    public const string Note = "note";

    /// <summary>The indicator's name, written by the template for people and ignored when reading.</summary>
    public const string Name = "name";

    /// <summary>The unit a value is written in ("Đơn vị tính"), written by the Excel template for people and ignored when reading.</summary>
    public const string Measure = "measure";

    /// <summary>The columns every report must have.</summary>
    public static readonly IReadOnlyList<string> Required = [Period, Jurisdiction, Indicator, Value];

    /// <summary>The columns in the order the template writes them.</summary>
    public static readonly IReadOnlyList<string> All = [Period, Jurisdiction, Indicator, Name, Value, Numerator, Denominator, Note];

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["ky bao cao"] = Period,
        ["ky"] = Period,
        ["dia ban"] = Jurisdiction,
        ["don vi hanh chinh"] = Jurisdiction,
        ["ma chi tieu"] = Indicator,
        ["chi tieu"] = Indicator,
        ["ten chi tieu"] = Name,
        ["ten"] = Name,
        ["gia tri"] = Value,
        ["ket qua"] = Value,
        ["tu so"] = Numerator,
        ["mau so"] = Denominator,
        ["ghi chu"] = Note,
        ["don vi tinh"] = Measure,
    };

    /// <summary>The canonical column a header names, or null when it names none.</summary>
    public static string? Canonical(string header)
    {
        var folded = VietnameseText.Fold(header);
        return All.Contains(folded) ? folded : Aliases.GetValueOrDefault(folded);
    }
}
