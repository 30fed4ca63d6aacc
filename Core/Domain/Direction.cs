namespace GenderPlan.Core.Domain;

/// <summary>Which way an indicator must move: up to its target, or down to it.</summary>
public enum Direction
{
    /// <summary><c>&gt;=</c>: the value must reach the target or more (literacy, women in councils).</summary>
    AtLeast,

    /// <summary><c>&lt;=</c>: the value must stay at the target or less (sex ratio at birth, maternal mortality).</summary>
    AtMost,
}

/// <summary>The rule-file spelling of <see cref="Direction"/>.</summary>
public static class DirectionText
{
    /// <summary>Reads <c>&gt;=</c> or <c>&lt;=</c>.</summary>
    public static bool TryParse(string? text, out Direction direction)
    {
        switch (text)
        {
            case ">=":
                direction = Direction.AtLeast;
                return true;
            case "<=":
                direction = Direction.AtMost;
                return true;
            default:
                direction = default;
                return false;
        }
    }

    /// <summary>The symbol as written in rule files.</summary>
    public static string Symbol(this Direction direction) => direction == Direction.AtLeast ? ">=" : "<=";
}
