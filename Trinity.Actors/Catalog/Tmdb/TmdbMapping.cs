using System.Globalization;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog.Tmdb;

/// <summary>A TMDB title as a catalogue <see cref="MediaItem"/>, with the same stable id the embedded catalogue uses.</summary>
public static class TmdbMapping
{
    public const string PosterBaseUrl = "https://image.tmdb.org/t/p/w500";

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
            Math.Round(Math.Clamp(t.VoteAverage ?? 0, 0, 10), 1),
            string.IsNullOrEmpty(t.PosterPath) ? null : PosterBaseUrl + t.PosterPath);
    }

    private static bool TryYear(string? date, out int year)
    {
        year = 0;
        return date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && year is >= 1870 and <= 2100;
    }
}
