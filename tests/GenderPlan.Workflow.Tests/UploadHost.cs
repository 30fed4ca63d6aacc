using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Rules;
using GenderPlan.Documents.Reports;
using GenderPlan.Workflow.Hosting;
using GenderPlan.Workflow.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// <c>genderplan serve --http</c>'s host on a free port over the test Azurite, with the repository's rules
/// active: what the upload page and its API are tested against, over real HTTP.
/// </summary>
internal sealed class UploadHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UploadHost(WebApplication app, string address, string outbox)
    {
        _app = app;
        Outbox = outbox;
        BaseUrl = $"http://{address}";
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public string BaseUrl { get; }

    /// <summary>Where the emails are written (the pickup folder).</summary>
    public string Outbox { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="azurite">The test Azurite.</param>
    /// <param name="maxFailedChecks">Wrong links allowed per address.</param>
    /// <param name="settings">Settings over the defaults.</param>
    /// <param name="districtWorkflow">The district plan's workflow file in place of the shipped one (a plan header changed), or null.</param>
    public static async Task<UploadHost> StartAsync(
        AzuriteFixture azurite, int maxFailedChecks = 20, IReadOnlyDictionary<string, string?>? settings = null, string? districtWorkflow = null)
    {
        var address = $"127.0.0.1:{FreePort()}";
        var outbox = Directory.CreateTempSubdirectory("genderplan-upload-outbox-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["GenderPlan:Email:PickupDirectory"] = outbox,
            ["GenderPlan:Local:PollInterval"] = "00:00:00.200",
            ["GenderPlan:Uploads:MaxFailedChecks"] = maxFailedChecks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GenderPlan:Uploads:PublicUrl"] = $"http://{address}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = LocalHost.Build(all, address, LogLevel.Warning);
        await azurite.Storage.EnsureCreatedAsync(CancellationToken.None);
        // The district's plan with the shipped units and places: the pages and links people use in these tests are the
        // 2016-2020 plan's (MergedCommunePlanTests runs the commune's 2021-2030 plan beside it).
        var sources = RuleSource.FromDirectory(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules")).Where(source => !source.IsWorkflow || source.Name == "dak-to-2016-2020.workflow.json")
            .Select(source => districtWorkflow is not null && source.IsWorkflow ? source with { Content = System.Text.Encoding.UTF8.GetBytes(districtWorkflow) } : source)
            .ToList();
        await app.Services.GetRequiredService<RuleSetStore>().PublishAsync(sources, author: null, CancellationToken.None);
        await app.Services.GetRequiredService<GenderPlan.Workflow.Application.RulesIntake>().RequireActiveAsync(CancellationToken.None);
        await app.StartAsync();
        return new UploadHost(app, address, outbox);
    }

    /// <summary>
    /// A client whose connections come from <paramref name="localAddress"/> (any of 127.0.0.0/8 on Linux): another
    /// machine, as far as the host can tell.
    /// </summary>
    public HttpClient ClientFrom(string localAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = new Uri(BaseUrl) };

    /// <summary>A wrong guess at <paramref name="unit"/>'s link, sent by <paramref name="client"/> with <paramref name="forwardedFor"/> as <c>X-Forwarded-For</c> when given.</summary>
    public static async Task<HttpStatusCode> GuessAsync(HttpClient client, string unit, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/upload?unit={unit}&token={new string('A', 43)}", UriKind.Relative));
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A new standing link's token for <paramref name="unit"/>, as <c>genderplan links</c> makes it.</summary>
    public async Task<string> TokenForAsync(string unit) =>
        (await Services.GetRequiredService<UploadTokenStore>().IssueAsync(unit, UploadTokenStore.StandingPurpose, null, CancellationToken.None)).Token;

    /// <summary>Sends <paramref name="content"/> as the page does.</summary>
    public async Task<HttpResponseMessage> PostAsync(string unit, string? token, string fileName, byte[] content, string? language = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/reports?unit={Uri.EscapeDataString(unit)}", UriKind.Relative)) { Content = form };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>The status of an upload, as the page polls it.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> StatusAsync(string id, string token, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/uploads/{id}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Polls until the upload is scored or rejected; fails after a minute.</summary>
    public async Task<JsonElement> WaitUntilDoneAsync(string id, string token, string? language = null)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await StatusAsync(id, token, language);
            Assert.Equal(HttpStatusCode.OK, status);
            if (body.GetProperty("status").GetString() != "queued")
            {
                return body;
            }

            Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), "the upload was not scored within a minute");
            await Task.Delay(200);
        }
    }

    /// <summary>The names of every blob in <c>reports/</c>.</summary>
    public async Task<IReadOnlyList<string>> StoredReportsAsync() =>
        (await Services.GetRequiredService<ReportStore>().ListAsync(CancellationToken.None)).Select(blob => blob.Name).ToList();

    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules", "samples", name));

    /// <summary>
    /// The rows of the district sample that <paramref name="unit"/> leads: the file a department may send (the whole
    /// sample is the coordinator's to send).
    /// </summary>
    public static byte[] SampleLedBy(string name, string unit)
    {
        var plan = RuleBookLoader.LoadDirectory(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules")).RuleBook!.Plans[0];
        var lines = System.Text.Encoding.UTF8.GetString(Sample(name)).Split('\n');
        var led = lines.Skip(1).Where(line => line.Split(',') is { Length: > 2 } cells && plan.FindIndicator(cells[2])?.Lead == unit);
        return System.Text.Encoding.UTF8.GetBytes(string.Join('\n', [lines[0], .. led]) + "\n");
    }

    /// <summary>The CSV sample (or the rows <paramref name="ledBy"/> leads) as the workbook an official would fill in: same rows, as an .xlsx file.</summary>
    public static byte[] SampleAsXlsx(string name, string? ledBy = null)
    {
        var table = CsvTableReader.Read(name, ledBy is null ? Sample(name) : SampleLedBy(name, ledBy), []) ?? throw new InvalidOperationException(name);
        var rows = new List<IReadOnlyList<string>> { table.Columns };
        rows.AddRange(table.Rows.Select(row => row.Cells));
        using var buffer = new MemoryStream();
        ReportTemplateWorkbook.Write(rows, buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
