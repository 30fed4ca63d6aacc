using GenderPlan.Workflow.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
StartupChecks.ThrowIfMisconfigured(builder.Configuration);
builder.Services.AddGenderPlanWorkflow(builder.Configuration);
builder.Build().Run();
