using GenderPlan.Documents.ProvinceReports;
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
            "coordinator": "ldtbxh",
            "deadlines": { "firstHalf": "06-15", "annual": "11-25" },
            "district": "kon-ray",
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
        var konRay = Assert.Single(emails, email => email.TextBody!.Contains("tại huyện Kon Rẫy", StringComparison.Ordinal));
        Assert.Equal(["congan@example.org"], konRay.To.Mailboxes.Select(to => to.Address));
        Assert.Single(emails, email => email.TextBody!.Contains("tại huyện Đăk Tô", StringComparison.Ordinal));
        var pages = await pipeline.Get<SiteStore>().ListPagesAsync(CancellationToken.None);
        Assert.Contains("kon-ray.html", pages);
        Assert.Contains("dak-to.html", pages);
        // With plans of two places the home page lists the plans, each linking its place's page.
        var home = System.Text.Encoding.UTF8.GetString(await pipeline.Get<SiteStore>().ReadFileAsync("index.html", CancellationToken.None));
        Assert.Contains("href=\"kon-ray.html\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"dak-to.html\"", home, StringComparison.Ordinal);
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

    // A later plan with everything a plan decides set otherwise: its years (2021-2025, baselines of 2020), its
    // deadlines (30 June and 15 December) and its coordinator (the Home Affairs office, noivu).
    private static readonly string KonRayLaterPlan = KonRayPlan
        .Replace("kon-ray-2016-2020", "kon-ray-2021-2025", StringComparison.Ordinal)
        .Replace("giai đoạn 2016-2020", "giai đoạn 2021-2025", StringComparison.Ordinal)
        .Replace("action plan 2016-2020", "action plan 2021-2025", StringComparison.Ordinal)
        .Replace("\"startYear\": 2016,", "\"startYear\": 2021, \"baselineYear\": 2020,", StringComparison.Ordinal)
        .Replace("\"firstHalf\": \"06-15\", \"annual\": \"11-25\"", "\"firstHalf\": \"06-30\", \"annual\": \"12-15\"", StringComparison.Ordinal)
        .Replace("\"endYear\": 2020,", "\"endYear\": 2025,", StringComparison.Ordinal)
        .Replace("\"coordinator\": \"ldtbxh\",", "\"coordinator\": \"noivu\",", StringComparison.Ordinal)
        .Replace("\"baselineYear\": 2015,", "\"baselineYear\": 2020,", StringComparison.Ordinal)
        .Replace("\"targetYear\": 2020,", "\"targetYear\": 2025,", StringComparison.Ordinal);

    [Theory]
    // A week before its own deadlines the later plan's units are reminded; a week before the first plan's, nobody is.
    [InlineData("2021-12-08", "15/12/2021", true)]
    [InlineData("2021-06-23", "30/6/2021", true)]
    [InlineData("2021-11-18", null, false)]
    [InlineData("2021-06-08", null, false)]
    public async Task Later_plan_reminds_its_units_on_its_own_deadlines(string today, string? deadline, bool reminded)
    {
        var now = new DateTimeOffset(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(1, 0), TimeSpan.Zero);
        await using var pipeline = Pipeline.Create(Azurite, now: now);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadAsync(StorageNames.RulesContainer, "kon-ray-2021-2025.workflow.json", KonRayLaterPlan, []);
        Assert.Equal(RulesOutcome.Activated, await pipeline.Rules.ProcessAsync("kon-ray-2021-2025.workflow.json", CancellationToken.None));

        await pipeline.Reminders.RunAsync(CancellationToken.None);

        var reminders = (await pipeline.Storage.AllAlertsAsync()).Where(alert => alert.Kind == AlertKind.Reminder).ToList();
        if (!reminded)
        {
            Assert.Empty(reminders);
            return;
        }

        // Only the later plan's departments owe a 2021 report: the first plan ended in 2020.
        Assert.Equal(["congan"], reminders.Select(alert => alert.Message.To.Single().Address.Split('@')[0]));
        Assert.All(reminders, alert => Assert.Contains(deadline!, alert.Message.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Later_plans_report_alerts_copy_its_own_coordinator_and_its_province_report_heads_its_own_years()
    {
        await using var pipeline = Pipeline.Create(Azurite, now: new DateTimeOffset(2022, 12, 1, 1, 0, 0, TimeSpan.Zero));
        await pipeline.PublishRulesAsync();
        await pipeline.UploadAsync(StorageNames.RulesContainer, "kon-ray-2021-2025.workflow.json", KonRayLaterPlan, []);
        await pipeline.Rules.ProcessAsync("kon-ray-2021-2025.workflow.json", CancellationToken.None);
        await pipeline.UploadReportAsync("congan/2022.csv", Pipeline.Csv("2022,kon-ray,G4.1,112/100,,,"));

        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("congan/2022.csv", CancellationToken.None));

        var alert = MimeMessage.Load(Assert.Single(pipeline.EmailFiles(), path => Path.GetFileName(path).StartsWith("alert-", StringComparison.Ordinal)));
        Assert.Equal(["congan@example.org"], alert.To.Mailboxes.Select(to => to.Address));
        Assert.Equal(["noivu@example.org", "yte@example.org"], alert.Cc.Mailboxes.Select(cc => cc.Address).Order());
        var plan = (await pipeline.Get<ActiveRules>().GetAsync(CancellationToken.None))!.Plans.Single(found => found.Id == "kon-ray-2021-2025");
        Assert.Equal("Năm 2020", XlsxReportWriter.IndicatorColumns(plan)[3]);
        Assert.EndsWith("đến năm 2025", IndicatorSentence.Target(plan.FindIndicator("G4.1")!), StringComparison.Ordinal);
    }
}
