using Trinity.Actors.Protocol;

namespace Trinity.Actors.Recommendations.Reading;

/// <summary>A topic as the member said it, and the English words looked for in overviews.</summary>
public sealed record Topic(string Said, string Search);

/// <summary>
/// What a request asks for, read from the member's words (<see cref="RequestParser"/>) or from the model's
/// answer. Pure data: <see cref="RequestRanker"/> turns it into titles, <see cref="ReadingText"/> into words.
/// </summary>
/// <param name="Language">"es" or "en": the language of the request, which the reading is told in</param>
/// <param name="Wanted">tone keys (<see cref="Cues.Tones"/>) and genres asked for, in order</param>
/// <param name="Unwanted">tone keys and genres ruled out ("nothing sad", "sin terror")</param>
/// <param name="Audience">kids, with-family, partner or friends</param>
/// <param name="Era">"old", "recent" or a decade ("1980s")</param>
/// <param name="EraNegated">the era was ruled out ("nothing old")</param>
/// <param name="Length">"short" or "long": understood, but the catalogue has no running times</param>
/// <param name="Country">a key of <see cref="Cues.Places"/></param>
/// <param name="Like">a catalogue title the request names ("like Interstellar")</param>
/// <param name="Topics">what the titles should be about ("time travel")</param>
/// <param name="AvoidTopics">what they should not be about</param>
/// <param name="Mood">the emotional state, read by <see cref="MoodAnalyzer"/> from the words not ruled out</param>
public sealed record RequestReading(
    string Language,
    IReadOnlyList<string> Wanted,
    IReadOnlyList<string> Unwanted,
    string? Audience,
    MediaType? MediaType,
    string? Era,
    bool EraNegated,
    string? Length,
    string? Country,
    MediaItem? Like,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<Topic> AvoidTopics,
    MoodReading Mood)
{
    /// <summary>Whether the request names anything beyond a mood.</summary>
    public bool IsExplicit => Wanted.Count > 0 || Like is not null || Topics.Count > 0;

    public bool UnderstoodAnything => IsExplicit || Unwanted.Count > 0 || Audience is not null || MediaType is not null
        || Era is not null || Length is not null || Country is not null || AvoidTopics.Count > 0;

    /// <summary>Catalogue genres asked for, from tones and genre names.</summary>
    public IReadOnlyList<string> WantedGenres => Wanted.SelectMany(Cues.GenresOf).Distinct().ToArray();

    /// <summary>Catalogue genres ruled out; a genre also asked for is not ruled out ("scary, but not gory").</summary>
    public IReadOnlyList<string> AvoidedGenres
    {
        get
        {
            var wanted = WantedGenres;
            var avoided = Unwanted.SelectMany(Cues.GenresOf);
            if (Audience is { } a && Cues.Audiences.TryGetValue(a, out var audience)) avoided = avoided.Concat(audience.Avoid);
            return avoided.Where(g => !wanted.Contains(g)).Distinct().ToArray();
        }
    }

    public (int? From, int? To) Years => Era is null ? (null, null) : Cues.Years(Era, EraNegated);
}
