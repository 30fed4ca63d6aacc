using Microsoft.Extensions.Time.Testing;

namespace GenderPlan.Workflow.Tests;

/// <summary>Work that waits on the injected clock (retry pauses, timeouts) finishes only while a test moves it.</summary>
internal static class Clock
{
    /// <summary>Moves the fake clock half a second every 20 ms of real time until the work finishes; gives up after a minute.</summary>
    public static async Task<T> AdvanceUntilDoneAsync<T>(FakeTimeProvider clock, Task<T> work)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!work.IsCompleted && started.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20);
            clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.True(work.IsCompleted, "the work did not finish within a minute");
        return await work;
    }
}
