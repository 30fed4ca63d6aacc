using GenderPlan.Core.Domain;
using GenderPlan.Documents.ProvinceReports;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// An archived plan (<c>"archived": true</c>, or past its last deadline) beside an active one in one deployment: both
/// are scored, shown and reported, each under its own name; only the active one chases its units.
/// </summary>
public sealed class ArchivedPlanTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    // Another district's plan, led by the police (congan), who lead nothing in Đăk Tô's plan: whoever congan is
    // reminded for, it is this plan.
    private static string KonRayPlan(int start, int end) => $$"""
        {
          "WorkflowName": "kon-ray-{{start}}-{{end}}",
          "Plan": {
            "name": { "vi": "Kế hoạch bình đẳng giới huyện Kon Rẫy giai đoạn {{start}}-{{end}}", "en": "Kon Rẫy gender-equality plan {{start}}-{{end}}" },
            "startYear": {{start}},
            "endYear": {{end}},
            "coordinator": "noivu",
            "deadlines": { "firstHalf": "06-15", "annual": "11-25" },
            "district": "kon-ray",
            "jurisdictions": [ { "id": "kon-ray", "name": "Huyện Kon Rẫy" } ]
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
                "baseline": 112,
                "baselineYear": {{start - 1}},
                "target": 109,
                "targetYear": {{end}},
                "lead": "congan"
              }
            }
          ]
        }
        """;

    [Theory]
    // A week before the annual deadline: reminders; the day after it: overdue notices. Đăk Tô's plan covers 2020 but is
    // archived, so only Kon Rẫy's lead is chased; unmarked, Đăk Tô's departments and committees would be too.
    [InlineData("2020-11-18", AlertKind.Reminder)]
    [InlineData("2020-11-26", AlertKind.Overdue)]
    public async Task Archived_plan_chases_nobody_while_the_active_plan_chases_its_units(string today, AlertKind kind)
    {
        await using var pipeline = Pipeline.Create(Azurite, now: Morning(today));
        await pipeline.PublishRulesAsync(PlanEdits.ShippedWithPlan("archived", true));
        await ActivateAsync(pipeline, KonRayPlan(2016, 2020));

        await pipeline.Reminders.RunAsync(CancellationToken.None);

        var chased = (await pipeline.Storage.AllAlertsAsync()).Where(alert => alert.Kind == kind).ToList();
        Assert.Equal(["congan@example.org"], chased.SelectMany(alert => alert.Message.To).Select(to => to.Address));
    }

    [Fact]
    public async Task The_same_plan_unmarked_chases_its_units()
    {
        await using var pipeline = Pipeline.Create(Azurite, now: Morning("2020-11-18"));
        await pipeline.PublishRulesAsync();
        await ActivateAsync(pipeline, KonRayPlan(2016, 2020));

        await pipeline.Reminders.RunAsync(CancellationToken.None);

        var reminded = (await pipeline.Storage.AllAlertsAsync()).Where(alert => alert.Kind == AlertKind.Reminder).SelectMany(alert => alert.Message.To).Select(to => to.Address).ToList();
        Assert.Contains("congan@example.org", reminded);
        Assert.Contains("yte@example.org", reminded);
    }

    [Fact]
    public async Task A_plan_past_its_last_deadline_chases_nobody_though_unmarked()
    {
        // 2021-11-18: Đăk Tô's 2016-2020 plan is over by its years alone; the 2021-2030 plan reminds its lead.
        await using var pipeline = Pipeline.Create(Azurite, now: Morning("2021-11-18"));
        await pipeline.PublishRulesAsync();
        await ActivateAsync(pipeline, KonRayPlan(2021, 2030));

        await pipeline.Reminders.RunAsync(CancellationToken.None);

        var reminded = (await pipeline.Storage.AllAlertsAsync()).Where(alert => alert.Kind == AlertKind.Reminder).SelectMany(alert => alert.Message.To).Select(to => to.Address);
        Assert.Equal(["congan@example.org"], reminded);
    }

    [Fact]
    public async Task Archived_and_active_plans_are_both_scored_and_their_pages_and_province_reports_name_each_plan()
    {
        await using var pipeline = Pipeline.Create(Azurite, now: Morning("2022-12-01"));
        await pipeline.PublishRulesAsync(PlanEdits.ShippedWithPlan("archived", true));
        await ActivateAsync(pipeline, KonRayPlan(2021, 2030));
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,"));
        await pipeline.UploadReportAsync("congan/2022.csv", Pipeline.Csv("2022,kon-ray,G4.1,111/100,,,"));

        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("congan/2022.csv", CancellationToken.None));
        await pipeline.Get<IDashboardPublisher>().TryPublishDistrictsAsync(CancellationToken.None);

        var site = pipeline.Get<SiteStore>();
        var dakTo = System.Text.Encoding.UTF8.GetString(await site.ReadFileAsync("dak-to.html", CancellationToken.None));
        var konRay = System.Text.Encoding.UTF8.GetString(await site.ReadFileAsync("kon-ray.html", CancellationToken.None));
        Assert.Contains("Kế hoạch hành động bình đẳng giới huyện Đăk Tô giai đoạn 2016-2020", dakTo, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch bình đẳng giới huyện Kon Rẫy giai đoạn 2021-2030", konRay, StringComparison.Ordinal);
        Assert.DoesNotContain("Kon Rẫy", dakTo, StringComparison.Ordinal);

        var reports = pipeline.Get<ProvinceReportService>();
        var (archived, _) = await reports.BuildAsync(Period.Annual(2019), "dak-to", CancellationToken.None);
        var (active, _) = await reports.BuildAsync(Period.Annual(2022), "kon-ray", CancellationToken.None);
        Assert.Equal(("dak-to-2016-2020", "kon-ray-2021-2030"), (archived!.Plan.Id, active!.Plan.Id));
        Assert.Contains("huyện Đăk Tô giai đoạn 2016-2020", ReportText.Opening(archived, "Phòng Lao động"), StringComparison.Ordinal);
        Assert.Contains("huyện Kon Rẫy giai đoạn 2021-2030", ReportText.Opening(active, "Phòng Nội vụ"), StringComparison.Ordinal);
    }

    private static async Task ActivateAsync(Pipeline pipeline, string workflow)
    {
        var name = System.Text.Json.Nodes.JsonNode.Parse(workflow)!["WorkflowName"]!.GetValue<string>() + ".workflow.json";
        await pipeline.UploadAsync(StorageNames.RulesContainer, name, workflow, []);
        Assert.Equal(RulesOutcome.Activated, await pipeline.Rules.ProcessAsync(name, CancellationToken.None));
    }

    private static DateTimeOffset Morning(string date) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(1, 0), TimeSpan.Zero);
}
