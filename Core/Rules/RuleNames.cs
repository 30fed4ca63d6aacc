namespace GenderPlan.Core.Rules;

/// <summary>
/// The shapes of the names in rules files: plan and unit ids, and indicator codes. They are checked by hand
/// rather than with regular expressions because these were the only ones a command like
/// <c>genderplan score</c> needed, and loading the regex engine for them cost about 3 ms of its start.
/// </summary>
internal static class RuleNames
{
    /// <summary>
    /// Whether <paramref name="id"/> is lower-case ASCII letters and digits in groups joined by single
    /// hyphens (<c>dak-to</c>, <c>ubnd-xa</c>, <c>dak-to-2016-2020</c>): <c>^[a-z0-9]+(-[a-z0-9]+)*$</c>.
    /// </summary>
    public static bool IsId(string id)
    {
        if (id.Length == 0 || id[0] == '-' || id[^1] == '-')
        {
            return false;
        }

        for (var index = 0; index < id.Length; index++)
        {
            var character = id[index];
            var allowed = character == '-' ? id[index - 1] != '-' : char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character);
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The goal of an indicator code, or null when <paramref name="code"/> is not one: <c>G</c>, the goal (1 to
    /// 99), a dot, the number, an optional letter, and an optional dot and lower-case part, as in G4.1, G3.2b
    /// or G1.1a.district: <c>^G([1-9][0-9]?)\.[0-9]+[a-z]?(\.[a-z]+)?$</c>.
    /// </summary>
    public static int? GoalOf(string code)
    {
        var at = 0;
        if (!Take(code, ref at, 'G') || at >= code.Length || code[at] is < '1' or > '9')
        {
            return null;
        }

        var goal = code[at++] - '0';
        if (at < code.Length && char.IsAsciiDigit(code[at]))
        {
            goal = (goal * 10) + (code[at++] - '0');
        }

        if (!Take(code, ref at, '.') || Skip(code, ref at, char.IsAsciiDigit) == 0)
        {
            return null;
        }

        if (at < code.Length && char.IsAsciiLetterLower(code[at]))
        {
            at++;
        }

        if (at < code.Length && (!Take(code, ref at, '.') || Skip(code, ref at, char.IsAsciiLetterLower) == 0))
        {
            return null;
        }

        return at == code.Length ? goal : null;
    }

    private static bool Take(string text, ref int at, char expected)
    {
        if (at < text.Length && text[at] == expected)
        {
            at++;
            return true;
        }

        return false;
    }

    private static int Skip(string text, ref int at, Func<char, bool> allowed)
    {
        var start = at;
        while (at < text.Length && allowed(text[at]))
        {
            at++;
        }

        return at - start;
    }
}
