using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog;

/// <summary>Which catalogue titles pass a room's filters, and which of them a new room gets.</summary>
public static class TitleSelection
{
    public static bool Passes(MediaItem item, RoomFilters filters) =>
        (filters.Genres is not { Count: > 0 } || (filters.GenreMatch == GenreMatch.All
            ? filters.Genres.All(item.Genres.Contains)
            : item.Genres.Any(filters.Genres.Contains)))
        && (filters.MediaTypes is not { Count: > 0 } || filters.MediaTypes.Contains(item.MediaType))
        && (filters.YearFrom is null || item.Year >= filters.YearFrom)
        && (filters.YearTo is null || item.Year <= filters.YearTo)
        && (filters.MinRating is null || item.Rating >= filters.MinRating);

    /// <summary>
    /// Up to <paramref name="count"/> titles that pass the filters: those matching more of the chosen genres
    /// first, and within that a draw seeded by the room id, so every room gets its own list, stable on replay.
    /// </summary>
    public static IReadOnlyList<MediaItem> ForRoom(IEnumerable<MediaItem> catalog, RoomFilters filters, int count, string roomId)
    {
        var passing = catalog.Where(m => Passes(m, filters)).OrderBy(m => m.MediaId, StringComparer.Ordinal).ToArray();
        return StableShuffle.Shuffle(passing, StableShuffle.Seed("titles", roomId))
            .OrderByDescending(m => filters.Genres?.Count(m.Genres.Contains) ?? 0)
            .Take(count)
            .ToArray();
    }

    /// <summary>Browsing for <c>GET /api/media</c>: genre, type and a case-insensitive title search.</summary>
    public static IEnumerable<MediaItem> Browse(IEnumerable<MediaItem> catalog, string? genre, MediaType? type, string? query) =>
        catalog.Where(m =>
            (string.IsNullOrWhiteSpace(genre) || m.Genres.Contains(genre.Trim().ToLowerInvariant()))
            && (type is null || m.MediaType == type)
            && (string.IsNullOrWhiteSpace(query) || m.Title.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase)));
}
