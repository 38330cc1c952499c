namespace Trinity.Actors.Recommendations.Reading;

/// <summary>
/// One language's words for the <see cref="Cues"/> and the sentences a reading is told in. Words are written
/// as people type them; matching folds accents and casing, and tolerates one typo in longer words.
/// </summary>
/// <param name="Words">cue kind → cue key → the words and phrases that name it</param>
/// <param name="Negators">words that rule out what follows in the same clause ("nothing sad", "sin terror")</param>
/// <param name="ClauseBreaks">words that end a negation ("nothing sad but funny")</param>
/// <param name="LikeStrong">phrases that introduce a title ("something like", "parecida a")</param>
/// <param name="LikeWeak">single words that may introduce a title ("like", "como"): only a long, exact-ish title counts</param>
/// <param name="StopWords">words that say nothing about what to watch</param>
/// <param name="Glossary">topic words → the English words overviews use (overviews are English)</param>
/// <param name="Labels">cue key, genre or state → how it is said in this language</param>
public sealed record Lexicon(
    string Language,
    IReadOnlyDictionary<CueKind, Dictionary<string, string[]>> Words,
    string[] Negators,
    string[] ClauseBreaks,
    string[] LikeStrong,
    string[] LikeWeak,
    string[] StopWords,
    IReadOnlyDictionary<string, string> Glossary,
    IReadOnlyDictionary<string, string> Labels,
    Phrasing Say);

/// <summary>The sentences of a reading in one language; {0} is filled in.</summary>
public sealed record Phrasing(
    string Understood, string NothingUnderstood, string Mood, string MoodYields,
    string NoRunningTimes, string NoCountry, string NothingFits,
    string NotTone, string NotGenre, string About, string Like, string From, string Until, string Between,
    string Mentions, string SharesWith, string SetIn, string RoomLiked, string Rated);
