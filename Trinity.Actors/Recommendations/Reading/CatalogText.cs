using System.Runtime.CompilerServices;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Recommendations.Reading;

/// <summary>
/// The catalogue's own text, searchable: BM25 over each title's name and overview (folded words, plurals
/// trimmed, word pairs indexed too so "time travel" outranks "time"), and fuzzy lookup of titles by name.
/// Built once per catalogue list (a refreshed catalogue gets its own).
/// </summary>
public sealed class CatalogText
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private static readonly ConditionalWeakTable<IReadOnlyList<MediaItem>, CatalogText> Cache = new();
    private static readonly string[] Articles = ["the", "a", "an", "el", "la", "los", "las", "un", "una"];

    private readonly Dictionary<string, int>[] _terms;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;
    private readonly (string Name, int Index)[] _names;

    private CatalogText(IReadOnlyList<MediaItem> titles)
    {
        Titles = titles;
        _terms = new Dictionary<string, int>[titles.Count];
        for (var i = 0; i < titles.Count; i++)
        {
            var terms = _terms[i] = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in Terms(titles[i].Title + " " + titles[i].Overview)) terms[term] = terms.GetValueOrDefault(term) + 1;
            foreach (var term in terms.Keys) _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }
        _averageLength = titles.Count == 0 ? 1 : _terms.Average(t => Math.Max(1, t.Values.Sum()));
        _names = titles.SelectMany((t, i) => NameForms(t.Title).Select(name => (name, i))).ToArray();
    }

    public static CatalogText For(IReadOnlyList<MediaItem> catalog) => Cache.GetValue(catalog, c => new CatalogText(c));

    public IReadOnlyList<MediaItem> Titles { get; }

    /// <summary>How many titles mention any of the search's words.</summary>
    public int DocumentFrequency(string search) => Query(search).Max(t => _documentFrequency.GetValueOrDefault(t));

    /// <summary>BM25 of title <paramref name="index"/> for the search's words and word pairs.</summary>
    public double Score(int index, string search)
    {
        var terms = _terms[index];
        var length = terms.Values.Sum();
        var score = 0.0;
        foreach (var term in Query(search))
        {
            if (!terms.TryGetValue(term, out var tf)) continue;
            var df = _documentFrequency[term];
            var idf = Math.Log(1 + (Titles.Count - df + 0.5) / (df + 0.5));
            score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / _averageLength));
        }
        return score;
    }

    /// <summary>Whether the title's name or overview holds the phrase (every word of it, in order).</summary>
    public bool Mentions(int index, string phrase)
    {
        var words = Words(phrase);
        return words.Length switch
        {
            0 => false,
            1 => _terms[index].ContainsKey(words[0]),
            _ => Enumerable.Range(0, words.Length - 1).All(i => _terms[index].ContainsKey(words[i] + " " + words[i + 1])),
        };
    }

    /// <summary>
    /// The catalogue title named at the start of <paramref name="tokens"/> (folded words), allowing simple
    /// typos and a missing or extra article; with how many tokens it took. <paramref name="strict"/> asks
    /// for names of five letters or more with at most one typo (after a word as loose as "like" or "como").
    /// </summary>
    public (MediaItem Title, int Tokens)? FindTitle(IReadOnlyList<string> tokens, bool strict)
    {
        (MediaItem Title, int Tokens, int Distance)? best = null;
        var skip = tokens.Count > 1 && Articles.Contains(tokens[0]) ? 1 : 0;
        for (var n = Math.Min(tokens.Count, 8); n >= 1; n--)
        {
            var typed = string.Join(' ', tokens.Skip(skip).Take(n - skip));
            if (typed.Length == 0) continue;
            foreach (var (name, index) in _names)
            {
                if (strict && name.Length < 5) continue;
                var tolerance = strict ? Math.Min(1, WordMatch.Tolerance(name.Length)) : WordMatch.Tolerance(name.Length);
                if (name[0] != typed[0] || Math.Abs(name.Length - typed.Length) > tolerance) continue;
                var distance = WordMatch.Distance(typed, name, tolerance);
                if (distance > tolerance) continue;
                if (best is null || distance < best.Value.Distance
                    || (distance == best.Value.Distance && n == best.Value.Tokens && Titles[index].Rating > best.Value.Title.Rating))
                    best = (Titles[index], n, distance);
            }
            if (best is { Distance: 0 }) break;
        }
        return best is { } found ? (found.Title, found.Tokens) : null;
    }

    private static IEnumerable<string> NameForms(string title)
    {
        var name = TextFold.Words(title);
        yield return name;
        var space = name.IndexOf(' ');
        if (space > 0 && Articles.Contains(name[..space])) yield return name[(space + 1)..];
    }

    private static IEnumerable<string> Query(string search)
    {
        var words = Words(search);
        return words.Concat(words.Zip(words.Skip(1), (a, b) => a + " " + b)).Distinct();
    }

    private static IEnumerable<string> Terms(string text)
    {
        var words = Words(text);
        return words.Concat(words.Zip(words.Skip(1), (a, b) => a + " " + b));
    }

    private static string[] Words(string text) =>
        TextFold.Words(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1).Select(Stem).ToArray();

    /// <summary>
    /// Plurals and -ing trimmed, the same for overviews and searches: "zombies" → zombie, "stories" → story,
    /// "time-travelling" → time travel. Crude, but both sides are trimmed alike.
    /// </summary>
    private static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i')) return word[..^1];
        if (word.Length > 6 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            var root = word[..^3];
            return root[^1] == root[^2] && !"aeiou".Contains(root[^1]) ? root[..^1] : root;
        }
        return word;
    }
}
