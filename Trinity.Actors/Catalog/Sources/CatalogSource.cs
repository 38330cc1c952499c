using Microsoft.Extensions.Logging;

namespace Trinity.Actors.Catalog.Sources;

/// <summary>
/// One source's titles, cached: reads never wait for the source and see what it served last (nothing until it
/// first answers). A failure keeps the last titles and is logged once per streak of failures, not per attempt.
/// </summary>
public sealed class CatalogSource(ITitleSource source, SourceOptions options, TimeProvider clock, ILogger<CatalogSource> log)
{
    private sealed record Contents(IReadOnlyList<SourcedTitle> Titles, DateTimeOffset? FetchedAt);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Contents _contents = new([], null);
    private int _failures;

    public string Name => source.Name;
    public ITitleSource Source => source;
    public SourceOptions Options => options;
    public IReadOnlyList<SourcedTitle> Titles => _contents.Titles;
    /// <summary>When the source last answered; null until it first does.</summary>
    public DateTimeOffset? FetchedAt => _contents.FetchedAt;
    /// <summary>The last attempt succeeded.</summary>
    public bool Healthy => FetchedAt is not null && Volatile.Read(ref _failures) == 0;
    public bool IsFresh => FetchedAt is { } at && clock.GetUtcNow() - at < options.RefreshEvery;

    /// <summary>Raised after new titles arrived.</summary>
    public event Action? Changed;

    /// <summary>Fetches the titles unless the cached ones are fresh. False when the source failed; it then keeps what it had.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh) return true;
            var fetched = await source.FetchAsync(cancellationToken);
            _contents = new Contents(fetched, clock.GetUtcNow());
            if (Interlocked.Exchange(ref _failures, 0) > 0)
                log.LogInformation("Catalogue: {Source} answers again", Name);
            log.LogInformation("Catalogue: {Count} titles from {Source}", fetched.Count, Name);
            Changed?.Invoke();
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (Interlocked.Increment(ref _failures) == 1)
                log.LogWarning("Catalogue: {Source} failed ({Reason}); keeping the {Count} titles it served last, retrying every {RetryAfter}",
                    Name, Reason(e), Titles.Count, options.RetryAfter);
            return false;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private static string Reason(Exception e) => e is AggregateException { InnerException: { } inner } ? inner.Message : e.Message;
}
