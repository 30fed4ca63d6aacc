namespace GenderPlan.Core.Domain;

/// <summary>The product's two languages. Vietnamese comes first: the users are district officials.</summary>
public enum Language
{
    /// <summary>Tiếng Việt.</summary>
    Vietnamese,

    /// <summary>English.</summary>
    English,
}

/// <summary>A text in Vietnamese and English; every name a user sees exists in both.</summary>
/// <param name="Vi">Vietnamese, with diacritics.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string Vi, string En)
{
    /// <summary>The text in <paramref name="language"/>.</summary>
    public string In(Language language) => language == Language.Vietnamese ? Vi : En;
}
