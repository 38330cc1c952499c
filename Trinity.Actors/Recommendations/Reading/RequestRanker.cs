using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Recommendations.Reading;

/// <summary>A chosen title and what made it fit, for <see cref="ReadingText.Reason"/>.</summary>
public sealed record RankedTitle(MediaItem Title, IReadOnlyList<string> MatchedGenres, Topic? Topic, bool RoomLiked);

/// <summary>
/// Turns a <see cref="RequestReading"/> into catalogue titles. What the request rules in or out is a hard
/// filter (genres asked for, genres ruled out, who is watching, film or series, years, country, a topic
/// when nothing else names genres); what is wished is a score: genres, the overview's text (BM25), the
/// tone's words in the overview, closeness to a named title, the room's likes, the rating. Never pads:
/// when nothing passes, nothing is returned.
/// </summary>
public static class RequestRanker
{
    /// <summary>A topic decides alone only for titles scoring at least this share of the best one.</summary>
    private const double TopicShare = 0.5;

    public static IReadOnlyList<RankedTitle> Rank(IReadOnlyList<MediaItem> catalog, RecommendationRequest request, RequestReading reading)
    {
        var text = CatalogText.For(catalog);
        var required = RequiredGenres(reading);
        // Each tone or genre asked for counts once, whichever of its genres a title has: "light and funny"
        // is not a request for titles that are at once comedy, family and animation.
        var wantedCues = reading.Wanted.Select(Cues.GenresOf).Where(g => g.Count > 0).ToArray();
        var avoided = reading.AvoidedGenres;
        var audience = reading.Audience is { } a ? Cues.Audiences[a] : null;
        var preferred = (audience?.Prefer ?? []).Concat(required.Count == 0 ? reading.Mood.Genres : []).ToHashSet();
        var (from, to) = reading.Years;
        var likedGenres = request.Liked.SelectMany(t => t.Genres).ToHashSet();
        var hints = reading.Wanted.SelectMany(Cues.HintsOf).ToArray();
        var avoidHints = reading.Unwanted.SelectMany(Cues.HintsOf).Except(hints).ToArray();
        var places = reading.Country is { } c ? Cues.Places[c] : null;
        var likeName = reading.Like is { } named ? TextFold.Words(named.Title) : null; // "like The Office": neither Office

        var candidates = Enumerable.Range(0, catalog.Count).Where(i =>
        {
            var t = catalog[i];
            return !request.Exclude.Contains(t.MediaId) && !(likeName is not null && TextFold.Words(t.Title) == likeName)
                && (required.Count == 0 || t.Genres.Any(required.Contains))
                && !t.Genres.Any(avoided.Contains)
                && (audience is not { Require.Length: > 0 } || t.Genres.Any(audience.Require.Contains))
                && (reading.MediaType is null || t.MediaType == reading.MediaType)
                && (from is null || t.Year >= from) && (to is null || t.Year <= to)
                && (places is null || places.Any(p => text.Mentions(i, p)))
                && (reading.Like is null || required.Count > 0
                    || t.Genres.Count(reading.Like.Genres.Contains) >= Math.Min(2, reading.Like.Genres.Count))
                && !reading.AvoidTopics.Any(topic => text.Mentions(i, topic.Search));
        }).ToArray();

        var topicScores = candidates.ToDictionary(i => i, i => reading.Topics.Select(topic => text.Score(i, topic.Search)).DefaultIfEmpty(0).Max());
        var bestTopic = topicScores.Values.DefaultIfEmpty(0).Max();
        if (reading.Topics.Count > 0 && reading.WantedGenres.Count == 0 && reading.Like is null)
            candidates = candidates.Where(i => bestTopic > 0 && topicScores[i] >= TopicShare * bestTopic).ToArray();

        var inFilters = candidates.Where(i => TitleSelection.Passes(catalog[i], request.Filters)).ToArray();
        if (inFilters.Length == 0)
            inFilters = candidates.Where(i => TitleSelection.Passes(catalog[i], request.Filters with { Genres = null })).ToArray();

        double Score(int i)
        {
            var t = catalog[i];
            var score = wantedCues.Count(genres => t.Genres.Any(genres.Contains)) + 0.25 * t.Genres.Count(required.Contains)
                + 0.5 * t.Genres.Count(preferred.Contains)
                + (bestTopic > 0 ? 3 * topicScores[i] / bestTopic : 0)
                + 0.6 * Math.Min(1, 0.5 * hints.Count(h => text.Mentions(i, h)))
                - Math.Min(1, 0.5 * avoidHints.Count(h => text.Mentions(i, h)))
                + 0.3 * Math.Min(3, t.Genres.Count(likedGenres.Contains))
                + 0.4 * (t.Rating - 7);
            if (reading.Like is { } like)
                score += 3.0 * t.Genres.Intersect(like.Genres).Count() / t.Genres.Union(like.Genres).Count()
                    + Math.Max(0, 1 - Math.Abs(t.Year - like.Year) / 20.0);
            return score;
        }

        return inFilters
            .Select(i => (Index: i, Score: Score(i)))
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => catalog[s.Index].Rating)
            .ThenBy(s => catalog[s.Index].MediaId, StringComparer.Ordinal)
            .Take(request.Count)
            .Select(s =>
            {
                var t = catalog[s.Index];
                var topic = reading.Topics.FirstOrDefault(topic => text.Score(s.Index, topic.Search) > 0);
                return new RankedTitle(t, t.Genres.Where(g => required.Contains(g) || reading.Like?.Genres.Contains(g) == true).ToArray(),
                    topic, t.Genres.Any(likedGenres.Contains));
            })
            .ToArray();
    }

    /// <summary>
    /// Genres a title must have one of: those asked for; with none asked for and no title or topic named,
    /// the mood's (a neutral mood's only when nothing else was understood). Ruled-out genres never count.
    /// </summary>
    public static IReadOnlyList<string> RequiredGenres(RequestReading reading)
    {
        var avoided = reading.AvoidedGenres;
        IEnumerable<string> genres = reading.WantedGenres.Count > 0 ? reading.WantedGenres
            : reading.IsExplicit ? []
            : reading.Mood.EmotionalState != "neutral" || !reading.UnderstoodAnything ? reading.Mood.Genres
            : [];
        return genres.Where(g => !avoided.Contains(g)).ToArray();
    }
}
