using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Trinity.Host.Tests;

/// <summary>Keeps every error a node logs (ASP.NET Core and Akka alike), so a test can require there were none.</summary>
public sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner.Errors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
