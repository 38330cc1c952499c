using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;

namespace Trinity.Actors.Recommendations.Reading;

/// <summary>What a request can name, whatever the language it is written in.</summary>
/// <remarks>Topic cues come from a lexicon's glossary; their key is the English search.</remarks>
public enum CueKind { Tone, Genre, Audience, Format, Era, Length, Country, Topic }

/// <summary>One meaning a word can carry: a tone, a genre, who is watching, a constraint or a topic.</summary>
public sealed record Cue(CueKind Kind, string Key);

/// <param name="Genres">catalogue genres the tone asks for; ruled out when the tone is negated</param>
/// <param name="Hints">English words whose presence in an overview marks the tone (overviews are in English)</param>
public sealed record ToneMeaning(string[] Genres, string[] Hints);

/// <param name="Require">a title needs one of these (empty: no requirement)</param>
public sealed record AudienceMeaning(string[] Require, string[] Avoid, string[] Prefer);

/// <summary>
/// What each cue means for the catalogue, shared by both languages (the words are in
/// <see cref="EnglishLexicon"/> and <see cref="SpanishLexicon"/>). The catalogue records genres, year,
/// type, rating and an English overview; it has no running time, language or country.
/// </summary>
public static class Cues
{
    public static readonly IReadOnlyDictionary<string, ToneMeaning> Tones = new Dictionary<string, ToneMeaning>
    {
        ["funny"] = new(["comedy"], ["comedy", "comic", "hilarious", "funny", "farce", "satire", "laugh"]),
        ["light"] = new(["comedy", "family", "animation"], ["friendship", "fun", "charming"]),
        ["feel-good"] = new(["comedy", "family", "romance", "music"], ["heartwarming", "friendship", "hope", "joy", "charming", "delightful"]),
        ["scary"] = new(["horror"], ["terrifying", "haunted", "ghost", "demon", "monster", "evil", "nightmare", "possessed", "terror"]),
        ["gory"] = new(["horror"], ["gore", "blood", "bloody", "slasher", "massacre", "cannibal", "chainsaw", "butcher", "zombie", "brutal", "killer"]),
        ["tense"] = new(["thriller", "mystery"], ["suspense", "trap", "deadly", "hunt", "chase", "race against"]),
        ["romantic"] = new(["romance"], ["love", "falls for", "romance", "wedding", "lovers"]),
        ["sad"] = new(["drama"], ["grief", "grieving", "dying", "death", "loss", "tragic", "mourning", "terminal"]),
        ["dark"] = new(["crime", "thriller"], ["dark", "murder", "corrupt", "violent", "obsession", "killer", "revenge"]),
        ["epic"] = new(["adventure", "war", "history", "fantasy"], ["epic", "quest", "empire", "battle", "kingdom", "legendary"]),
        ["exciting"] = new(["action", "adventure"], ["fight", "chase", "mission", "explosive", "race"]),
        ["mind-bending"] = new(["science-fiction", "mystery"], ["dream", "reality", "memory", "time", "identity", "mind"]),
        ["magical"] = new(["fantasy"], ["magic", "wizard", "witch", "fairy", "dragon", "spell", "enchanted"]),
        ["true-story"] = new(["history", "documentary"], ["true", "real", "based on", "biography"]),
        ["thoughtful"] = new(["drama"], ["quietly", "meaning", "moving", "reflect"]),
    };

    public static readonly IReadOnlyDictionary<string, AudienceMeaning> Audiences = new Dictionary<string, AudienceMeaning>
    {
        ["kids"] = new(["family"], ["horror", "thriller", "crime", "war"], ["family", "animation", "comedy", "adventure"]),
        ["with-family"] = new([], ["horror"], ["family", "animation", "comedy", "adventure"]),
        ["partner"] = new([], [], ["romance", "comedy"]),
        ["friends"] = new([], [], ["comedy", "action", "adventure"]),
    };

    /// <summary>Kind of title: "film" or "series".</summary>
    public static readonly IReadOnlyDictionary<string, Protocol.MediaType> Formats = new Dictionary<string, Protocol.MediaType>
    {
        ["film"] = Protocol.MediaType.Movie,
        ["series"] = Protocol.MediaType.Tv,
    };

    /// <summary>Years an era stands for, and (when it is negated, "nothing old") the years that remain.</summary>
    public static (int? From, int? To) Years(string era, bool negated) => era switch
    {
        "old" => negated ? (OldUntil + 1, null) : (null, OldUntil),
        "recent" => negated ? (null, RecentFrom - 1) : (RecentFrom, null),
        _ when era.EndsWith('s') && int.TryParse(era[..^1], out var decade) => (decade, decade + 9),
        _ => (null, null),
    };

    public const int OldUntil = 1979;
    public const int RecentFrom = 2015;

    /// <summary>
    /// Places an overview may mention for a country. The catalogue does not record a title's language or
    /// country, so "a Spanish film" can only mean a title whose overview is set in or about Spain.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Places = new Dictionary<string, string[]>
    {
        ["spain"] = ["spain", "spanish", "madrid", "barcelona", "seville", "andalusia", "galicia", "basque", "valencia", "bilbao"],
        ["mexico"] = ["mexico", "mexican"],
        ["argentina"] = ["argentina", "argentine", "argentinian", "buenos aires"],
        ["france"] = ["france", "french", "paris", "parisian", "marseille"],
        ["italy"] = ["italy", "italian", "rome", "naples", "sicily", "venice", "milan"],
        ["germany"] = ["germany", "german", "berlin", "munich"],
        ["japan"] = ["japan", "japanese", "tokyo", "kyoto", "osaka", "samurai"],
        ["korea"] = ["korea", "korean", "seoul", "busan", "joseon"],
        ["britain"] = ["britain", "british", "england", "english", "london", "scotland", "scottish"],
    };

    public static IReadOnlyList<string> GenresOf(string key) =>
        Tones.TryGetValue(key, out var tone) ? tone.Genres : Genres.All.Contains(key) ? [key] : [];

    public static IReadOnlyList<string> HintsOf(string key) => Tones.TryGetValue(key, out var tone) ? tone.Hints : [];
}
