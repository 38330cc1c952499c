using Trinity.Actors.Catalog;
using Trinity.Actors.Recommendations.Reading;

namespace Trinity.Actors.Recommendations;

/// <summary>
/// The recommender that needs no model and never fails: reads the request with <see cref="RequestParser"/>
/// (tones, genres, who is watching, constraints, negations, "like X", topics, mood) and ranks the catalogue
/// with <see cref="RequestRanker"/>.
/// </summary>
public sealed class KeywordRecommender(ICatalog catalog) : IRecommender
{
    public const string SourceName = "fallback";

    public Task<Recommendation> RecommendAsync(RecommendationRequest request, CancellationToken cancellationToken = default)
    {
        var titles = catalog.All;
        var reading = RequestParser.Read(request.Mood, titles);
        return Task.FromResult(ReadingRecommendation.From(titles, request, reading, SourceName, null, Confidence(reading)));
    }

    /// <summary>The mood's own confidence, raised by every part of the request that was understood.</summary>
    private static double Confidence(RequestReading r)
    {
        var parts = r.Wanted.Count + r.Unwanted.Count + r.Topics.Count + (r.Like is null ? 0 : 1) + (r.Audience is null ? 0 : 1)
            + (r.MediaType is null ? 0 : 1) + (r.Era is null ? 0 : 1) + (r.Country is null ? 0 : 1);
        return Math.Min(0.9, Math.Max(r.Mood.Confidence, parts == 0 ? 0 : 0.5 + 0.1 * parts));
    }
}
