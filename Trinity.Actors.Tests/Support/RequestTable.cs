using Trinity.Actors.Protocol;

namespace Trinity.Actors.Tests;

/// <summary>
/// A request as a group types it and what its suggestions must (and must not) be, checked against the
/// shipped catalogue in <see cref="RequestReadingSpec"/>.
/// </summary>
/// <param name="AllHave">every title has one of these genres</param>
/// <param name="NoneHave">no title has any of these genres</param>
/// <param name="OneOf">at least one of these titles is suggested</param>
/// <param name="NotThese">none of these titles is suggested</param>
/// <param name="Mention">every title's name or overview holds one of these words</param>
/// <param name="Says">the reading holds this text</param>
/// <param name="Nothing">nothing fits: no titles, and the reading says so</param>
public sealed record RequestCase(string Request, string Language,
    string[]? AllHave = null, string[]? NoneHave = null, string[]? OneOf = null, string[]? NotThese = null,
    MediaType? Type = null, int? From = null, int? To = null, string[]? Mention = null, string? Says = null, bool Nothing = false)
{
    public override string ToString() => Request;
}

public static class RequestTable
{
    private static readonly string[] Light = ["comedy", "family", "animation"];
    private static readonly string[] Kids = ["family", "animation"];
    private static readonly string[] Dark = ["crime", "thriller"];
    private static readonly string[] Epic = ["adventure", "war", "history", "fantasy"];
    private static readonly string[] Interstellar = ["science-fiction", "adventure", "drama"];
    private static readonly string[] Spain = ["spain", "spanish", "madrid", "barcelona", "seville", "andalusia", "galicia", "basque", "valencia", "bilbao"];
    private static readonly string[] Japan = ["japan", "japanese", "tokyo", "kyoto", "osaka", "samurai"];
    private static readonly string[] Korea = ["korea", "korean", "seoul", "busan", "joseon"];
    private static readonly string[] TimeTravel = ["m-back-to-the-future-1985", "tv-doctor-who-2005"];
    private static readonly string[] ZombieTitles = ["m-train-to-busan-2016", "m-shaun-of-the-dead-2004"];
    private static readonly string[] Christmas = ["m-home-alone-1990", "m-its-a-wonderful-life-1946", "m-the-nightmare-before-christmas-1993"];

