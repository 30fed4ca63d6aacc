using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using GenderPlan.Core.Domain;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.Playwright;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// The scorecard page in a real browser (Debian's Chromium driven by Playwright): published by the workflow
/// after each scored report, opened from storage and from a file.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class ScorecardPageTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GENDERPLAN_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ChromiumArgs,
        });
    }

    public override async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task Published_period_file_leads_back_to_the_place_page_whose_choice_opens_each_period()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        foreach (var (name, period, visited) in new[] { ("2019.csv", "2019", 40), ("2020.csv", "2020", 75) })
        {
            await pipeline.UploadReportAsync($"ubnd-po-ko/{name}", Pipeline.Csv($"{period},po-ko,G4.3a,,{visited},75,"));
            Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync($"ubnd-po-ko/{name}", CancellationToken.None));
        }

        var web = pipeline.Storage.Container(StorageNames.WebsiteContainer);
        await web.SetAccessPolicyAsync(PublicAccessType.Blob);
        var page = await _browser.NewPageAsync();
        var errors = CollectErrors(page);

        await page.GotoAsync(web.GetBlobClient("po-ko-2019.html").Uri.ToString());
        Assert.Equal("off-track", await page.Locator("[data-indicator='G4.3a']").First.GetAttributeAsync("data-status"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem kỳ báo cáo khác" }).ClickAsync();
        // The place's page loaded whole, its script too: the choice of periods navigates from a listener the script adds at
        // the page's end. (Waiting for the load state alone could still find the period file's, before the link was followed.)
        await page.WaitForURLAsync(url => url.EndsWith("/po-ko.html", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Load });

        Assert.EndsWith("/po-ko.html", page.Url, StringComparison.Ordinal);
        Assert.Equal("met", await page.Locator("[data-indicator='G4.3a']").First.GetAttributeAsync("data-status"));
        // The choice leads to the period's file; choosing it navigates there (the script's listener, run by now).
        Assert.Equal("po-ko-2019.html", await page.Locator("#period option", new() { HasText = "năm 2019" }).GetAttributeAsync("value"));
        await page.WaitForFunctionAsync("document.readyState === 'complete'");
        var navigated = page.WaitForURLAsync(url => url.EndsWith("/po-ko-2019.html", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Load });
        await page.Locator("#period").SelectOptionAsync(new SelectOptionValue { Label = "năm 2019" });
        await navigated;
        Assert.Equal("off-track", await page.Locator("[data-indicator='G4.3a']").First.GetAttributeAsync("data-status"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Published_page_opens_from_storage_without_errors_and_its_goal_counts_match_the_stored_results()
    {
        await using var pipeline = await ScoredPipelineAsync();
        var web = pipeline.Storage.Container(StorageNames.WebsiteContainer);
        await web.SetAccessPolicyAsync(PublicAccessType.Blob);
        var page = await _browser.NewPageAsync();
        var errors = CollectErrors(page);

        var response = await page.GotoAsync(web.GetBlobClient("index.html").Uri.ToString());

        Assert.Equal(200, response!.Status);
        Assert.Equal("text/html; charset=utf-8", response.Headers["content-type"]);
        Assert.Empty(errors);
        var stored = await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None);
        var rules = (await pipeline.Get<ActiveRules>().GetAsync(CancellationToken.None))!;
        foreach (var goal in rules.Plans[0].Goals)
        {
            var codes = rules.Plans[0].Indicators.Where(indicator => indicator.Goal == goal.Number).Select(indicator => indicator.Code).ToHashSet();
            foreach (var status in new[] { "met", "on-track", "falling-behind", "off-track" })
            {
                var shown = await page.Locator($"#goal-summary tr[data-goal='{goal.Number}'] td[data-status='{status}']").InnerTextAsync();
                Assert.Equal(stored.Count(result => codes.Contains(result.Indicator) && result.Status.Word() == status).ToString(System.Globalization.CultureInfo.InvariantCulture), shown);
            }
        }

        // The page is made on 20 November 2019 (the test clock); the sample blob arrived today, after the deadline.
        Assert.Equal("late", await page.Locator("#reporting tr[data-unit='ldtbxh'] td[data-period='2019']").GetAttributeAsync("data-state"));
        Assert.Equal("not-due", await page.Locator("#reporting tr[data-unit='yte'] td[data-period='2019']").GetAttributeAsync("data-state"));
        // The grid starts at the first report received (2019): earlier periods went on paper, not through the product.
        Assert.Equal(0, await page.Locator("#reporting td[data-period='2019-H1']").CountAsync());
        await SaveScreenshotAsync(page);
    }

    [Fact]
    public async Task Chart_has_one_point_per_reported_period()
    {
        await using var pipeline = await ScoredPipelineAsync();
        await pipeline.UploadReportAsync("gddt/2018.csv", Pipeline.Csv("2018,dak-to,G3.1,\"96,9\",,,"));
        await pipeline.UploadReportAsync("gddt/2017-h1.csv", Pipeline.Csv("2017-H1,dak-to,G3.1,\"96,6\",,,"));
        await pipeline.Reports.ProcessAsync("gddt/2018.csv", CancellationToken.None);
        await pipeline.Reports.ProcessAsync("gddt/2017-h1.csv", CancellationToken.None);
        var page = await OpenFromFileAsync(pipeline);

        var points = page.Locator("article[data-indicator='G3.1'] circle.point");

        Assert.Equal(3, await points.CountAsync());
        Assert.Equal(["2017-H1", "2018", "2019"], await points.EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.getAttribute('data-period'))"));
        // G4.1 was reported once: one value says no more than the figure beside it, so it has no chart
        Assert.Equal(0, await page.Locator("article[data-indicator='G4.1'] figure").CountAsync());
        Assert.Equal(1, await page.Locator("article[data-indicator='G3.1'] polyline.path").CountAsync());
    }

    [Fact]
    public async Task Language_switch_shows_English_and_back_and_status_is_never_colour_alone()
    {
        await using var pipeline = await ScoredPipelineAsync();
        var page = await OpenFromFileAsync(pipeline);
        var heading = page.Locator("h1");
        Assert.Equal("Tiến độ thực hiện – Huyện Đăk Tô", (await heading.InnerTextAsync()).Trim());
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));

        await page.Locator("#lang").ClickAsync();

        Assert.Equal("Progress – Huyện Đăk Tô", (await heading.InnerTextAsync()).Trim());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("true", await page.Locator("#lang").GetAttributeAsync("aria-pressed"));
        Assert.Contains("Falling behind", await page.Locator("article[data-indicator='G3.1'] .status").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#lang").ClickAsync();
        Assert.Contains("Chậm tiến độ", await page.Locator("article[data-indicator='G3.1'] .status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("▲", await page.Locator("article[data-indicator='G3.1'] .status").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_is_readable_on_a_phone_and_passes_basic_accessibility_checks()
    {
        await using var pipeline = await ScoredPipelineAsync();
        var page = await OpenFromFileAsync(pipeline, new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });

        // No horizontal scrolling of the page itself on a phone (wide tables scroll inside their own box).
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.True(await page.Locator("h2").CountAsync() >= 3);
        Assert.Equal(0, await page.Locator("img:not([alt]), svg:not([role])").CountAsync());
        Assert.All(await page.Locator("button").AllInnerTextsAsync(), name => Assert.False(string.IsNullOrWhiteSpace(name)));
        Assert.Equal(await page.Locator("table").CountAsync(), await page.Locator("table > caption").CountAsync());
        Assert.Equal(await page.Locator("svg.chart").CountAsync(), await page.Locator("svg.chart[aria-labelledby] > title").CountAsync());
        Assert.Empty(await page.Locator("script[src], link[href^='http'], img[src^='http']").AllAsync());
        var lowContrast = await page.EvaluateAsync<string[]>(ContrastCheck);
        Assert.Empty(lowContrast);
    }

    [Fact]
    public async Task District_page_compares_the_communes_in_words_and_symbols_and_each_commune_page_shows_its_duties()
    {
        await using var pipeline = await ScoredPipelineAsync();
        await pipeline.UploadReportAsync("ubnd-tan-canh/2019.csv", Pipeline.Csv("2019,tan-canh,G3.1,90,,,", "2019,tan-canh,G4.3a,,88,100,"));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-tan-canh/2019.csv", CancellationToken.None));
        await pipeline.Get<IDashboardPublisher>().TryPublishDistrictsAsync(CancellationToken.None);   // the sweep
        var page = await OpenFromFileAsync(pipeline);

        var literacy = page.Locator("#commune-comparison tr[data-commune='tan-canh'] td[data-indicator='G3.1']");
        Assert.Equal("off-track", await literacy.GetAttributeAsync("data-status"));
        Assert.Equal(["✖ Có nguy cơ không đạt", "90%"], (await literacy.InnerTextAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("– chưa báo cáo", (await page.Locator("#commune-comparison tr[data-commune='po-ko'] td[data-indicator='G3.1']").InnerTextAsync()).Trim());
        Assert.Equal(15, await page.Locator("#commune-comparison thead th[scope='col'][data-indicator]").CountAsync());
        Assert.Equal("Tỷ lệ biết chữ độ tuổi 15-40 ở vùng sâu, vùng xa, vùng dân tộc thiểu số", (await page.Locator("#commune-comparison thead th[data-indicator='G3.1'] span[lang='vi']").InnerTextAsync()).Trim());
        Assert.Contains("1/9 xã, thị trấn; thiếu: thị trấn Đăk Tô", await page.Locator("article[data-indicator='G4.3a'] .added-up").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("late", await page.Locator("#reporting tr[data-unit='ubnd-tan-canh'] td[data-period='2019']").GetAttributeAsync("data-state"));
        Assert.Empty(await page.EvaluateAsync<string[]>(ContrastCheck));

        var commune = (await pipeline.Storage.Container(StorageNames.WebsiteContainer).GetBlobClient("tan-canh.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("Báo cáo của UBND xã Tân Cảnh", commune, StringComparison.Ordinal);
        Assert.Contains("<td><span lang=\"vi\">UBND xã Tân Cảnh</span>", commune, StringComparison.Ordinal);
        Assert.DoesNotContain("2019.csv", commune, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_page_from_report_files_opens_from_a_file()
    {
        var output = Directory.CreateTempSubdirectory("genderplan-page-").FullName;
        var rules = GenderPlan.Core.Rules.RuleBookLoader.LoadDirectory(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules")).RuleBook!;
        var card = GenderPlan.Core.Scoring.Scorer.Score(GenderPlan.Core.Reports.ReportReader.Read("dak-to-2019.csv",
            await File.ReadAllBytesAsync(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules", "samples", "dak-to-2019.csv")), rules).Report!);
        var input = GenderPlan.Documents.Dashboard.OfflineDashboard.Build(rules, rules.Plans[0], "dak-to", [card], DateTimeOffset.UtcNow, new DateOnly(2020, 1, 1));
        await File.WriteAllTextAsync(Path.Combine(output, "index.html"), GenderPlan.Documents.Dashboard.DashboardRenderer.Render(input));
        var page = await _browser.NewPageAsync();
        var errors = CollectErrors(page);

        await page.GotoAsync(new Uri(Path.Combine(output, "index.html")).AbsoluteUri);

        Assert.Empty(errors);
        // One report: a single value per indicator, shown as a figure with no chart.
        Assert.Equal(0, await page.Locator("svg.chart").CountAsync());
        Assert.Contains("97,2%", await page.Locator("article[data-indicator='G3.1']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("dak-to-2019.csv", await page.Locator("ul.files").InnerTextAsync(), StringComparison.Ordinal);
    }

    private async Task<Pipeline> ScoredPipelineAsync()
    {
        var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("ldtbxh/dak-to-2019.csv", await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules", "samples", "dak-to-2019.csv")));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ldtbxh/dak-to-2019.csv", CancellationToken.None));
        return pipeline;
    }

    private async Task<IPage> OpenFromFileAsync(Pipeline pipeline, BrowserNewPageOptions? options = null)
    {
        var html = (await pipeline.Storage.Container(StorageNames.WebsiteContainer).GetBlobClient("index.html").DownloadContentAsync()).Value.Content.ToString();
        var path = Path.Combine(Directory.CreateTempSubdirectory("genderplan-page-").FullName, "index.html");
        await File.WriteAllTextAsync(path, html);
        var page = await _browser.NewPageAsync(options);
        var errors = CollectErrors(page);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        Assert.Empty(errors);
        return page;
    }

    private static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add("request failed: " + request.Url);
        return errors;
    }

    private static async Task SaveScreenshotAsync(IPage page)
    {
        var directory = Path.Combine(AzuriteFixture.RepositoryRoot, "artifacts");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, "scorecard.png"), FullPage = true });
    }

    /// <summary>Text elements whose colour against white is below WCAG AA (4.5:1).</summary>
    private const string ContrastCheck = """
        () => {
          const lum = c => { const v = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
          const bad = [];
          for (const el of document.querySelectorAll('h1,h2,h3,h4,p,td,th,dt,dd,figcaption,caption,a,button,li')) {
            if (!el.offsetParent && el.tagName !== 'BODY') continue;
            const fg = lum(getComputedStyle(el).color);
            const ratio = (1 + 0.05) / (fg + 0.05);
            if (ratio < 4.5) bad.push(el.tagName + ': ' + el.textContent.trim().slice(0, 40) + ' ' + ratio.toFixed(2));
          }
          return bad;
        }
        """;
}
