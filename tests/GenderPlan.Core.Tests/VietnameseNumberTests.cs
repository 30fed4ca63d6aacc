using GenderPlan.Core.Text;

namespace GenderPlan.Core.Tests;

public class VietnameseNumberTests
{
    [Theory]
    [InlineData("96,5", false, "96.5")]
    [InlineData("96.5", false, "96.5")]
    [InlineData("15,38", false, "15.38")]
    [InlineData("100", false, "100")]
    [InlineData(" 97 ", false, "97")]
    [InlineData("1.234,5", false, "1234.5")]
    [InlineData("1,234.5", false, "1234.5")]
    [InlineData("44.096", true, "44096")]
    [InlineData("100.000", true, "100000")]
    [InlineData("100 000", true, "100000")]
    [InlineData("1.000.000", false, "1000000")]
    [InlineData("1.5", true, "1.5")]
    [InlineData("-3", false, "-3")]
    [InlineData("+3", false, "3")]
    [InlineData("- 3", false, "-3")]
    public void Numbers_are_read_as_officials_write_them(string text, bool whole, string expected)
    {
        Assert.True(VietnameseNumber.TryParse(text, whole, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("9,6,5")]
    [InlineData("96,5,")]
    [InlineData("1.23.4")]
    [InlineData("12a")]
    [InlineData("1,2.3,4")]
    [InlineData("NaN")]
    [InlineData("1e5")]
    [InlineData("+-104")]
    [InlineData("--5")]
    [InlineData("-+5")]
    [InlineData("+")]
    [InlineData("5-")]
    [InlineData("+-52")]
    [InlineData("++5")]
    [InlineData("-")]
    [InlineData("5+")]
    [InlineData("5-3")]
    public void Text_that_is_not_a_number_is_refused(string text)
    {
        Assert.False(VietnameseNumber.TryParse(text, wholeNumberExpected: false, out _));
    }
}
