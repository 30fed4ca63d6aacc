using GenderPlan.Core.Rules;
using System.Text;
using Azure.Storage.Blobs.Models;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Hosting;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GenderPlan.Workflow.Tests;

/// <summary>The workflow wired exactly as the CLI and the Functions wire it, against the test Azurite.</summary>
internal sealed class Pipeline : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private Pipeline(ServiceProvider provider, string outbox, FakeTimeProvider clock)
    {
        _provider = provider;
        Outbox = outbox;
        Clock = clock;
    }

    public string Outbox { get; }

    public FakeTimeProvider Clock { get; }

    public StorageClients Storage => Get<StorageClients>();

    public IReportIntake Reports => Get<IReportIntake>();

    public IRulesIntake Rules => Get<IRulesIntake>();

    public IAlertDispatcher Dispatcher => Get<IAlertDispatcher>();

    public IReminderService Reminders => Get<IReminderService>();

    public AlertOutbox Alerts => Get<AlertOutbox>();

    public LocalRunner Runner => Get<LocalRunner>();

    public static Pipeline Create(AzuriteFixture azurite, string? sendGridHost = null, DateTimeOffset? now = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var outbox = Directory.CreateTempSubdirectory("genderplan-outbox-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["GenderPlan:Email:PickupDirectory"] = outbox,
            ["GenderPlan:Email:SendGridApiKey"] = sendGridHost is null ? null : "SG.test-key",
            ["GenderPlan:Email:SendGridHost"] = sendGridHost,
            ["GenderPlan:Email:MaxRetryDelay"] = "00:00:01",
            // Tests move the fake clock fast while real requests run: timeouts far off keep a slow machine from tripping them.
            ["GenderPlan:Email:AttemptTimeout"] = "00:10:00",
            ["GenderPlan:Email:TotalSendTimeout"] = "00:30:00",
            ["GenderPlan:Email:ClaimDuration"] = "02:00:00",
            ["GenderPlan:ScorecardUrl"] = "https://genderplan.example.org/",
            // The sums after every report: the roll-up's own tests call the pipeline and read the sums at once. The product
            // leaves them to the sweep (SweepCostTests cover that), where the same roll-up runs.
            ["GenderPlan:AddUpOnSweep"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2019, 11, 20, 3, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddGenderPlanWorkflow(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        configure?.Invoke(services);
        return new Pipeline(services.BuildServiceProvider(), outbox, clock);
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Uploads the repository's rules to the rules container and activates them.</summary>
    public async Task PublishRulesAsync(string? workflowJson = null, string? unitsJson = null)
    {
        var rules = Path.Combine(AzuriteFixture.RepositoryRoot, "Rules");
        // The places files first: units.json names the committees of the places they list.
        foreach (var places in Directory.EnumerateFiles(rules, "*" + RuleSource.PlacesSuffix))
        {
            await UploadAsync(StorageNames.RulesContainer, Path.GetFileName(places), await File.ReadAllTextAsync(places), new() { ["uploader"] = "ldtbxh@example.org" });
        }

        await UploadAsync(StorageNames.RulesContainer, "units.json", unitsJson ?? await File.ReadAllTextAsync(Path.Combine(rules, "units.json")), new() { ["uploader"] = "ldtbxh@example.org" });
        await UploadAsync(StorageNames.RulesContainer, "dak-to-2016-2020.workflow.json", workflowJson ?? await File.ReadAllTextAsync(Path.Combine(rules, "dak-to-2016-2020.workflow.json")), new() { ["uploader"] = "ldtbxh@example.org" });
        await Rules.ProcessAsync("units.json", CancellationToken.None);
        await Rules.ProcessAsync("dak-to-2016-2020.workflow.json", CancellationToken.None);
    }

    public Task UploadReportAsync(string name, string csv) => UploadAsync(StorageNames.ReportsContainer, name, csv, []);

    public async Task UploadAsync(string container, string name, string content, Dictionary<string, string> metadata)
    {
        var blob = Storage.Container(container).GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString(content), new BlobUploadOptions { Metadata = metadata });
    }

    /// <summary>
    /// Uploads two reports back to back until the blob store gives both the same <c>LastModified</c> (exact to the
    /// second), so only their arrival can tell them apart; returns that time.
    /// </summary>
    public async Task<DateTimeOffset> UploadReportsInOneSecondAsync(string first, string firstCsv, string second, string secondCsv)
    {
        var files = Get<ReportStore>();
        for (var attempt = 1; ; attempt++)
        {
            await UploadReportAsync(first, firstCsv);
            await UploadReportAsync(second, secondCsv);
            var (one, two) = ((await files.FindAsync(first, CancellationToken.None))!, (await files.FindAsync(second, CancellationToken.None))!);
            if (one.LastModified == two.LastModified || attempt == 10)
            {
                return one.LastModified == two.LastModified ? one.LastModified : throw new InvalidOperationException("ten pairs of uploads straddled a second");
            }
        }
    }

    /// <summary>
    /// Makes the current version of a report look like an attempt that stored everything and then failed before it
    /// was marked done (a storage fault at the very end), so the trigger's retry processes it again.
    /// </summary>
    public async Task FailLastStepAsync(string name)
    {
        var blob = (await Get<ReportStore>().FindAsync(name, CancellationToken.None))!;
        var uploads = Get<UploadLog>();
        var key = UploadLog.KeyOf(StorageNames.ReportsContainer, name, blob.ETag);
        var row = (await uploads.FindAsync(StorageNames.ReportsContainer, key, CancellationToken.None))!;
        row.State = UploadState.Processing;
        row.FinishedAt = null;
        await Storage.Table(StorageNames.UploadsTable).UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace);
        await uploads.TryEndFailedAttemptAsync(StorageNames.ReportsContainer, key, "storage fault after the results were stored");
    }

    public string[] EmailFiles() => Directory.GetFiles(Outbox, "*.eml").Order(StringComparer.Ordinal).ToArray();

    public static string WorkflowJson() => File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules", "dak-to-2016-2020.workflow.json"));

    public static string Csv(params string[] rows) =>
        "period,jurisdiction,indicator,value,numerator,denominator,note\n" + string.Join("\n", rows) + "\n";

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
