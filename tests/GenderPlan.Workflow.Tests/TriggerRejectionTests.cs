using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// A report refused by the trigger (put in storage without the page's check) is followed on the upload page
/// exactly as one the page refused: each problem with its row, column and indicator, in the caller's language.
/// And every answer of the rules API follows <c>Accept-Language</c>.
/// </summary>
public sealed class TriggerRejectionTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    private const string Sample = "dak-to-2019.csv";

    private static byte[] BadSample() =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(UploadHost.Sample(Sample)).Replace("\"25,9\"", "hai mươi", StringComparison.Ordinal));

    [Theory]
    [InlineData(null)]
    [InlineData("en-GB,en;q=0.9")]
    public async Task Report_refused_by_the_trigger_shows_row_column_and_indicator_as_the_page_does(string? language)
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var token = await host.TokenForAsync("ldtbxh");
        using var page = await host.PostAsync("ldtbxh", token, Sample, BadSample(), language);
        var refusedByPage = JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

        var blob = await host.Services.GetRequiredService<ReportStore>().AddAsync("ldtbxh", Sample, BadSample(), "ldtbxh", CancellationToken.None);
        var id = UploadLog.KeyOf(StorageNames.ReportsContainer, blob.Name, blob.ETag);
        await host.Services.GetRequiredService<WebUploadStore>().RecordAsync(
            new WebUpload(id, "ldtbxh", "ldtbxh", blob.Name, "2019", "dak-to", 0, blob.LastModified), CancellationToken.None);
        var done = await host.WaitUntilDoneAsync(id, token, language);

        Assert.Equal("rejected", done.GetProperty("status").GetString());
        var error = Assert.Single(done.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("E", error.GetProperty("column").GetString());
        Assert.Equal("G1.1a.commune", error.GetProperty("indicator").GetString());
        Assert.Equal(refusedByPage.GetRawText(), done.GetProperty("errors").GetRawText());
        var row = await host.Services.GetRequiredService<UploadLog>().FindAsync(StorageNames.ReportsContainer, id, CancellationToken.None);
        Assert.Equal((1, 0), (row!.ProblemCount, row.Problems().More));
        Assert.Null(row.ReportKey);
    }

    [Theory]
    [InlineData(null, "Chỉ Phòng Lao động - Thương binh và Xã hội được")]
    [InlineData("en-US,en;q=0.8", "Only Labour, Invalids and Social Affairs Division may")]
    public async Task Rules_api_refuses_another_units_change_in_the_callers_language(string? language, string words)
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var health = await host.TokenForAsync("yte");

        using var apply = await host.Http.SendAsync(RulesRequest("/api/rules/apply", health, "{\"indicators\":[{\"code\":\"G3.1\",\"target\":\"50\"}]}", language));

        Assert.Equal(HttpStatusCode.Forbidden, apply.StatusCode);
        Assert.StartsWith(words, JsonDocument.Parse(await apply.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "không phải là một số")]
    [InlineData("en", "is not a number")]
    public async Task Rules_api_words_a_bad_edit_in_the_callers_language(string? language, string words)
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var coordinator = await host.TokenForAsync("ldtbxh");

        using var apply = await host.Http.SendAsync(RulesRequest("/api/rules/apply", coordinator, "{\"indicators\":[{\"code\":\"G3.1\",\"target\":\"chín mươi\"}]}", language));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, apply.StatusCode);
        var message = Assert.Single(JsonDocument.Parse(await apply.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString();
        Assert.Contains(words, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "không phải là kỳ báo cáo")]
    [InlineData("en", "is not a period")]
    public async Task Scorecard_api_refuses_a_bad_period_in_the_callers_language(string? language, string words)
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/scorecard/20x9/dak-to", UriKind.Relative));
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(words, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage RulesRequest(string path, string token, string json, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return request;
    }
}
