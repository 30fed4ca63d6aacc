using GenderPlan.Workflow.Application;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Functions;

/// <summary>The daily timer that sends the coordinator the province report a few days after each deadline.</summary>
public sealed class ProvinceReportFunction(IProvinceReportService job, ILogger<ProvinceReportFunction> logger)
{
    /// <summary>Hands off to <see cref="IProvinceReportService"/>; it sends once per period however often it runs.</summary>
    [Function(FunctionNames.ProvinceReports)]
    public async Task RunAsync([TimerTrigger(FunctionNames.ProvinceReportSchedule)] TimerInfo timer, FunctionContext context)
    {
        var queued = await job.RunAsync(context.CancellationToken);
        logger.LogInformation("Province report job queued {Count} email(s)", queued);
    }
}
