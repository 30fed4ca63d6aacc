using Azure.Storage.Blobs;
using GenderPlan.Workflow.Application;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Functions;

/// <summary>A report uploaded to <c>reports/</c> is scored (Event Grid blob trigger; delivery is at least once).</summary>
public sealed class ScoreReportFunction(IReportIntake intake, ILogger<ScoreReportFunction> logger)
{
    /// <summary>Hands the blob to <see cref="IReportIntake"/>.</summary>
    [Function(FunctionNames.ScoreReport)]
    public async Task RunAsync(
        [BlobTrigger("reports/{name}", Source = BlobTriggerSource.EventGrid, Connection = FunctionNames.StorageConnection)] BlobClient blob,
        string name,
        FunctionContext context)
    {
        var outcome = await intake.ProcessAsync(name, context.CancellationToken);
        logger.LogInformation("Report {Blob} processed: {Outcome}", blob.Name, outcome);
    }
}
