using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>Every log line written through it, with its level: what an operator reads in the host's log.</summary>
public sealed class CapturedLogs : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Error)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception), exception));

    public void Dispose() { }
}
