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

    [Fact]
    public async Task Local_run_writes_letters_that_link_the_scorecard_page_it_wrote()
    {
        var run = await Run("local.sh", "--no-watch");

        Assert.True(run.Exit == 0, run.Out + run.Error);
        var page = Path.Combine(Cli.RepositoryRoot, "site", "index.html");
        Assert.True(File.Exists(page), run.Out);
        var emails = Directory.GetFiles(Path.Combine(Cli.RepositoryRoot, "outbox"), "*.eml");
        Assert.NotEmpty(emails);
        foreach (var email in emails)
        {
            using var message = MimeKit.MimeMessage.Load(email);
            Assert.Contains($"Kết quả đánh giá chi tiết được đăng tại: file://{page}.", message.TextBody, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"file://{page}\">", message.HtmlBody, StringComparison.Ordinal);
        }

        Assert.Contains("upload pages at http://127.0.0.1:", run.Out, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Out, string Error)> RunScript(params string[] args) => await Run("genderplan", args);

    private static async Task<(int Exit, string Out, string Error)> Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Cli.RepositoryRoot, script))
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
