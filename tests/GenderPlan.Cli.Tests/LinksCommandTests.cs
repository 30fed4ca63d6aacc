using System.Text.Json;
using GenderPlan.Testing;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Cli.Tests;

/// <summary><c>genderplan links</c>: one link per unit, printed once; <c>--rotate</c> replaces a unit's link at once.</summary>
[Trait("Category", "Slow")]
public sealed class LinksCommandTests : IClassFixture<CliAzurite>
{
    private readonly CliAzurite _azurite;

    public LinksCommandTests(CliAzurite azurite) => _azurite = azurite;

    [Fact]
    public async Task Links_prints_one_line_per_unit_once_and_rotate_replaces_a_units_link_at_once()
    {
        var storage = _azurite.ConnectionString;
        Assert.Equal(ExitCodes.Success, Cli.Run("rules", "publish", Cli.RulesDirectory, "--storage", storage).Exit);
        var units = JsonDocument.Parse(File.ReadAllText(Path.Combine(Cli.RulesDirectory, "units.json"))).RootElement.GetProperty("units")
            .EnumerateArray().Where(unit => !unit.TryGetProperty("group", out _)).Select(unit => unit.GetProperty("id").GetString()!).ToList();

        var first = Cli.Run("links", "--base", "https://genderplan.example.org/", "--storage", storage);
        var second = Cli.Run("links", "--base", "https://genderplan.example.org", "--storage", storage);
        var rotated = Cli.Run("links", "--rotate", "yte", "--base", "https://genderplan.example.org", "--storage", storage);

        Assert.Equal(ExitCodes.Success, first.Exit);
        var lines = first.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split('\t')).ToList();
        Assert.Equal(units, lines.Select(line => line[0]));
        Assert.Contains("ubnd-tan-canh", units);
        Assert.DoesNotContain("ubnd-xa", units);
        Assert.Contains("ubnd-xa: a group of units", first.Error, StringComparison.Ordinal);
        Assert.All(lines, line => Assert.Matches($"^https://genderplan\\.example\\.org/upload\\?unit={line[0]}&token=[A-Za-z0-9_-]{{43}}$", line[1]));
        Assert.Equal(lines.Count, lines.Select(line => line[1]).Distinct().Count());

        Assert.Equal(ExitCodes.Success, second.Exit);
        Assert.Equal("", second.Out.Trim());
        Assert.Contains("genderplan links --rotate yte", second.Error, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, rotated.Exit);
        var newLine = rotated.Out.Trim().Split('\t');
        Assert.Equal("yte", newLine[0]);
        var tokens = new UploadTokenStore(TestStorage.Connect(storage), TimeProvider.System);
        Assert.Null(await tokens.UnitOfAsync(TokenOf(lines.Single(line => line[0] == "yte")[1]), CancellationToken.None));
        Assert.Equal("yte", await tokens.UnitOfAsync(TokenOf(newLine[1]), CancellationToken.None));
        Assert.Equal("gddt", await tokens.UnitOfAsync(TokenOf(lines.Single(line => line[0] == "gddt")[1]), CancellationToken.None));
    }

    [Fact]
    public void Links_for_an_unknown_unit_is_an_error()
    {
        var storage = _azurite.ConnectionString;
        Assert.Equal(ExitCodes.Success, Cli.Run("rules", "publish", Cli.RulesDirectory, "--storage", storage).Exit);
        Assert.Equal(ExitCodes.Success, Cli.Run("serve", "--once", "--storage", storage, "--outbox", Directory.CreateTempSubdirectory().FullName).Exit);

        var result = Cli.Run("links", "--unit", "nobody", "--storage", storage);

        Assert.Equal(ExitCodes.Invalid, result.Exit);
        Assert.Contains("'nobody' is not in units.json", result.Error, StringComparison.Ordinal);
    }

    private static string TokenOf(string url) => url[(url.IndexOf("&token=", StringComparison.Ordinal) + 7)..];
}
