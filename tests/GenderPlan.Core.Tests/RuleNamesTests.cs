using System.Text;
using System.Text.RegularExpressions;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Ids and indicator codes are checked by hand (<see cref="RuleNames"/>); these tests hold them to the
/// regular expressions that define them, on every short string over the characters that matter.
/// </summary>
public partial class RuleNamesTests
{
    [Theory]
    [InlineData("G4.1", 4)]
    [InlineData("G3.2b", 3)]
    [InlineData("G1.1a.district", 1)]
    [InlineData("G1.1.commune", 1)]
    [InlineData("G10.12", 10)]
    [InlineData("G99.1", 99)]
    [InlineData("G0.1", null)]
    [InlineData("G100.1", null)]
    [InlineData("G3-1", null)]
    [InlineData("g4.1", null)]
    [InlineData("G4.", null)]
    [InlineData("G4.1ab", null)]
    [InlineData("G4.1a.", null)]
    [InlineData("G4.1.District", null)]
    [InlineData("", null)]
    public void Indicator_code_names_its_goal(string code, int? goal)
    {
        Assert.Equal(goal, RuleNames.GoalOf(code));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Codes_are_read_as_the_code_pattern_reads_them()
    {
        foreach (var text in Strings("G019.az-", 7))
        {
            var match = CodePattern().Match(text);
            Assert.True((match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null) == RuleNames.GoalOf(text), text);
        }
    }

    [Fact]
    public void Ids_are_read_as_the_id_pattern_reads_them()
    {
        foreach (var text in Strings("az09-A_", 7))
        {
            Assert.True(IdPattern().IsMatch(text) == RuleNames.IsId(text), text);
        }
    }

    /// <summary>Every string of up to <paramref name="length"/> characters from <paramref name="alphabet"/>.</summary>
    private static IEnumerable<string> Strings(string alphabet, int length)
    {
        var current = new StringBuilder();
        return Grow();

        IEnumerable<string> Grow()
        {
            yield return current.ToString();
            if (current.Length == length)
            {
                yield break;
            }

            foreach (var character in alphabet)
            {
                current.Append(character);
                foreach (var text in Grow())
                {
                    yield return text;
                }

                current.Length--;
            }
        }
    }

    [GeneratedRegex(@"^G([1-9][0-9]?)\.[0-9]+[a-z]?(\.[a-z]+)?$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
