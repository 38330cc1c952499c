using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trinity.Actors.Catalog.Sources;
using Trinity.Actors.Catalog;

namespace Trinity.Actors.Tests;

/// <summary>The catalogue as a node builds it (named HTTP clients, resilience, caches), for tests that drive it directly.</summary>
public sealed class TestSources : IDisposable
{
    private readonly ServiceProvider _services;

    public TestSources(CatalogOptions options, TimeProvider clock)
    {
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Warnings))
            .AddSingleton(clock)
            .AddCatalog(options, Directory.CreateTempSubdirectory("trinity-catalog-").FullName)
            .BuildServiceProvider();
    }

    public SourcedCatalog Catalog => _services.GetRequiredService<SourcedCatalog>();
    public ArtworkCache Artwork => _services.GetRequiredService<ArtworkCache>();
    public WarningLog Warnings { get; } = new();

    public void Dispose() => _services.Dispose();

    /// <summary>Every warning or worse logged, by category.</summary>
    public sealed class WarningLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Lines, categoryName);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) lines.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
