using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Trinity.Actors.Hosting;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog.Tmdb;

/// <summary>
/// The embedded catalogue enriched with TMDB's popular titles. Reads never wait for TMDB: they see the last
/// titles fetched (cached for <see cref="TmdbOptions.RefreshEvery"/>) merged with the embedded ones, or the
/// embedded ones alone until TMDB first answers. A title known to both keeps its one id, with TMDB's data.
/// </summary>
public sealed class TmdbCatalog : ICatalog
{
    /// <summary>Details calls per refresh for titles discover left incomplete.</summary>
    public const int MaxDetailsPerRefresh = 20;

    private sealed record Contents(IReadOnlyList<MediaItem> All, IReadOnlyDictionary<string, MediaItem> ById, DateTimeOffset? FetchedAt);

    private readonly EmbeddedCatalog _embedded;
    private readonly TmdbClient _client;
    private readonly TmdbOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<TmdbCatalog> _log;
    private readonly ConcurrentDictionary<(MediaType, int), TmdbTitle> _details = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Contents _contents;

    public TmdbCatalog(EmbeddedCatalog embedded, TmdbClient client, TmdbOptions options, TimeProvider clock, ILogger<TmdbCatalog> log)
    {
        (_embedded, _client, _options, _clock, _log) = (embedded, client, options, clock, log);
        _contents = Merge([], null);
    }

    public IReadOnlyList<MediaItem> All => _contents.All;

    public MediaItem? Find(string mediaId) => _contents.ById.GetValueOrDefault(mediaId);

    /// <summary>When TMDB last answered, or null while the catalogue is the embedded one alone.</summary>
    public DateTimeOffset? FetchedAt => _contents.FetchedAt;

    public bool IsFresh => FetchedAt is { } at && _clock.GetUtcNow() - at < _options.RefreshEvery;

    /// <summary>Fetches TMDB's titles unless the cached ones are fresh. False when TMDB failed; the catalogue then keeps what it had.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh) return true;
            var fetched = await FetchAsync(cancellationToken);
            _contents = Merge(fetched, _clock.GetUtcNow());
            _log.LogInformation("Catalogue: {Count} titles from TMDB, {Total} in all", fetched.Count, _contents.All.Count);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _log.LogWarning("Catalogue: TMDB failed ({Reason}); keeping {Total} titles ({Source})", e.Message, _contents.All.Count,
                _contents.FetchedAt is null ? "embedded" : "embedded and TMDB's last answer");
            return false;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<IReadOnlyList<MediaItem>> FetchAsync(CancellationToken cancellationToken)
    {
        var items = new List<MediaItem>();
        var detailsLeft = MaxDetailsPerRefresh;
        foreach (var type in (MediaType[])[MediaType.Movie, MediaType.Tv])
            for (var page = 1; page <= _options.Pages; page++)
                foreach (var found in await _client.DiscoverAsync(type, page, cancellationToken))
                {
                    var title = found;
                    if (TmdbMapping.IsIncomplete(found) && detailsLeft-- > 0)
                        title = await DetailsAsync(type, found.Id, cancellationToken) ?? found;
                    if (TmdbMapping.ToMediaItem(title, type) is { } item) items.Add(item);
                }
        return items;
    }

    /// <summary>A title's details, asked once per title and kept for the life of the node.</summary>
    private async Task<TmdbTitle?> DetailsAsync(MediaType type, int id, CancellationToken cancellationToken)
    {
        if (_details.TryGetValue((type, id), out var known)) return known;
        var details = await _client.DetailsAsync(type, id, cancellationToken);
        if (details is not null) _details[(type, id)] = details;
        return details;
    }

    private Contents Merge(IReadOnlyList<MediaItem> fromTmdb, DateTimeOffset? fetchedAt)
    {
        var byId = new Dictionary<string, MediaItem>(StringComparer.Ordinal);
        foreach (var item in fromTmdb) byId.TryAdd(item.MediaId, item);
        foreach (var item in _embedded.All) byId.TryAdd(item.MediaId, item);
        return new Contents(byId.Values.ToArray(), byId, fetchedAt);
    }
}
