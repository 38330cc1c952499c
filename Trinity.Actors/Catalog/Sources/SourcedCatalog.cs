using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog.Sources;

/// <summary>
/// The embedded catalogue merged with every configured source, as each last answered. A title keeps one id
/// (<see cref="MediaIds"/>) whichever sources have it: its data come from the first source that has it (in
/// the order given, the embedded catalogue last), its <c>availableOn</c> from all of them, and its artwork is
/// served by Trinity (<c>api/media/{id}/poster</c>) from the first source that has an image.
/// </summary>
public sealed class SourcedCatalog : ICatalog
{
    /// <summary>What the catalogue knows of one title beyond its <see cref="MediaItem"/>.</summary>
    public sealed record Entry(
        MediaItem Item,
        IReadOnlySet<string> Sources,
        bool Played,
        IReadOnlyList<(CatalogSource Source, string Address)> Posters,
        IReadOnlyList<(CatalogSource Source, string Address)> Backdrops);

    private sealed record Index(IReadOnlyList<MediaItem> All, IReadOnlyDictionary<string, Entry> ById);

    private readonly EmbeddedCatalog _embedded;
    private readonly object _building = new();
    private volatile Index _index;

    public SourcedCatalog(EmbeddedCatalog embedded, IEnumerable<CatalogSource> sources)
    {
        _embedded = embedded;
        Sources = sources.ToArray();
        foreach (var source in Sources) source.Changed += Rebuild;
        _index = Build();
    }

    /// <summary>The remote sources, in order of precedence.</summary>
    public IReadOnlyList<CatalogSource> Sources { get; }

    public IReadOnlyList<MediaItem> All => _index.All;

    public MediaItem? Find(string mediaId) => _index.ById.GetValueOrDefault(mediaId)?.Item;

    public Entry? Describe(string mediaId) => _index.ById.GetValueOrDefault(mediaId);

    IReadOnlyList<string> ICatalog.Sources => [SourceName.Embedded, .. Sources.Select(s => s.Name)];

    public IEnumerable<MediaItem> Candidates(RoomFilters filters) =>
        _index.ById.Values
            .Where(e => filters.Sources is not { Count: > 0 } || filters.Sources.Any(e.Sources.Contains))
            .Where(e => filters.UnwatchedOnly != true || !e.Played)
            .Select(e => e.Item);

    /// <summary>A room that asks only for sources that have served nothing yet cannot be built from them.</summary>
    public void EnsureReachable(IReadOnlyList<string>? names)
    {
        if (names is not { Count: > 0 } || names.Contains(SourceName.Embedded)) return;
        var asked = Sources.Where(s => names.Contains(s.Name)).ToArray();
        if (asked.Any(s => s.Titles.Count > 0)) return;
        throw new TrinityException(ErrorCodes.Unavailable,
            $"catalogue source {string.Join(" and ", asked.Select(s => s.Name))} is not reachable; retry later or choose another source");
    }

    /// <summary>Refreshes every source that is not fresh; true when all answered (tests and tools; nodes refresh in the background).</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(Sources.Select(s => s.RefreshAsync(cancellationToken)));
        return results.All(ok => ok);
    }

    private void Rebuild()
    {
        lock (_building) _index = Build();
    }

    private sealed class Builder(MediaItem item)
    {
        public MediaItem Item = item;
        public readonly HashSet<string> Sources = new(StringComparer.Ordinal);
        public bool Played;
        public readonly List<WatchOption> AvailableOn = [];
        public readonly List<(CatalogSource, string)> Posters = [];
        public readonly List<(CatalogSource, string)> Backdrops = [];
    }

    private Index Build()
    {
        var byId = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var source in Sources)
            foreach (var title in source.Titles)
            {
                var b = Add(byId, title.Item, source.Name);
                b.Played |= title.Played;
                if (title.Poster is { } poster) b.Posters.Add((source, poster));
                if (title.Backdrop is { } backdrop) b.Backdrops.Add((source, backdrop));
            }
        foreach (var item in _embedded.All) Add(byId, item, SourceName.Embedded);

        var entries = new Dictionary<string, Entry>(byId.Count, StringComparer.Ordinal);
        var all = new List<MediaItem>(byId.Count);
        foreach (var (id, b) in byId)
        {
            var item = b.Item with
            {
                PosterUrl = b.Posters.Count > 0 ? ArtworkPath(id, "poster") : b.Item.PosterUrl,
                BackdropUrl = b.Backdrops.Count > 0 ? ArtworkPath(id, "backdrop") : b.Item.BackdropUrl,
                AvailableOn = b.AvailableOn.Count > 0 ? b.AvailableOn.Distinct().ToArray() : null,
            };
            entries[id] = new Entry(item, b.Sources, b.Played, b.Posters, b.Backdrops);
            all.Add(item);
        }
        return new Index(all, entries);
    }

    private static Builder Add(Dictionary<string, Builder> byId, MediaItem item, string source)
    {
        if (!byId.TryGetValue(item.MediaId, out var b)) byId[item.MediaId] = b = new Builder(item);
        else if (b.Item.TrailerUrl is null && item.TrailerUrl is not null) b.Item = b.Item with { TrailerUrl = item.TrailerUrl };
        b.Sources.Add(source);
        if (item.AvailableOn is { } places) b.AvailableOn.AddRange(places);
        return b;
    }

    /// <summary>Relative to the node's base address, so it holds behind any path prefix and in stored events.</summary>
    public static string ArtworkPath(string mediaId, string kind) => $"api/media/{mediaId}/{kind}";
}
