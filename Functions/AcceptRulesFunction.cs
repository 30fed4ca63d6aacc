using Azure.Storage.Blobs;
using GenderPlan.Workflow.Application;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Functions;

/// <summary>Rules uploaded to <c>rules/</c> are validated and, when valid, become the active version.</summary>
public sealed class AcceptRulesFunction(IRulesIntake intake, ILogger<AcceptRulesFunction> logger)
{
    /// <summary>Hands the blob to <see cref="IRulesIntake"/>.</summary>
    [Function(FunctionNames.AcceptRules)]
    public async Task RunAsync(
        [BlobTrigger("rules/{name}", Source = BlobTriggerSource.EventGrid, Connection = FunctionNames.StorageConnection)] BlobClient blob,
        string name,
        FunctionContext context)
    {
        var outcome = await intake.ProcessAsync(name, context.CancellationToken);
        logger.LogInformation("Rules upload {Blob} processed: {Outcome}", blob.Name, outcome);
    }
}
