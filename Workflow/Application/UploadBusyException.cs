
namespace GenderPlan.Workflow.Application;

/// <summary>
/// Another worker holds this upload right now. Thrown, not returned, so that the trigger (Event Grid, or the
/// local runner's next pass) delivers it again later and finds it finished, or its worker dead.
/// </summary>
public sealed class UploadBusyException(string blobName)
    : InvalidOperationException($"{blobName} is being processed by another worker; it will be tried again")
{
    /// <summary>The blob another worker holds.</summary>
    public string BlobName { get; } = blobName;
}
