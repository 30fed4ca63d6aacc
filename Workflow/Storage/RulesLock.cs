using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// One change of the rules at a time: a lease on <c>rulesets/locks/rules</c> held while the <c>rules</c> container
/// is rewritten, validated and activated. Without it two edits applied at once both wrote their files, both
/// reported "activated", and one was lost; and the trigger fired by the first file of an edit could activate a set
/// half old, half new. The lease lasts a minute and ends by itself if its holder dies, so nothing stays locked.
/// </summary>
public sealed class RulesLock
{
    /// <summary>How long a holder keeps the lease without renewing it: Azure allows 15 to 60 seconds.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private const string LockBlob = "locks/rules";
    private readonly StorageClients _storage;

    /// <summary>Creates the lock.</summary>
    public RulesLock(StorageClients storage) => _storage = storage;

    /// <summary>
    /// Waits up to <paramref name="wait"/> for the lease; disposing the result releases it. Throws
    /// <see cref="TimeoutException"/> when another change still holds it (a trigger then retries).
    /// </summary>
    public async Task<IAsyncDisposable> AcquireAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var blob = _storage.Container(StorageNames.RuleSetsContainer).GetBlobClient(LockBlob);
        try
        {
            await blob.UploadAsync(BinaryData.FromString(""), overwrite: false, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // The lock blob exists (perhaps leased): that is all this needed.
        }

        var lease = blob.GetBlobLeaseClient();
        var until = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
                return new Held(lease);
            }
            catch (RequestFailedException exception) when (exception.Status == 409 && DateTimeOffset.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 + Random.Shared.Next(200)), cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                throw new TimeoutException("another change of the rules is still being applied", exception);
            }
        }
    }

    private sealed class Held(BlobLeaseClient lease) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Expired or taken over after a minute: the lease has ended either way.
            }
        }
    }
}
