using System.Text.Json;
using GenderPlan.Core.FollowUps;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// A case the alert opened and the unit answered shows where people look: in the scorecard API's (and
/// <c>scorecard --json</c>'s) <c>followUps</c> of its indicator, and under its card on the published page.
/// </summary>
public sealed class FollowUpScorecardTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task A_stored_case_shows_in_its_indicators_followUps_and_on_the_published_page()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        foreach (var (blob, row) in new[] { ("gddt/2019.csv", "2019,dak-to,G3.1,\"97,2\",,,"), ("daitth/2019.csv", "2019,dak-to,G5.2,100,,,") })
        {
            await pipeline.UploadReportAsync(blob, Pipeline.Csv(row));
            Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync(blob, CancellationToken.None));
        }

        var opened = await pipeline.Get<FollowUpStore>().ForUnitAsync("gddt", CancellationToken.None);
        Assert.Equal(["G3.1"], opened.Select(found => found.Indicator));
        var id = FollowUpCase.IdFor("gddt", "G3.1", "dak-to", "2019");
        pipeline.Clock.Advance(TimeSpan.FromDays(2));
        var answered = await pipeline.Get<FollowUpService>().AcknowledgeAsync(id, "gddt", "Rà soát, vận động học sinh bỏ học trở lại lớp", "2019-12-30", CancellationToken.None);
        Assert.Equal(FollowUpOutcome.Changed, answered.Outcome);

        var scorecard = (await pipeline.Get<IScorecardQuery>().GetAsync("2019", "dak-to", CancellationToken.None))!;
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(scorecard, ApiJson.Options));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToDictionary(result => result.GetProperty("indicator").GetString()!);

        var followUp = Assert.Single(results["G3.1"].GetProperty("followUps").EnumerateArray());
        Assert.Equal(
            ["id", "unit", "state", "action", "expectedBy", "by", "at"],
            followUp.EnumerateObject().Select(property => property.Name));
        Assert.Equal(
            (id, "gddt", "acknowledged", "Rà soát, vận động học sinh bỏ học trở lại lớp", "2019-12-30", "gddt"),
            (followUp.GetProperty("id").GetString(), followUp.GetProperty("unit").GetString(), followUp.GetProperty("state").GetString(),
             followUp.GetProperty("action").GetString(), followUp.GetProperty("expectedBy").GetString(), followUp.GetProperty("by").GetString()));
        Assert.Equal(pipeline.Clock.GetUtcNow(), followUp.GetProperty("at").GetDateTimeOffset());
        // A met indicator has no case: an empty list, not a missing field.
        Assert.Equal(0, results["G5.2"].GetProperty("followUps").GetArrayLength());
        // Another period's scorecard does not carry this period's case.
        var other = (await pipeline.Get<IScorecardQuery>().GetAsync("2019-H1", "dak-to", CancellationToken.None))!;
        Assert.DoesNotContain(other.Results, result => result.FollowUps!.Count > 0);

        var name = await pipeline.Get<DashboardPublisher>().PublishAsync("dak-to", CancellationToken.None);
        var html = (await pipeline.Storage.Container(StorageNames.WebsiteContainer).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();
        var card = System.Text.RegularExpressions.Regex.Match(html, "<article class=\"indicator\" id=\"G3.1\"(.*?)</article>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"<li data-case=\"{id}\" data-state=\"acknowledged\">", card, StringComparison.Ordinal);
        Assert.Contains("Rà soát, vận động học sinh bỏ học trở lại lớp", card, StringComparison.Ordinal);
        Assert.Contains("(dự kiến có kết quả 30/12/2019)", card, StringComparison.Ordinal);
    }
}
