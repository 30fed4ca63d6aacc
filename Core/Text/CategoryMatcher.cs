using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Text;

/// <summary>Finds the category an official meant, by its Vietnamese or English name or an alias.</summary>
public static class CategoryMatcher
{
    /// <summary>The category whose name or alias folds to the same words as <paramref name="words"/>, or null.</summary>
    public static Category? Find(IReadOnlyList<Category> categories, string words)
    {
        var folded = VietnameseText.Fold(words);
        return categories.FirstOrDefault(category =>
            VietnameseText.Fold(category.Name.Vi) == folded
            || VietnameseText.Fold(category.Name.En) == folded
            || category.Aliases.Any(alias => VietnameseText.Fold(alias) == folded));
    }
}
