using Trinity.Actors.Domain;

namespace Trinity.Actors.Catalog;

/// <summary>
/// Reads a genre as people and services write it (English or Spanish, any casing, "Sci-Fi",
/// "Ciencia ficción", "Action &amp; Adventure") into the catalogue's vocabulary (<see cref="Genres"/>).
/// </summary>
public static class GenreNames
{
    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.Ordinal)
    {
        ["sci fi"] = ["science-fiction"], ["scifi"] = ["science-fiction"], ["science fiction"] = ["science-fiction"],
        ["ciencia ficcion"] = ["science-fiction"], ["sci fi and fantasy"] = ["science-fiction", "fantasy"],
        ["action and adventure"] = ["action", "adventure"], ["war and politics"] = ["war"],
        ["accion"] = ["action"], ["aventura"] = ["adventure"], ["aventuras"] = ["adventure"], ["animacion"] = ["animation"],
        ["animated"] = ["animation"], ["cartoon"] = ["animation"], ["kids"] = ["family", "animation"],
        ["comedia"] = ["comedy"], ["comedies"] = ["comedy"], ["romantic comedy"] = ["romance", "comedy"],
        ["comedia romantica"] = ["romance", "comedy"], ["crimen"] = ["crime"], ["policiaca"] = ["crime"],
        ["documental"] = ["documentary"], ["documentales"] = ["documentary"], ["dramas"] = ["drama"],
        ["familia"] = ["family"], ["familiar"] = ["family"], ["fantasia"] = ["fantasy"], ["historia"] = ["history"],
        ["historical"] = ["history"], ["historica"] = ["history"], ["terror"] = ["horror"], ["miedo"] = ["horror"],
        ["musica"] = ["music"], ["musical"] = ["music"], ["musicals"] = ["music"], ["misterio"] = ["mystery"],
        ["romantic"] = ["romance"], ["romance"] = ["romance"], ["romantica"] = ["romance"], ["suspense"] = ["thriller"],
        ["suspenso"] = ["thriller"], ["thrillers"] = ["thriller"], ["guerra"] = ["war"], ["belica"] = ["war"],
        ["oeste"] = ["western"], ["westerns"] = ["western"],
    };

    /// <summary>Every name <see cref="Read"/> knows, folded ("science fiction", "comedia").</summary>
    public static IEnumerable<string> Names => Genres.All.Select(g => g.Replace('-', ' ')).Concat(Synonyms.Keys);

    /// <summary>The vocabulary genres a name stands for; empty when it is none of them.</summary>
    public static IReadOnlyList<string> Read(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return [];
        var key = TextFold.Words(name.Replace("&", " and "));
        if (Genres.All.Contains(key.Replace(' ', '-'))) return [key.Replace(' ', '-')];
        return Synonyms.TryGetValue(key, out var genres) ? genres : [];
    }

    /// <summary>Every vocabulary genre named in <paramref name="names"/>, once each, in order.</summary>
    public static IReadOnlyList<string> ReadAll(IEnumerable<string?> names) =>
        names.SelectMany(Read).Distinct(StringComparer.Ordinal).ToArray();
}
