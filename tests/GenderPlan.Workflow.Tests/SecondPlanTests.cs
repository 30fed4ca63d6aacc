using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;
using MimeKit;

namespace GenderPlan.Workflow.Tests;

/// <summary>A second district's plan dropped beside the first gets alerts, pages and reminders with no code change.</summary>
public sealed class SecondPlanTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    // Kon Rẫy is another district of the province; its plan is led by the police (congan), who lead nothing in Đăk Tô's plan.
    private const string KonRayPlan = """
        {
          "WorkflowName": "kon-ray-2016-2020",
          "Plan": {
            "name": { "vi": "Kế hoạch hành động bình đẳng giới huyện Kon Rẫy giai đoạn 2016-2020", "en": "Kon Rẫy district gender-equality action plan 2016-2020" },
            "startYear": 2016,
            "endYear": 2020,
            "district": "kon-ray",
            "coordinator": "ldtbxh",
            "goals": [ { "number": 4, "vi": "Bảo đảm bình đẳng giới trong tiếp cận dịch vụ chăm sóc sức khỏe", "en": "Health care" } ],
            "jurisdictions": [ { "id": "kon-ray", "name": "Huyện Kon Rẫy" }, { "id": "dak-ruong", "name": "Xã Đăk Ruồng" } ]
          },
          "Rules": [
            {
              "RuleName": "G4.1",
              "Expression": "value <= target",
              "Properties": {
                "name": { "vi": "Tỷ số giới tính khi sinh", "en": "Sex ratio at birth" },
                "unit": "per-100",
                "unitName": { "vi": "trẻ trai/100 trẻ gái", "en": "boys per 100 girls" },
                "direction": "<=",
                "baseline": 110,
                "baselineYear": 2015,
                "target": 105,
                "targetYear": 2020,
                "lead": "congan",
                "coordinating": [ "yte" ]
              }
            }
          ]
        }
        """;

    [Fact]
    public async Task Report_for_the_second_district_alerts_its_lead_unit_and_publishes_its_own_page()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadAsync(StorageNames.RulesContainer, "kon-ray-2016-2020.workflow.json", KonRayPlan, []);
        Assert.Equal(RulesOutcome.Activated, await pipeline.Rules.ProcessAsync("kon-ray-2016-2020.workflow.json", CancellationToken.None));
        await pipeline.UploadReportAsync("congan/2019.csv", Pipeline.Csv("2019,kon-ray,G4.1,112/100,,,"));
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,"));

        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("congan/2019.csv", CancellationToken.None));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None));
        await pipeline.Get<IDashboardPublisher>().TryPublishDistrictsAsync(CancellationToken.None);

        var emails = pipeline.EmailFiles().Select(path => MimeMessage.Load(path)).ToList();
        var konRay = Assert.Single(emails, email => email.Subject!.Contains("Huyện Kon Rẫy", StringComparison.Ordinal));
        Assert.Equal(["congan@example.org"], konRay.To.Mailboxes.Select(to => to.Address));
        Assert.Single(emails, email => email.Subject!.Contains("Huyện Đăk Tô", StringComparison.Ordinal));
        var pages = await pipeline.Get<SiteStore>().ListPagesAsync(CancellationToken.None);
        Assert.Contains("kon-ray.html", pages);
        Assert.Contains("dak-to.html", pages);
        Assert.DoesNotContain("index.html", pages);
        var scorecard = await pipeline.Get<IScorecardQuery>().GetAsync("2019", "kon-ray", CancellationToken.None);
        Assert.Equal(("Huyện Kon Rẫy", "off-track"), (scorecard!.JurisdictionName, GenderPlan.Core.Domain.StatusText.Word(Assert.Single(scorecard.Results).Status)));
    }

    [Fact]
    public async Task Units_owing_the_second_districts_report_are_reminded_too()
    {
        await using var pipeline = Pipeline.Create(Azurite, now: new DateTimeOffset(2020, 11, 18, 1, 0, 0, TimeSpan.Zero));
        await pipeline.PublishRulesAsync();
        await pipeline.UploadAsync(StorageNames.RulesContainer, "kon-ray-2016-2020.workflow.json", KonRayPlan, []);
        await pipeline.Rules.ProcessAsync("kon-ray-2016-2020.workflow.json", CancellationToken.None);

        await pipeline.Reminders.RunAsync(CancellationToken.None);

        // Adding the plan was a new rules version: the coordinator's summary of it is not a reminder.
        var reminded = (await pipeline.Storage.AllAlertsAsync()).Where(alert => alert.Kind == AlertKind.Reminder)
            .Select(alert => alert.Message.To.Single().Address.Split('@')[0]).Order().ToList();
        // Kon Rẫy's communes have no committee in units.json yet, so only its departments owe it; Đăk Tô's nine
        // committees owe their communes' reports as before.
        Assert.Equal(
            ["btchu", "congan", "daitth", "gddt", "hlhpn", "ldtbxh", "noivu", "tuphap",
             "ubnd-dak-ro-nga", "ubnd-dak-tram", "ubnd-dien-binh", "ubnd-kon-dao", "ubnd-ngok-tu", "ubnd-po-ko", "ubnd-tan-canh", "ubnd-tt-dak-to", "ubnd-van-lem",
             "vhtt", "yte"],
            reminded);
    }
}
