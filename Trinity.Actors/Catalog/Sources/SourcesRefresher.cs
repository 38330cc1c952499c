using Microsoft.Extensions.Hosting;

namespace Trinity.Actors.Catalog.Sources;

/// <summary>Keeps every source's titles fresh in the background, each on its own loop, so no room ever waits for one.</summary>
public sealed class SourcesRefresher(SourcedCatalog catalog, TimeProvider clock) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Sources.Select(source => Task.Run(() => KeepFreshAsync(source, stoppingToken), stoppingToken)));

    private async Task KeepFreshAsync(CatalogSource source, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var fresh = await source.RefreshAsync(stoppingToken);
            await Task.Delay(fresh ? source.Options.RefreshEvery : source.Options.RetryAfter, clock, stoppingToken);
        }
    }
}
