using GenderPlan.Testing;
using System.Text.Json;

namespace GenderPlan.Cli.Tests;

/// <summary><c>rules preview</c>, <c>rules history</c> and <c>rules rollback</c> as the coordinator runs them against storage.</summary>
[Trait("Category", "Slow")]
public sealed class RulesChangeCommandTests : IClassFixture<CliAzurite>
{
    private readonly CliAzurite _azurite;

    public RulesChangeCommandTests(CliAzurite azurite) => _azurite = azurite;

    [Fact]
    public void Preview_lists_the_changes_and_stores_nothing_then_history_and_rollback_follow_a_published_change()
    {
        var storage = _azurite.ConnectionString;
        var outbox = Directory.CreateTempSubdirectory("genderplan-cli-rules-").FullName;
        Assert.Equal(ExitCodes.Success, Cli.Run("rules", "publish", Cli.RulesDirectory, "--storage", storage).Exit);
        Assert.Equal(ExitCodes.Success, Cli.Run("upload", Path.Combine(Cli.Samples, "dak-to-2019.csv"), "--unit", "ldtbxh", "--storage", storage).Exit);
        Assert.Equal(ExitCodes.Success, Cli.Run("serve", "--once", "--storage", storage, "--outbox", outbox).Exit);
        var proposed = Directory.CreateTempSubdirectory("genderplan-cli-proposed-").FullName;
        foreach (var file in Directory.GetFiles(Cli.RulesDirectory, "*.json"))
        {
            File.Copy(file, Path.Combine(proposed, Path.GetFileName(file)));
        }

        // The sample's literacy, 97,2, falls behind 98; with 97 as the target it is met.
        var workflow = Path.Combine(proposed, "dak-to-2016-2020.workflow.json");
        File.WriteAllText(workflow, PlanEdits.WithRule(File.ReadAllText(workflow), "G3.1", "target", 97));

        var preview = Cli.Run("rules", "preview", proposed, "--json", "--storage", storage);
        var text = Cli.Run("rules", "preview", proposed, "--storage", storage);
        var invalid = Cli.Run("rules", "preview", Cli.TempFile("broken.workflow.json", "{"), "--storage", storage);
        var before = Cli.Run("rules", "history", "--json", "--storage", storage);

        Assert.Equal(ExitCodes.Success, preview.Exit);
        var json = JsonDocument.Parse(preview.Out).RootElement;
        var change = json.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("G3.1", "dak-to", "2019", "falling-behind", "met"), (change.GetProperty("indicator").GetString(), change.GetProperty("jurisdiction").GetString(), change.GetProperty("period").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        Assert.Equal("gddt", json.GetProperty("resolved").EnumerateArray().Single().GetProperty("unit").GetString());
        Assert.Contains("G3.1: chỉ tiêu 98% → 97%", text.Out, StringComparison.Ordinal);
        Assert.Contains("▲ Chậm tiến độ → ✔ Đã đạt", text.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Invalid, invalid.Exit);
        Assert.Single(JsonDocument.Parse(before.Out).RootElement.GetProperty("versions").EnumerateArray());

        Assert.Equal(ExitCodes.Success, Cli.Run("rules", "publish", proposed, "--storage", storage).Exit);
        Assert.Equal(ExitCodes.Success, Cli.Run("serve", "--once", "--storage", storage, "--outbox", outbox).Exit);
        var history = Cli.Run("rules", "history", "--storage", storage);
        var first = JsonDocument.Parse(before.Out).RootElement.GetProperty("versions")[0].GetProperty("version").GetString()!;
        var rollback = Cli.Run("rules", "rollback", first[..10], "--storage", storage);
        var scorecard = JsonDocument.Parse(Cli.Run("scorecard", "--period", "2019", "--json", "--storage", storage).Out).RootElement;
        var after = JsonDocument.Parse(Cli.Run("rules", "history", "--json", "--storage", storage).Out).RootElement.GetProperty("versions");

        Assert.Contains("G3.1: chỉ tiêu 98% → 97%", history.Out, StringComparison.Ordinal);
        Assert.Contains("(giờ Việt Nam)", history.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, rollback.Exit);
        Assert.Equal("falling-behind", scorecard.GetProperty("results").EnumerateArray().Single(result => result.GetProperty("indicator").GetString() == "G3.1" && result.GetProperty("source").GetString() == "reported").GetProperty("status").GetString());
        Assert.Equal(3, after.GetArrayLength());
        Assert.Equal(first, after[0].GetProperty("version").GetString());
        Assert.Equal(ExitCodes.Invalid, Cli.Run("rules", "rollback", "zzzzzzzz", "--storage", storage).Exit);
    }
}
