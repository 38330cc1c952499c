using Trinity.Actors.Protocol;

namespace Trinity.Actors.Recommendations;

/// <param name="RoomId">the asking room, for per-room limits</param>
/// <param name="Mood">the member's words, in any language</param>
/// <param name="Filters">the room's filters, which suggestions respect</param>
/// <param name="Exclude">titles already in the room</param>
/// <param name="Liked">titles the room already liked, to inform the choice</param>
public sealed record RecommendationRequest(string RoomId, string Mood, RoomFilters Filters, IReadOnlySet<string> Exclude,
    IReadOnlyList<MediaItem> Liked, int Count = 5);

/// <param name="Source">"model" or "fallback"</param>
/// <param name="Reading">what was understood of the request, in its language; null from recommenders that do not say</param>
/// <param name="Reasons">why each title was picked, one per title, in the request's language</param>
/// <param name="Language">"es" or "en": the language of the request</param>
public sealed record Recommendation(IReadOnlyList<MediaItem> Titles, IReadOnlyList<string> Genres, string Reasoning,
    string EmotionalState, double Confidence, string Source,
    string? Reading = null, IReadOnlyList<string>? Reasons = null, string? Language = null);

/// <summary>Suggests titles for a mood. Runs outside the room actor; must not throw for a bad mood.</summary>
public interface IRecommender
{
    Task<Recommendation> RecommendAsync(RecommendationRequest request, CancellationToken cancellationToken = default);
}
