using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Web;

/// <summary>
/// Counts wrong or missing links per caller address, so nobody can try tokens in a loop: after
/// <see cref="UploadOptions.MaxFailedChecks"/> failures in a window, further wrong links from the address are
/// refused until the window ends. Only failures count and only failures are refused, so neither a unit sending
/// many reports nor a good link behind a busy address is ever slowed. In memory, per instance: a guesser spread
/// over instances still meets 2^256 possible tokens.
/// </summary>
public sealed class FailedLinkChecks : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    /// <summary>Creates the counter from the options.</summary>
    public FailedLinkChecks(IOptions<UploadOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.MaxFailedChecks, Window = settings.FailedChecksWindow, QueueLimit = 0 }));
    }

    /// <summary>Whether <paramref name="address"/> has used up its failures for now.</summary>
    public bool IsBlocked(string address) => _limiter.GetStatistics(address) is { CurrentAvailablePermits: <= 0 };

    /// <summary>Counts one failure of <paramref name="address"/>.</summary>
    public void CountFailure(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