    public static readonly RequestCase[] Cases =
    [
        // English
        new("we want something light and funny", "en", AllHave: ["comedy"]),
        new("something scary", "en", AllHave: ["horror"]),
        new("nothing sad, something funny", "en", AllHave: ["comedy"], NoneHave: ["drama"]),
        new("a feel-good film for the kids", "en", AllHave: Kids, NoneHave: ["horror"], Type: MediaType.Movie),
        new("something short, we're tired", "en", Says: "Running times aren't in the catalogue"),
        new("like Interstellar", "en", AllHave: Interstellar, NotThese: ["m-interstellar-2014"]),
        new("a Spanish film", "en", Type: MediaType.Movie, Mention: Spain, Says: "doesn't record language or country"),
        new("something with time travel", "en", OneOf: TimeTravel),
        new("a horror movie but not too gory", "en", AllHave: ["horror"], Type: MediaType.Movie),
        new("a romantic comedy for date night", "en", AllHave: ["romance"]),
        new("an old western", "en", AllHave: ["western"], To: 1979),
        new("a recent thriller series", "en", AllHave: ["thriller"], Type: MediaType.Tv, From: 2015),
        new("something from the 80s for the whole family", "en", NoneHave: ["horror"], From: 1980, To: 1989),
        new("a documentary, nothing about war", "en", AllHave: ["documentary"], NoneHave: ["war"]),
        new("no horror please, we're with the kids", "en", AllHave: Kids, NoneHave: ["horror"]),
        new("I'm depressed, make us laugh", "en", AllHave: ["comedy"]),
        new("an epic fantasy adventure", "en", AllHave: Epic),
        new("something dark and twisted, no series", "en", AllHave: Dark, Type: MediaType.Movie),
        new("a Japanese animated film", "en", AllHave: ["animation"], Type: MediaType.Movie, Mention: Japan),
        new("a tense mystery", "en", AllHave: ["mystery", "thriller"]),
        new("comedies, but nothing animated", "en", AllHave: ["comedy"], NoneHave: ["animation"]),
        new("something like The Office", "en", AllHave: ["comedy"], NotThese: ["tv-the-office-2005", "tv-the-office-2001"]),
        new("movies like Alien but funny", "en", AllHave: ["comedy"], Type: MediaType.Movie, NotThese: ["m-alien-1979"]),
        new("a classic black and white film", "en", Type: MediaType.Movie, To: 1979),
        new("Zombies!", "en", OneOf: ZombieTitles),
        new("a christmas movie for the family", "en", OneOf: Christmas, NoneHave: ["horror"]),
        new("something about space, not horror", "en", NoneHave: ["horror"], OneOf: ["m-2001-a-space-odyssey-1968", "m-wall-e-2008"]),
        new("a sci-fi series", "en", AllHave: ["science-fiction"], Type: MediaType.Tv),
        new("I feel lonely tonight", "en", AllHave: ["romance", "drama", "family"]),
        new("we're stressed, something relaxing, no thrillers", "en", NoneHave: ["thriller", "horror"]),
        new("a korean thriller", "en", AllHave: ["thriller"], Mention: Korea),
        new("something romantic for me and my girlfriend, not too sad", "en", AllHave: ["romance"], NoneHave: ["drama"]),
        new("somthing scarry", "en", AllHave: ["horror"]),
        new("a musical", "en", AllHave: ["music"]),
        new("something like Toy Story for the kids", "en", AllHave: Kids, NotThese: ["m-toy-story-1995"]),
        new("a western series from the 1940s", "en", Nothing: true),
        new("nothing old, something funny", "en", AllHave: ["comedy"], From: 1980),
        new("a film that's not too long", "en", Type: MediaType.Movie, Says: "Running times aren't in the catalogue"),
        new("a series like Breaking Bad", "en", Type: MediaType.Tv, AllHave: ["crime", "drama", "thriller"], NotThese: ["tv-breaking-bad-2008"]),
        // Spanish
        new("algo de miedo pero no muy gore", "es", AllHave: ["horror"]),
        new("una de risa", "es", AllHave: ["comedy"]),
        new("estoy deprimido", "es", AllHave: ["comedy", "animation", "family"]),
        new("sin terror, que vienen los niños", "es", AllHave: Kids, NoneHave: ["horror"]),
        new("una peli como Interstellar", "es", AllHave: Interstellar, Type: MediaType.Movie, NotThese: ["m-interstellar-2014"]),
        new("una película española", "es", Type: MediaType.Movie, Mention: Spain, Says: "no guarda idioma ni país"),
        new("algo sobre viajes en el tiempo", "es", OneOf: TimeTravel),
        new("una comedia romántica para ver en pareja", "es", AllHave: ["romance", "comedy"]),
        new("nada triste, algo divertido", "es", AllHave: ["comedy"], NoneHave: ["drama"]),
        new("una serie de misterio", "es", AllHave: ["mystery"], Type: MediaType.Tv),
        new("un western clásico", "es", AllHave: ["western"], To: 1979),
        new("algo de los 80 para ver en familia", "es", NoneHave: ["horror"], From: 1980, To: 1989),
        new("un documental que no sea de guerra", "es", AllHave: ["documentary"], NoneHave: ["war"]),
        new("dibujos animados para los peques", "es", AllHave: ["animation"]),
        new("estamos agobiados, algo ligero", "es", AllHave: Light),
        new("algo épico de fantasía", "es", AllHave: Epic),
        new("una peli oscura y retorcida, nada de series", "es", AllHave: Dark, Type: MediaType.Movie),
        new("una de suspense reciente", "es", AllHave: ["thriller", "mystery"], From: 2015),
        new("algo japonés de animación", "es", AllHave: ["animation"], Mention: Japan),
        new("comedias pero nada de dibujos", "es", AllHave: ["comedy"], NoneHave: ["animation"]),
        new("algo parecido a La Casa de Papel", "es", AllHave: ["crime", "thriller", "action"], NotThese: ["tv-la-casa-de-papel-2017"]),
        new("zombis", "es", OneOf: ZombieTitles),
        new("una peli de navidad para toda la familia", "es", OneOf: Christmas, NoneHave: ["horror"], Type: MediaType.Movie),
        new("algo de ciencia ficción sin terror", "es", AllHave: ["science-fiction"], NoneHave: ["horror"]),
        new("me siento sola esta noche", "es", AllHave: ["romance", "drama", "family"]),
        new("sin thrillers, estamos estresados", "es", NoneHave: ["thriller"]),
        new("un thriller coreano", "es", AllHave: ["thriller"], Mention: Korea),
        new("algo romántico para mi novia, que no sea triste", "es", AllHave: ["romance"], NoneHave: ["drama"]),
        new("una comdia para reir", "es", AllHave: ["comedy"]),
        new("UNA PELI DE TERROR ANTIGUA", "es", AllHave: ["horror"], Type: MediaType.Movie, To: 1979),
        new("un musical", "es", AllHave: ["music"]),
        new("algo corto que estamos cansados", "es", Says: "no tiene duraciones"),
        new("peli de acción de los noventa", "es", AllHave: ["action"], Type: MediaType.Movie, From: 1990, To: 1999),
        new("una serie del oeste de los años 40", "es", Nothing: true),
        new("algo de terrorr", "es", AllHave: ["horror"]),
        new("una peli tipo Amelie", "es", AllHave: ["comedy", "romance"], Type: MediaType.Movie, NotThese: ["m-amelie-2001"]),
        new("quiero reírme con mis amigos, nada de dibujos", "es", AllHave: ["comedy"], NoneHave: ["animation"]),
    ];
}
