using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Scoring;

/// <summary>
/// How a figure added up from the communes says what it covers, the same on the page and in emails:
/// "7/9 xã, thị trấn; thiếu: Pô Kô, Kon Đào" / "7 of 9 communes; missing: Pô Kô, Kon Đào".
/// </summary>
public static class CoverageText
{
    /// <summary>The coverage in Vietnamese and English, naming the missing communes as officials call them.</summary>
    public static LocalizedText Describe(Plan plan, Coverage coverage)
    {
        if (coverage.Missing.Count == 0)
        {
            return new($"đủ {coverage.Reported}/{coverage.Expected} xã, thị trấn", $"all {coverage.Expected} communes");
        }

        var missing = string.Join(", ", coverage.Missing.Select(id => ShortName(plan.NameOf(id))));
        return new($"{coverage.Reported}/{coverage.Expected} xã, thị trấn; thiếu: {missing}", $"{coverage.Reported} of {coverage.Expected} communes; missing: {missing}");
    }

    /// <summary>"Xã Pô Kô" reads "Pô Kô" in a list of communes; the town keeps its word, as "thị trấn Đăk Tô" is not the district.</summary>
    private static string ShortName(string name) =>
        name.StartsWith("Xã ", StringComparison.Ordinal) ? name[3..]
        : name.StartsWith("Thị trấn ", StringComparison.Ordinal) ? "thị trấn " + name[9..]
        : name;
}
