using System.Globalization;
using Trinity.Actors.Catalog.Sources;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog.Tmdb;

/// <summary>A TMDB title as a catalogue <see cref="MediaItem"/>, with the same stable id the embedded catalogue uses.</summary>
public static class TmdbMapping
{
    /// <summary>TMDB's image CDN at a card's width (w500 posters, w1280 backdrops): the resizing is TMDB's.</summary>
    public const string PosterBaseUrl = "https://image.tmdb.org/t/p/w500";
    public const string BackdropBaseUrl = "https://image.tmdb.org/t/p/w1280";

    /// <summary>TMDB's movie and tv genre ids in the catalogue's vocabulary (news, reality, soap and talk have none).</summary>
    private static readonly Dictionary<int, string[]> GenreIds = new()
    {
        [28] = ["action"], [12] = ["adventure"], [16] = ["animation"], [35] = ["comedy"], [80] = ["crime"],
        [99] = ["documentary"], [18] = ["drama"], [10751] = ["family"], [14] = ["fantasy"], [36] = ["history"],
        [27] = ["horror"], [10402] = ["music"], [9648] = ["mystery"], [10749] = ["romance"], [878] = ["science-fiction"],
        [53] = ["thriller"], [10752] = ["war"], [37] = ["western"], [10759] = ["action", "adventure"],
        [10762] = ["family"], [10765] = ["science-fiction", "fantasy"], [10768] = ["war"],
    };

    public static IReadOnlyList<string> Genres(TmdbTitle t) =>
        (t.GenreIds ?? []).SelectMany(id => GenreIds.GetValueOrDefault(id) ?? [])
            .Concat(t.Genres is { } named ? GenreNames.ReadAll(named.Select(g => g.Name)) : [])
            .Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Whether the title needs its details fetched: discover left its genres or overview out.</summary>
    public static bool IsIncomplete(TmdbTitle t) => Genres(t).Count == 0 || string.IsNullOrWhiteSpace(t.Overview);

    /// <summary>The catalogue title, or null when TMDB gave no name, no year or no genre Trinity knows.</summary>
    public static MediaItem? ToMediaItem(TmdbTitle t, MediaType type)
    {
        var title = (type == MediaType.Tv ? t.Name : t.Title)?.Trim();
        var date = type == MediaType.Tv ? t.FirstAirDate : t.ReleaseDate;
        var genres = Genres(t);
        if (string.IsNullOrEmpty(title) || !TryYear(date, out var year) || genres.Count == 0) return null;
        return new MediaItem(MediaIds.For(type, title, year), title, year, type, genres, t.Overview?.Trim() ?? "",
            Math.Round(Math.Clamp(t.VoteAverage ?? 0, 0, 10), 1));
    }

    /// <summary>The catalogue title with its artwork on TMDB's CDN and, from its details, the trailer and the region's offers.</summary>
    public static SourcedTitle? ToSourcedTitle(TmdbTitle t, TmdbTitle? details, MediaType type, string region) =>
        ToMediaItem(t, type) is { } item
            ? new SourcedTitle(item with { TrailerUrl = Trailer(details), AvailableOn = Offers(details, region) },
                Poster: string.IsNullOrEmpty(t.PosterPath) ? null : PosterBaseUrl + t.PosterPath,
                Backdrop: string.IsNullOrEmpty(t.BackdropPath) ? null : BackdropBaseUrl + t.BackdropPath)
            : null;

    /// <summary>The official YouTube trailer, else any YouTube trailer.</summary>
    public static string? Trailer(TmdbTitle? details) =>
        (details?.Videos?.Results ?? [])
            .Where(v => v.Site == "YouTube" && v.Type == "Trailer" && !string.IsNullOrWhiteSpace(v.Key))
            .OrderByDescending(v => v.Official)
            .Select(v => "https://www.youtube.com/watch?v=" + Uri.EscapeDataString(v.Key!))
            .FirstOrDefault();

    /// <summary>Streaming (flat rate), rent and buy offers in the region, each linking TMDB's watch page.</summary>
    public static IReadOnlyList<WatchOption>? Offers(TmdbTitle? details, string region)
    {
        if (details?.WatchProviders?.Results?.GetValueOrDefault(region) is not { } offers) return null;
        var all = Kind("stream", offers.Flatrate).Concat(Kind("rent", offers.Rent)).Concat(Kind("buy", offers.Buy)).ToArray();
        return all.Length > 0 ? all : null;

        IEnumerable<WatchOption> Kind(string kind, TmdbProvider[]? providers) =>
            (providers ?? []).Where(p => !string.IsNullOrWhiteSpace(p.ProviderName))
                .Select(p => new WatchOption(SourceName.Tmdb, kind, p.ProviderName!.Trim(), offers.Link));
    }

    private static bool TryYear(string? date, out int year)
    {
        year = 0;
        return date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && year is >= 1870 and <= 2100;
    }
}
