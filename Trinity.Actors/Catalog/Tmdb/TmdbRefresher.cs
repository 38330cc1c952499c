using Microsoft.Extensions.Hosting;
using Trinity.Actors.Hosting;

namespace Trinity.Actors.Catalog.Tmdb;

/// <summary>Keeps the TMDB titles fresh in the background, so no room ever waits for TMDB.</summary>
public sealed class TmdbRefresher(TmdbCatalog catalog, TmdbOptions options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var fresh = await catalog.RefreshAsync(stoppingToken);
            await Task.Delay(fresh ? options.RefreshEvery : options.RetryAfter, clock, stoppingToken);
        }
    }
}
