using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Tests;

/// <summary>The one language a unit's emails are written in, read from <c>units.json</c>.</summary>
public class UnitLanguageTests
{
    private static readonly SmallPlan Plan = SmallPlan.With(
        SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls", lead: "yte"));

    [Theory]
    [InlineData(null, Language.Vietnamese)]
    [InlineData("vi", Language.Vietnamese)]
    [InlineData("en", Language.English)]
    public void A_unit_reads_Vietnamese_unless_its_entry_asks_for_English(string? language, Language expected)
    {
        var plan = Plan.Copy();
        var health = plan.Units["units"]!.AsArray().Single(unit => (string?)unit!["id"] == "yte")!.AsObject();
        if (language is not null)
        {
            health["language"] = language;
        }

        var book = plan.Book();

        Assert.Equal(expected, book.FindUnit("yte")!.Language);
        Assert.Equal(Language.Vietnamese, book.FindUnit("ldtbxh")!.Language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("EN")]
    [InlineData("vi-en")]
    public void A_language_other_than_vi_or_en_is_refused(string language)
    {
        var plan = Plan.Copy();
        plan.Units["units"]!.AsArray().Single(unit => (string?)unit!["id"] == "yte")!["language"] = language;

        var result = plan.Load();

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, problem => problem.In(Language.English).Contains("language", StringComparison.Ordinal));
    }
}
