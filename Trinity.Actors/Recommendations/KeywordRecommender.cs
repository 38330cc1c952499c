using Trinity.Actors.Catalog;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Recommendations;

/// <summary>
/// The recommender that never fails: reads the mood with <see cref="MoodAnalyzer"/> and picks catalogue
/// titles in the mood's genres that the room does not have yet, leaning towards what the room liked.
/// </summary>
public sealed class KeywordRecommender(ICatalog catalog) : IRecommender
{
    public const string SourceName = "fallback";

    public Task<Recommendation> RecommendAsync(RecommendationRequest request, CancellationToken cancellationToken = default)
    {
        var reading = MoodAnalyzer.Read(request.Mood);
        return Task.FromResult(new Recommendation(
            Pick(catalog.All, request, reading.Genres),
            reading.Genres,
            $"Feeling {reading.EmotionalState}: {Describe(reading.Approach)} with {string.Join(", ", reading.Genres)}.",
            reading.EmotionalState,
            reading.Confidence,
            SourceName));
    }

    /// <summary>Titles in the mood's genres, within the room's other filters; the room's genre filter is relaxed only if nothing is left.</summary>
    public static IReadOnlyList<MediaItem> Pick(IEnumerable<MediaItem> catalog, RecommendationRequest request, IReadOnlyList<string> genres)
    {
        var likedGenres = request.Liked.SelectMany(t => t.Genres).ToHashSet();
        var candidates = catalog.Where(t => !request.Exclude.Contains(t.MediaId) && t.Genres.Any(genres.Contains)).ToArray();
        var inFilters = candidates.Where(t => TitleSelection.Passes(t, request.Filters)).ToArray();
        if (inFilters.Length == 0)
            inFilters = candidates.Where(t => TitleSelection.Passes(t, request.Filters with { Genres = null })).ToArray();
        return inFilters
            .OrderByDescending(t => t.Genres.Count(genres.Contains) + t.Genres.Count(likedGenres.Contains))
            .ThenByDescending(t => t.Rating)
            .ThenBy(t => t.MediaId, StringComparer.Ordinal)
            .Take(request.Count)
            .ToArray();
    }

    private static string Describe(string approach) => approach switch
    {
        "catharsis" => "something to feel it through",
        "escape" => "an escape",
        _ => "a bit of both comfort and feeling",
    };
}
