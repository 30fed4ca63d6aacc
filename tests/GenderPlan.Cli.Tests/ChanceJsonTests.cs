using System.Text.Json;

namespace GenderPlan.Cli.Tests;

public class ChanceJsonTests
{
    [Fact]
    public void Rate_with_its_counts_carries_its_interval_and_whether_the_target_is_within_it()
    {
        var file = Cli.TempFile("bao-cao.csv", "period,jurisdiction,indicator,value,numerator,denominator\n2018,dak-to,G4.1,,493,457\n2018,dak-to,G3.1,\"97,2\",,\n");

        var (exit, output, _) = Cli.Run("score", file, "--json");

        Assert.Equal(ExitCodes.NeedsAttention, exit);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.GetProperty("reports")[0].GetProperty("results").EnumerateArray().ToList();
        var ratio = results.Single(result => result.GetProperty("indicator").GetString() == "G4.1");
        var interval = ratio.GetProperty("interval");
        Assert.True(interval.GetProperty("low").GetDecimal() < 105 && interval.GetProperty("high").GetDecimal() > 107.9m);
        Assert.True(ratio.GetProperty("withinNoise").GetBoolean());
        var literacy = results.Single(result => result.GetProperty("indicator").GetString() == "G3.1");
        Assert.False(literacy.TryGetProperty("interval", out _));
        Assert.False(literacy.TryGetProperty("withinNoise", out _));
    }
}
