using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Hosting;

/// <summary>
/// A job the local host runs at start and then every <see cref="Interval"/>, as a timer trigger runs in Azure.
/// A failed run is logged and the next one comes on time: storage that is briefly away loses nothing.
/// </summary>
public abstract partial class PeriodicJob : BackgroundService
{
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    /// <summary>Creates the job.</summary>
    protected PeriodicJob(TimeProvider clock, ILogger logger)
    {
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The pause between runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One run.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _clock);
        do
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // One line, not a stack: storage that is away fails every run the same way until it is back.
                LogRunFailed(GetType().Name, exception.GetBaseException().Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed ({Error}); it runs again at its next tick")]
    private partial void LogRunFailed(string job, string error);
}
