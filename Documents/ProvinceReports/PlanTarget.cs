using System.Globalization;
using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// One chỉ tiêu as the plan numbers it ("Mục tiêu 1 ... Chỉ tiêu 1"), holding the rules that measure it. The plan's
/// Chỉ tiêu 1 of goal 1 (women in Party committees and in People's Councils, each at district and commune level) is
/// four rules; counting rules would tell the province that goal 1 has six chỉ tiêu where the plan it approved has
/// three. The number comes from the indicator code's convention <c>G{goal}.{n}{part}.{level}</c>, the only place the
/// rules file says which chỉ tiêu a rule belongs to.
/// </summary>
/// <param name="Goal">The goal's number.</param>
/// <param name="Number">The chỉ tiêu's number within its goal, as the plan writes it.</param>
/// <param name="Lines">The rules measuring it, in the plan's order: one for most chỉ tiêu, several for one with parts.</param>
public sealed record PlanTarget(int Goal, int Number, IReadOnlyList<IndicatorLine> Lines)
{
    /// <summary>"Chỉ tiêu 1".</summary>
    public string Heading => $"Chỉ tiêu {Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The chỉ tiêu of <paramref name="lines"/> (one goal's lines, in order), grouped by the number in their codes;
    /// a code outside the convention stands alone as the next number, so nothing is ever dropped.
    /// </summary>
    public static IReadOnlyList<PlanTarget> Group(int goal, IEnumerable<IndicatorLine> lines)
    {
        var targets = new List<(int Number, List<IndicatorLine> Lines)>();
        foreach (var line in lines)
        {
            var number = NumberOf(line.Indicator.Code);
            var last = targets.Count > 0 ? targets[^1] : default;
            if (number is { } known && last.Lines is not null && last.Number == known)
            {
                last.Lines.Add(line);
            }
            else if (number is { } parsed && targets.All(target => target.Number != parsed))
            {
                targets.Add((parsed, [line]));
            }
            else
            {
                targets.Add(((targets.Count > 0 ? targets.Max(target => target.Number) : 0) + 1, [line]));
            }
        }

        return [.. targets.Select(target => new PlanTarget(goal, target.Number, target.Lines))];
    }

    /// <summary>The n of <c>G{goal}.{n}{part}[.{level}]</c>: 1 for <c>G1.1a.district</c>, 3 for <c>G4.3b</c>; null outside the convention.</summary>
    public static int? NumberOf(string code)
    {
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return null;
        }

        var digits = new string([.. code[(dot + 1)..].TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
    }
}
