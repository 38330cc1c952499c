using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations.Reading;

namespace Trinity.Actors.Recommendations.Model;

/// <summary>
/// The model's answer as a <see cref="RequestReading"/>, checked against the catalogue like a member's words:
/// a named title must be in the catalogue, topics must be mentioned by some overview. What the model leaves
/// out is taken from the lexicon's reading of the same request, and what either rules out stays ruled out.
/// </summary>
public static class ModelReading
{
    public static RequestReading From(ModelAnswer answer, RequestReading local, IReadOnlyList<MediaItem> catalog)
    {
        var text = CatalogText.For(catalog);
        var unwanted = answer.Avoid.Concat(local.Unwanted).Distinct().ToArray();
        var wanted = answer.Genres.Concat(answer.Tones).Where(k => !unwanted.Contains(k)).Distinct().ToArray();
        var topics = answer.Topics.Select(t => new Topic(t, t)).Where(t => text.DocumentFrequency(t.Search) > 0).ToArray();
        var mood = MoodAnalyzer.Read(answer.EmotionalState);
        return local with
        {
            Wanted = wanted.Length > 0 ? wanted : local.Wanted,
            Unwanted = unwanted,
            Audience = answer.Audience ?? local.Audience,
            MediaType = answer.MediaType ?? local.MediaType,
            Era = answer.Era ?? local.Era,
            EraNegated = answer.Era is null && local.EraNegated,
            Length = answer.Length ?? local.Length,
            Country = answer.Country ?? local.Country,
            Like = Title(answer.Like, text) ?? local.Like,
            Topics = topics.Length > 0 ? topics : local.Topics,
            Mood = new MoodReading(answer.EmotionalState, mood.Genres, answer.Approach, answer.Confidence ?? mood.Confidence),
        };
    }

    /// <summary>The catalogue title the model named, if the whole name is one (typos tolerated as for members).</summary>
    private static MediaItem? Title(string? name, CatalogText text)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var words = TextFold.Words(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return text.FindTitle(words, strict: false) is { } found && found.Tokens == words.Length ? found.Title : null;
    }
}
