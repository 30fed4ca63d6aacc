using System.Net;
using System.Text;
using System.Text.Json;
using GenderPlan.Core.Reports;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// The upload API over real HTTP against Azurite, every answer the page relies on: accepted and scored,
/// refused with the rows to fix, wrong links, too large, the same file twice, a rotated link, throttling.
/// </summary>
public sealed class UploadApiTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    private const string Sample = "dak-to-2019.csv";

    private static byte[] BadSample() =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(UploadHost.Sample(Sample)).Replace("\"25,9\"", "hai mươi", StringComparison.Ordinal));

    [Fact]
    public async Task Valid_report_is_stored_under_the_links_unit_answered_202_and_then_scored()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var token = await host.TokenForAsync("yte");

        using var response = await host.PostAsync("yte", token, Sample, UploadHost.SampleLedBy(Sample, "yte"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        Assert.Equal("2019", accepted.GetProperty("period").GetString());
        Assert.Equal("dak-to", accepted.GetProperty("jurisdiction").GetString());
        Assert.Equal(["yte/dak-to-2019.csv"], await host.StoredReportsAsync());
        var blob = await host.Services.GetRequiredService<ReportStore>().FindAsync("yte/dak-to-2019.csv", CancellationToken.None);
        Assert.Equal("yte", blob!.Metadata["uploadedby"]);

        var done = await host.WaitUntilDoneAsync(accepted.GetProperty("upload").GetString()!, token);
        Assert.Equal("scored", done.GetProperty("status").GetString());
        var results = done.GetProperty("results").EnumerateArray().ToList();
        var scorecard = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/api/scorecard/2019/dak-to", UriKind.Relative))).RootElement;
        Assert.Equal(scorecard.GetProperty("results").GetArrayLength(), results.Count);
        Assert.Equal(accepted.GetProperty("indicators").GetInt32(), results.Count);
        var births = results.Single(result => result.GetProperty("indicator").GetString() == "G4.1");
        Assert.Equal("off-track", births.GetProperty("status").GetString());
        Assert.Equal("yte", births.GetProperty("unit").GetString());
        Assert.Contains("108", births.GetProperty("explanation").GetProperty("vi").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_report_is_answered_422_with_row_column_and_indicator_in_the_callers_language_and_nothing_is_stored()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var token = await host.TokenForAsync("ldtbxh");

        using var vietnamese = await host.PostAsync("ldtbxh", token, Sample, BadSample());
        using var english = await host.PostAsync("ldtbxh", token, Sample, BadSample(), "en-GB,en;q=0.9");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, vietnamese.StatusCode);
        var error = JsonDocument.Parse(await vietnamese.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("E", error.GetProperty("column").GetString());
        Assert.Equal("G1.1a.commune", error.GetProperty("indicator").GetString());
        var englishError = JsonDocument.Parse(await english.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray().Single();
        Assert.NotEqual(error.GetProperty("message").GetString(), englishError.GetProperty("message").GetString());
        Assert.Contains("hai mươi", englishError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await host.StoredReportsAsync());
    }

    [Fact]
    public async Task Missing_or_wrong_token_is_401_another_units_token_is_403_and_nothing_is_stored()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var health = await host.TokenForAsync("yte");
        var wrong = await host.TokenForAsync("yte") is var other ? other[..^1] + (other[^1] == 'A' ? 'B' : 'A') : "";

        using var missing = await host.PostAsync("yte", null, Sample, UploadHost.Sample(Sample));
        using var invalid = await host.PostAsync("yte", wrong, Sample, UploadHost.Sample(Sample));
        using var otherUnit = await host.PostAsync("gddt", health, Sample, UploadHost.Sample(Sample));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherUnit.StatusCode);
        Assert.Contains("đơn vị khác", JsonDocument.Parse(await otherUnit.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await host.StoredReportsAsync());
    }

    [Fact]
    public async Task Coordinators_link_sends_for_any_unit_and_is_recorded_as_the_uploader()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var coordinator = await host.TokenForAsync("ldtbxh");

        // Sent for gddt, the file is gddt's: the figures gddt leads.
        using var response = await host.PostAsync("gddt", coordinator, Sample, UploadHost.SampleLedBy(Sample, "gddt"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var blob = await host.Services.GetRequiredService<ReportStore>().FindAsync("gddt/dak-to-2019.csv", CancellationToken.None);
        Assert.Equal("ldtbxh", blob!.Metadata["uploadedby"]);
    }

    [Fact]
    public async Task File_over_5_MB_is_answered_413_and_nothing_is_stored()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var token = await host.TokenForAsync("yte");

        using var response = await host.PostAsync("yte", token, "big.csv", new byte[ReportLimits.MaxBytes + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("5 MB", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await host.StoredReportsAsync());
    }

    [Fact]
    public async Task The_same_file_sent_twice_is_kept_twice_and_each_upload_is_scored()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var token = await host.TokenForAsync("yte");

        using var first = await host.PostAsync("yte", token, Sample, UploadHost.SampleLedBy(Sample, "yte"));
        using var second = await host.PostAsync("yte", token, Sample, UploadHost.SampleLedBy(Sample, "yte"));

        var firstId = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("upload").GetString()!;
        var secondId = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("upload").GetString()!;
        Assert.NotEqual(firstId, secondId);
        Assert.Equal(["yte/dak-to-2019 (2).csv", "yte/dak-to-2019.csv"], (await host.StoredReportsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal("scored", (await host.WaitUntilDoneAsync(firstId, token)).GetProperty("status").GetString());
        Assert.Equal("scored", (await host.WaitUntilDoneAsync(secondId, token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Rotated_link_stops_working_at_once_and_the_new_one_works()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var old = await host.TokenForAsync("yte");
        var tokens = host.Services.GetRequiredService<UploadTokenStore>();

        Assert.Equal(1, await tokens.RevokeAsync("yte", CancellationToken.None));
        var fresh = (await tokens.IssueAsync("yte", UploadTokenStore.StandingPurpose, null, CancellationToken.None)).Token;
        using var withOld = await host.PostAsync("yte", old, Sample, UploadHost.Sample(Sample));
        using var withNew = await host.PostAsync("yte", fresh, Sample, UploadHost.SampleLedBy(Sample, "yte"));

        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, withNew.StatusCode);
    }

    [Fact]
    public async Task An_upload_is_followed_only_with_its_units_or_the_coordinators_link()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var health = await host.TokenForAsync("yte");
        using var response = await host.PostAsync("yte", health, Sample, UploadHost.SampleLedBy(Sample, "yte"));
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("upload").GetString()!;

        var (byOther, _) = await host.StatusAsync(id, await host.TokenForAsync("gddt"));
        var (byCoordinator, _) = await host.StatusAsync(id, await host.TokenForAsync("ldtbxh"));
        var (byOwner, _) = await host.StatusAsync(id, health);

        Assert.Equal(HttpStatusCode.NotFound, byOther);
        Assert.Equal(HttpStatusCode.OK, byCoordinator);
        Assert.Equal(HttpStatusCode.OK, byOwner);
    }

    [Fact]
    public async Task A_good_link_still_works_after_twenty_wrong_guesses_from_the_same_address_and_only_further_guesses_are_refused()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var good = await host.TokenForAsync("yte");

        var guesses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 21; attempt++)
        {
            guesses.Add(await UploadHost.GuessAsync(host.Http, "yte"));
        }

        using var page = await host.Http.GetAsync(new Uri($"/upload?unit=yte&token={good}", UriKind.Relative));
        using var sent = await host.PostAsync("yte", good, Sample, UploadHost.SampleLedBy(Sample, "yte"));
        var guessAfterwards = await UploadHost.GuessAsync(host.Http, "yte");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 20), HttpStatusCode.TooManyRequests], guesses);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, guessAfterwards);
    }

    [Fact]
    public async Task Forged_forwarded_address_from_a_caller_that_is_not_the_front_end_neither_evades_the_limit_nor_locks_that_address_out()
    {
        await using var host = await UploadHost.StartAsync(Azurite, maxFailedChecks: 3, settings: new Dictionary<string, string?>
        {
            ["GenderPlan:Uploads:ClientAddressHeader"] = "X-Forwarded-For",
            ["GenderPlan:Uploads:KnownProxies:0"] = "10.9.9.9",
        });
        using var victim = host.ClientFrom("127.0.0.2");

        // A new address in the header each time, and then the victim's.
        var rotated = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            rotated.Add(await UploadHost.GuessAsync(host.Http, "yte", $"203.0.113.{attempt + 1}"));
        }

        rotated.Add(await UploadHost.GuessAsync(host.Http, "yte", "127.0.0.2"));
        var victimsMistake = await UploadHost.GuessAsync(victim, "yte");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], rotated);
        Assert.Equal(HttpStatusCode.Unauthorized, victimsMistake);
    }

    [Fact]
    public async Task Behind_the_known_front_end_each_forwarded_address_has_its_own_limit()
    {
        await using var host = await UploadHost.StartAsync(Azurite, maxFailedChecks: 3, settings: new Dictionary<string, string?>
        {
            ["GenderPlan:Uploads:ClientAddressHeader"] = "X-Forwarded-For",
            ["GenderPlan:Uploads:KnownProxies:0"] = "127.0.0.0/8",
        });

        var guesser = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            // What the caller wrote first, then the address the front end added (with its port, as App Service adds it).
            guesser.Add(await UploadHost.GuessAsync(host.Http, "yte", $"198.51.100.{attempt + 1}, 203.0.113.5:51000"));
        }

        var neighbour = await UploadHost.GuessAsync(host.Http, "yte", "203.0.113.6");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], guesser);
        Assert.Equal(HttpStatusCode.Unauthorized, neighbour);
    }

    [Fact]
    public async Task Pages_and_apis_that_carry_a_link_are_never_cached_framed_or_sent_on_as_a_referrer()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var good = await host.TokenForAsync("yte");
        var coordinator = await host.TokenForAsync("ldtbxh");

        using var page = await host.Http.GetAsync(new Uri($"/upload?unit=yte&token={good}", UriKind.Relative));
        using var refused = await host.Http.GetAsync(new Uri("/upload?unit=yte&token=wrong", UriKind.Relative));
        using var rules = await host.Http.GetAsync(new Uri($"/rules?token={coordinator}", UriKind.Relative));
        using var sent = await host.PostAsync("yte", good, Sample, UploadHost.SampleLedBy(Sample, "yte"));
        using var status = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/uploads/nothing-here", UriKind.Relative));
        status.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", good);
        using var followed = await host.Http.SendAsync(status);
        using var preview = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/rules/preview", UriKind.Relative)) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        preview.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", coordinator);
        using var previewed = await host.Http.SendAsync(preview);

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.NotFound, HttpStatusCode.OK],
            new[] { page, refused, rules, sent, followed, previewed }.Select(response => response.StatusCode));
        foreach (var response in new[] { page, refused, rules, sent, followed, previewed })
        {
            var where = response.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{where}: Cache-Control {response.Headers.CacheControl}");
            Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
            Assert.Contains(response.Headers.GetValues("Content-Security-Policy"), policy => policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Public_commune_page_names_the_unit_and_the_date_but_never_the_uploaded_files_name()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var committee = await host.TokenForAsync("ubnd-tan-canh");
        const string PrivateName = "Nguyễn Văn A 0912345678.csv";
        var report = Encoding.UTF8.GetBytes("period,jurisdiction,indicator,value,numerator,denominator,note\n2019,tan-canh,G3.1,90,,,\n");

        using var sent = await host.PostAsync("ubnd-tan-canh", committee, PrivateName, report);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var id = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.GetProperty("upload").GetString()!;
        Assert.Equal("scored", (await host.WaitUntilDoneAsync(id, committee)).GetProperty("status").GetString());
        await host.Services.GetRequiredService<GenderPlan.Workflow.Application.IDashboardPublisher>().TryPublishDistrictsAsync(CancellationToken.None);

        var published = (await Azurite.Storage.Container(StorageNames.WebsiteContainer).GetBlobClient("tan-canh.html").DownloadContentAsync()).Value.Content.ToString();
        var live = await host.Http.GetStringAsync(new Uri("/api/page/tan-canh", UriKind.Relative));
        var district = await host.Http.GetStringAsync(new Uri("/api/page/dak-to", UriKind.Relative));
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var html in new[] { published, live, district })
        {
            Assert.DoesNotContain("0912345678", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Nguyễn Văn A", html, StringComparison.Ordinal);
        }

        var sentTable = System.Text.RegularExpressions.Regex.Match(live, "<table class=\"sent\" id=\"sent\">(.*?)</table>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("UBND xã Tân Cảnh", sentTable, StringComparison.Ordinal);
        Assert.Contains(today, sentTable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_downloads_as_a_workbook_and_as_csv_with_every_indicator()
    {
        await using var host = await UploadHost.StartAsync(Azurite);

        var xlsx = await host.Http.GetByteArrayAsync(new Uri("/api/template?format=xlsx&period=2019", UriKind.Relative));
        var csv = await host.Http.GetStringAsync(new Uri("/api/template?format=csv&period=2019&jurisdiction=dak-to", UriKind.Relative));

        Assert.Equal((byte)'P', xlsx[0]);
        Assert.Equal((byte)'K', xlsx[1]);
        Assert.Equal(29, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("2019,dak-to,G4.1,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commune_committee_gets_its_communes_template_and_is_refused_at_once_when_sending_the_districts_report()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var committee = await host.TokenForAsync("ubnd-tan-canh");

        var page = await host.Http.GetStringAsync(new Uri($"/upload?unit=ubnd-tan-canh&token={committee}", UriKind.Relative));
        var template = await host.Http.GetStringAsync(new Uri("/api/template?format=csv&jurisdiction=tan-canh", UriKind.Relative));
        using var district = await host.PostAsync("ubnd-tan-canh", committee, Sample, UploadHost.Sample(Sample));

        Assert.Contains("/api/template?format=xlsx&amp;jurisdiction=tan-canh", page, StringComparison.Ordinal);
        var rows = template.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.All(rows, row => Assert.Contains(",tan-canh,", row, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains("G1.1a.district", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, district.StatusCode);
        var error = JsonDocument.Parse(await district.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray().Single();
        Assert.Contains("chỉ báo cáo cho xã, thị trấn của mình", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await host.StoredReportsAsync());
    }
}
