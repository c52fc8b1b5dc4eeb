using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ParPipeline;
using ParPipeline.Functions;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

builder.Services.AddParPipeline(builder.Configuration);

WorkerLogging.Configure(builder.Logging);

var app = builder.Build();
// A bad index definition file (Indices__DefinitionsDirectory) stops the worker at start, named by file and field,
// rather than failing the first drop of every index.
app.Services.GetRequiredService<ParPipeline.Indices.IndexCatalog>();
app.Run();
