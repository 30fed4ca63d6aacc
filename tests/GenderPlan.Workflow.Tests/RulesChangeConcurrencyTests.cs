using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// Changes of the rules made at the same time, and changes that would break the workflow, through the rules page's
/// API as the coordinator's link sends them, against a real Azurite: nothing is lost, nothing half-applied, and the
/// version in force stays a working one.
/// </summary>
public sealed class RulesChangeConcurrencyTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Two_edits_applied_at_once_activate_one_and_refuse_the_other_with_the_version_in_force()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var coordinator = await host.TokenForAsync("ldtbxh");
        var before = await ActiveVersionAsync(host);
        var historyBefore = (await host.Services.GetRequiredService<ActiveRules>().HistoryAsync(CancellationToken.None)).Count;

        var answers = await Task.WhenAll(
            ApplyAsync(host, coordinator, Edit("G3.1", "97", before)),
            ApplyAsync(host, coordinator, Edit("G3.1", "96", before)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(answer => answer.Status).Order());
        var won = answers.Single(answer => answer.Status == HttpStatusCode.OK);
        var lost = answers.Single(answer => answer.Status == HttpStatusCode.Conflict);
        var active = await ActiveVersionAsync(host);
        Assert.Equal(active, won.Body.GetProperty("version").GetString());
        Assert.Equal(active, lost.Body.GetProperty("version").GetString());
        Assert.Contains("người khác thay đổi", lost.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        var history = await host.Services.GetRequiredService<ActiveRules>().HistoryAsync(CancellationToken.None);
        Assert.Equal(historyBefore + 1, history.Count);
        Assert.Equal("ldtbxh", history[0].Uploader);
        var rules = (await host.Services.GetRequiredService<ActiveRules>().GetAsync(CancellationToken.None))!;
        var target = rules.Plans[0].FindIndicator("G3.1")!.Definition.Target;
        Assert.Contains(target, new[] { 96m, 97m });
    }

    [Fact]
    public async Task Edit_made_on_a_page_showing_an_older_version_is_refused_and_changes_nothing()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var coordinator = await host.TokenForAsync("ldtbxh");
        var before = await ActiveVersionAsync(host);

        var answer = await ApplyAsync(host, coordinator, Edit("G3.1", "97", "dak-to-2016-2020@000000000000"));

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal(before, answer.Body.GetProperty("version").GetString());
        Assert.Equal(before, await ActiveVersionAsync(host));
    }

    [Fact]
    public async Task Two_rollbacks_at_once_roll_back_once_and_the_other_says_what_is_in_force()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var coordinator = await host.TokenForAsync("ldtbxh");
        var first = await ActiveVersionAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await ApplyAsync(host, coordinator, Edit("G3.1", "97", first))).Status);
        var history = host.Services.GetRequiredService<RulesHistory>();
        var entries = (await host.Services.GetRequiredService<ActiveRules>().HistoryAsync(CancellationToken.None)).Count;

        var results = await Task.WhenAll(
            history.RollbackAsync(first[^12..], "rollback (a)", CancellationToken.None),
            history.RollbackAsync(first[^12..], "rollback (b)", CancellationToken.None));

        Assert.Single(results, result => result.Outcome == RulesOutcome.Activated);
        var other = results.Single(result => result.Outcome != RulesOutcome.Activated);
        Assert.True(other.Outcome == RulesOutcome.Unchanged || other.Problem!.Contains(first, StringComparison.Ordinal), other.Problem);
        Assert.Equal(first, await ActiveVersionAsync(host));
        Assert.Equal(entries + 1, (await host.Services.GetRequiredService<ActiveRules>().HistoryAsync(CancellationToken.None)).Count);
    }

    // 79228162514264337593543950335 is decimal.MaxValue, which crashed the direction check; 7.9e27 boys per 100 girls
    // and "+-104" were accepted; 10,000 addresses for one unit were activated and broke every alert copying it.
    [Theory]
    [InlineData("{\"indicators\":[{\"code\":\"G4.1\",\"target\":\"79228162514264337593543950335\"}]}")]
    [InlineData("{\"indicators\":[{\"code\":\"G4.1\",\"target\":\"7900000000000000000000000000\"}]}")]
    [InlineData("{\"indicators\":[{\"code\":\"G4.1\",\"target\":\"+-104\"}]}")]
    [InlineData("MANY_ADDRESSES")]
    public async Task Rules_that_would_break_the_workflow_are_refused_on_preview_and_apply_and_the_version_stays(string json)
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var coordinator = await host.TokenForAsync("ldtbxh");
        var before = await ActiveVersionAsync(host);
        if (json == "MANY_ADDRESSES")
        {
            json = JsonSerializer.Serialize(new { units = new[] { new { id = "vhtt", emails = Enumerable.Range(0, 10_000).Select(index => $"a{index}@example.org").ToArray() } } });
        }

        var preview = await PostAsync(host, "/api/rules/preview", coordinator, json);
        var apply = await PostAsync(host, "/api/rules/apply", coordinator, json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, preview.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, apply.Status);
        Assert.NotEmpty(apply.Body.GetProperty("errors").EnumerateArray());
        Assert.DoesNotContain("RequestId", apply.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await ActiveVersionAsync(host));
    }

    private static string Edit(string code, string target, string baseVersion) =>
        JsonSerializer.Serialize(new { indicators = new[] { new { code, target } }, baseVersion });

    private static async Task<string> ActiveVersionAsync(UploadHost host) =>
        (await host.Services.GetRequiredService<ActiveRules>().GetActiveInfoAsync(CancellationToken.None))!.Version;

    private static Task<(HttpStatusCode Status, JsonElement Body)> ApplyAsync(UploadHost host, string token, string json) =>
        PostAsync(host, "/api/rules/apply", token, json);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(UploadHost host, string path, string token, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
