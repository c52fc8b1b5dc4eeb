using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPipeline.Local;
using ParPipeline.Local.Demo;

LocalCommand command;
try
{
    command = LocalCommand.Parse(args);
}
catch (LocalStartupException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
if (command.Verb == "help")
{
    Console.WriteLine(LocalCommand.Usage);
    return 0;
}

using var stopping = new CancellationTokenSource();
// Ctrl+C and SIGTERM stop the host and Azurite cleanly instead of killing the process.
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stopping.Cancel(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });

var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables()
    .AddInMemoryCollection(command.Port is { } port ? new Dictionary<string, string?> { ["Local:HttpPort"] = $"{port}" } : [])
    .Build();

if (command.Verb == "redrive")
{
    return await LocalRedrive.RunAsync(configuration, Console.Out, Console.Error, stopping.Token);
}

try
{
    Console.WriteLine("Starting the local host ...");
    await using var host = await LocalHost.StartAsync(configuration, LocalLogging.Configure, stopping.Token);
    Console.WriteLine($"Storage: {host.Storage}");
    Console.WriteLine($"API:     {host.BaseAddress}api/health");
    foreach (var line in host.Services.GetRequiredService<LocalHostJson>().Describe())
    {
        Console.WriteLine(line);
    }
    if (host.Services.GetRequiredService<ParPipeline.Local.Faults.StorageFaultOptions>() is { Enabled: true } faults)
    {
        Console.WriteLine($"Storage faults injected (Local__StorageFaults__*): {faults.Rate:P0} of calls, seed {faults.Seed}" +
            (faults.OutageService is { Length: > 0 } outage ? $"; every {outage} call fails from {faults.OutageAfter} for {faults.OutageDuration}" : ""));
    }
    var adminKey = host.Services.GetRequiredService<ParPipeline.Local.Http.AdminKey>();
    if (adminKey.Generated)
    {
        Console.WriteLine($"Admin key (header x-functions-key, kept in .local/admin.key): {adminKey.Value}");
    }

    if (command.Verb == "demo")
    {
        var demo = new DemoRunner(host, Console.Out);
        var ok = await demo.RunAsync(Path.Combine(RepositoryRoot.Find(), "samples"), stopping.Token);
        if (command.Once)
        {
            return ok ? 0 : 1;
        }
    }

    Console.WriteLine("Serving. Press Ctrl+C to stop.");
    await Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    Console.WriteLine("Stopping ...");
    return 0;
}
catch (LocalStartupException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Console.WriteLine("Stopped.");
    return 130;
}
