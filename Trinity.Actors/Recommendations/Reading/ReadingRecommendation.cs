using Trinity.Actors.Protocol;

namespace Trinity.Actors.Recommendations.Reading;

/// <summary>A reading made into a <see cref="Recommendation"/>: the ranked titles, why each, and the reading in words.</summary>
public static class ReadingRecommendation
{
    /// <param name="reasoning">the recommender's own line; the reading itself when null</param>
    public static Recommendation From(IReadOnlyList<MediaItem> catalog, RecommendationRequest request, RequestReading reading,
        string source, string? reasoning, double confidence)
    {
        var picks = RequestRanker.Rank(catalog, request, reading);
        var described = ReadingText.Describe(reading, picks.Count);
        var required = RequestRanker.RequiredGenres(reading);
        IReadOnlyList<string> genres = required.Count > 0 ? required
            : reading.WantedGenres.Concat(reading.Like?.Genres ?? []).Distinct().ToArray();
        return new Recommendation(
            picks.Select(p => p.Title).ToArray(),
            genres,
            reasoning ?? described,
            reading.Mood.EmotionalState,
            confidence,
            source,
            described,
            picks.Select(p => ReadingText.Reason(p, reading)).ToArray(),
            reading.Language);
    }
}
