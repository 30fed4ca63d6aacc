using System.Diagnostics;

namespace GenderPlan.Cli.Tests;

/// <summary>The ./genderplan script at the repository root, run as users run it.</summary>
[Trait("Category", "Slow")]
public class ScriptTests
{
    [Fact]
    public async Task Script_scores_the_sample_and_does_not_rebuild_the_second_time()
    {
        var first = await RunScript("score", "Rules/samples/dak-to-2019.csv", "--json");
        var second = await RunScript("score", "Rules/samples/dak-to-2019.csv", "--json");

        Assert.Equal(1, first.Exit);
        Assert.Equal(1, second.Exit);
        Assert.Contains("\"status\": \"falling-behind\"", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Building", second.Error, StringComparison.Ordinal);
        Assert.Equal(first.Out, second.Out);
    }

    private static async Task<(int Exit, string Out, string Error)> RunScript(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Cli.RepositoryRoot, "genderplan"))
        {
            WorkingDirectory = Cli.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
