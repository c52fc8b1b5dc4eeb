using Microsoft.Extensions.Logging;

namespace ParPipeline.Local;

/// <summary>One line per event on the console: the pipeline's own at Information, the SDKs' at Warning.</summary>
public static class LocalLogging
{
    public static void Configure(ILoggingBuilder logging) => logging
        .ClearProviders()
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        })
        .SetMinimumLevel(LogLevel.Warning)
        .AddFilter("ParPipeline", LogLevel.Information)
        // The Azure SDK logs every 404 as a warning, including the expected ones ("is this file known?").
        .AddFilter("Azure.Core", LogLevel.Error);
}
