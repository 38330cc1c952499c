using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Recommendations.Reading;

/// <summary>
/// Reads a request in Spanish or English into a <see cref="RequestReading"/> with the words of both
/// <see cref="Lexicon"/>s (people mix them): a title after "like"/"como" first, then the longest known
/// phrases, one typo tolerated in longer words; negators rule out what follows them up to the end of the
/// clause; words left over that the catalogue's overviews mention become topics. Deterministic and pure.
/// </summary>
public static class RequestParser
{
    private static readonly Lexicon[] Lexicons = [SpanishLexicon.Instance, EnglishLexicon.Instance];

    private static readonly Dictionary<string, Cue[]> Phrases = BuildPhrases();
    private static readonly Dictionary<char, string[]> SingleWordsByInitial = Phrases.Keys.Where(p => !p.Contains(' ') && p.Length >= 5)
        .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.ToArray());
    private static readonly int LongestPhrase = Phrases.Keys.Max(p => p.Count(c => c == ' ') + 1);
    private static readonly HashSet<string> Negators = Folded(Lexicons.SelectMany(l => l.Negators));
    private static readonly HashSet<string> Breaks = Folded(Lexicons.SelectMany(l => l.ClauseBreaks));
    private static readonly HashSet<string> LikeStrong = Folded(Lexicons.SelectMany(l => l.LikeStrong));
    private static readonly HashSet<string> LikeWeak = Folded(Lexicons.SelectMany(l => l.LikeWeak));
    private static readonly HashSet<string> StopWords = Folded(Lexicons.SelectMany(l => l.StopWords));
    private static readonly HashSet<string> MoodWords = Folded(MoodAnalyzer.Vocabulary.SelectMany(v => v.Words).Where(w => !w.Contains(' ')));
    private static readonly Dictionary<string, HashSet<string>> LanguageWords = Lexicons.ToDictionary(l => l.Language, l =>
        Folded(l.StopWords.Concat(l.Negators).Concat(l.ClauseBreaks).Concat(l.Glossary.Keys).Concat(l.Words.Values.SelectMany(k => k.Values.SelectMany(w => w))))
            .Where(w => !w.Contains(' ')).ToHashSet());
    private static readonly int LongestBreak = Breaks.Concat(LikeStrong).Max(p => p.Count(c => c == ' ') + 1);

    private sealed class Token(string word, int segment)
    {
        public string Word { get; } = word;
        public int Segment { get; } = segment;
        public bool Taken { get; set; }
        public bool Negated { get; set; }
    }

    private sealed record Found(int Start, int Length, Cue[] Cues, string Said);

    public static RequestReading Read(string? request, IReadOnlyList<MediaItem> catalog)
    {
        var text = CatalogText.For(catalog);
        var tokens = Tokenize(request ?? "");
        var like = FindLike(tokens, text);
        var found = FindCues(tokens);
        MarkNegation(tokens, found);

        var kept = found.Where(f => !tokens[f.Start].Negated).ToArray();
        var ruledOut = found.Where(f => tokens[f.Start].Negated).ToArray();
        var wanted = Keys(kept, CueKind.Tone, CueKind.Genre);
        var (era, eraNegated) = found.FirstOrDefault(f => f.Cues.Any(c => c.Kind == CueKind.Era)) is { } e
            ? (e.Cues.First(c => c.Kind == CueKind.Era).Key, tokens[e.Start].Negated && !e.Cues.First(c => c.Kind == CueKind.Era).Key.EndsWith('s'))
            : ((string?)null, false);

        return new RequestReading(
            Language(tokens, request ?? ""),
            wanted,
            Keys(ruledOut, CueKind.Tone, CueKind.Genre),
            Keys(kept, CueKind.Audience).FirstOrDefault(),
            Format(kept, ruledOut),
            era, eraNegated,
            Length(kept, ruledOut),
            Keys(kept, CueKind.Country).FirstOrDefault(),
            like,
            Topics(tokens, kept, negated: false, text),
            Topics(tokens, ruledOut, negated: true, text),
            MoodAnalyzer.Read(string.Join(' ', tokens.Where(t => !t.Negated).Select(t => t.Word))));
    }

    private static List<Token> Tokenize(string request)
    {
        var segments = request.Split(['.', ',', ';', ':', '!', '?', '¡', '¿', '(', ')', '[', ']', '\n', '\r', '"', '“', '”', '«', '»'],
            StringSplitOptions.RemoveEmptyEntries);
        return segments.SelectMany((s, i) => TextFold.Words(s).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new Token(w, i))).ToList();
    }

    /// <summary>"like Interstellar", "parecida a Amélie": the title is taken out before anything else reads its words.</summary>
    private static MediaItem? FindLike(List<Token> tokens, CatalogText text)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var n = Math.Min(LongestBreak, tokens.Count - i); n >= 1; n--)
            {
                var trigger = Phrase(tokens, i, n);
                if (trigger is null) continue;
                var strong = LikeStrong.Contains(trigger);
                if (!strong && !LikeWeak.Contains(trigger)) continue;
                var rest = tokens.Skip(i + n).TakeWhile(t => t.Segment == tokens[i].Segment).Select(t => t.Word).ToArray();
                if (text.FindTitle(rest, strict: !strong) is not { } match) continue;
                // "movies like Alien": the trigger's own "movies" still says film.
                foreach (var t in tokens.Skip(i).Take(n)) t.Taken = !Phrases.ContainsKey(t.Word);
                foreach (var t in tokens.Skip(i + n).Take(match.Tokens)) t.Taken = true;
                return match.Title;
            }
        }
        return null;
    }

    private static List<Found> FindCues(List<Token> tokens)
    {
        var found = new List<Found>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Taken) continue;
            for (var n = Math.Min(LongestPhrase, tokens.Count - i); n >= 1; n--)
            {
                if (Phrase(tokens, i, n) is not { } phrase) continue;
                var cues = Phrases.GetValueOrDefault(phrase) ?? (n == 1 ? Misspelt(phrase) : null);
                if (cues is null) continue;
                found.Add(new Found(i, n, cues, string.Join(' ', tokens.Skip(i).Take(n).Select(t => t.Word))));
                foreach (var t in tokens.Skip(i).Take(n)) t.Taken = true;
                break;
            }
        }
        return found;
    }

    /// <summary>A known word typed with one slip ("horor", "comedai" → no: first letters must agree).</summary>
    private static Cue[]? Misspelt(string word)
    {
        if (word.Length < 5 || StopWords.Contains(word) || Negators.Contains(word) || MoodWords.Contains(word)) return null;
        return SingleWordsByInitial.GetValueOrDefault(word[0])?.Where(known => WordMatch.Close(word, known))
            .OrderBy(known => WordMatch.Distance(word, known)).Select(known => Phrases[known]).FirstOrDefault();
    }

    /// <summary>A negator rules out what follows it in its clause: to a comma, a "but", an "and" or a "pero".</summary>
    private static void MarkNegation(List<Token> tokens, List<Found> found)
    {
        var starts = found.ToDictionary(f => f.Start);
        var negating = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && tokens[i].Segment != tokens[i - 1].Segment) negating = false;
            if (starts.TryGetValue(i, out var f))
            {
                foreach (var t in tokens.Skip(i).Take(f.Length)) t.Negated = negating;
                i += f.Length - 1;
                continue;
            }
            if (tokens[i].Taken) continue;
            var breakLength = Enumerable.Range(1, Math.Min(LongestBreak, tokens.Count - i)).Reverse()
                .FirstOrDefault(n => Phrase(tokens, i, n) is { } p && Breaks.Contains(p));
            if (breakLength > 0)
            {
                negating = false;
                i += breakLength - 1;
                continue;
            }
            if (Negators.Contains(tokens[i].Word)) negating = true;
            else tokens[i].Negated = negating;
        }
    }

    private static IReadOnlyList<string> Keys(IEnumerable<Found> found, params CueKind[] kinds) =>
        found.SelectMany(f => f.Cues).Where(c => kinds.Contains(c.Kind)).Select(c => c.Key).Distinct().ToArray();

    private static MediaType? Format(Found[] kept, Found[] ruledOut)
    {
        var types = Keys(kept, CueKind.Format).Select(k => Cues.Formats[k])
            .Concat(Keys(ruledOut, CueKind.Format).Select(k => Cues.Formats[k] == MediaType.Movie ? MediaType.Tv : MediaType.Movie))
            .Distinct().ToArray();
        return types.Length == 1 ? types[0] : null;
    }

    /// <summary>"not too long" is short and "nada corta" long.</summary>
    private static string? Length(Found[] kept, Found[] ruledOut) =>
        Keys(kept, CueKind.Length).Concat(Keys(ruledOut, CueKind.Length).Select(k => k == "short" ? "long" : "short")).FirstOrDefault();

    /// <summary>Glossary topics, then runs of leftover words; only those some overview mentions.</summary>
    private static IReadOnlyList<Topic> Topics(List<Token> tokens, Found[] found, bool negated, CatalogText text)
    {
        var topics = found.SelectMany(f => f.Cues.Where(c => c.Kind == CueKind.Topic).Select(c => new Topic(f.Said, c.Key))).ToList();
        var run = new List<string>();
        for (var i = 0; i <= tokens.Count; i++)
        {
            var t = i < tokens.Count ? tokens[i] : null;
            if (t is not null && !t.Taken && t.Negated == negated && IsTopicWord(t.Word) && (run.Count == 0 || t.Segment == tokens[i - 1].Segment))
            {
                run.Add(t.Word);
                continue;
            }
            if (run.Count > 0) topics.Add(new Topic(string.Join(' ', run), string.Join(' ', run)));
            run.Clear();
            if (t is not null && !t.Taken && t.Negated == negated && IsTopicWord(t.Word)) run.Add(t.Word);
        }
        return topics.Where(topic => text.DocumentFrequency(topic.Search) > 0).DistinctBy(topic => topic.Search).ToArray();
    }

    private static bool IsTopicWord(string word) =>
        word.Length >= 3 && !StopWords.Contains(word) && !Negators.Contains(word) && !Breaks.Contains(word) && !MoodWords.Contains(word)
        && !word.All(char.IsDigit);

    /// <summary>The language with more of its own words in the request; a tie goes to Spanish only if it is written with Spanish marks.</summary>
    private static string Language(List<Token> tokens, string request)
    {
        int Count(string language) => tokens.Count(t => LanguageWords[language].Contains(t.Word) && !LanguageWords[Other(language)].Contains(t.Word));
        var (es, en) = (Count("es"), Count("en"));
        if (es != en) return es > en ? "es" : "en";
        return request.IndexOfAny(['ñ', 'Ñ', '¿', '¡', 'á', 'é', 'í', 'ó', 'ú']) >= 0 ? "es" : "en";
    }

    private static string Other(string language) => language == "es" ? "en" : "es";

    public static Lexicon LexiconFor(string language) => language == "es" ? SpanishLexicon.Instance : EnglishLexicon.Instance;

    private static string? Phrase(List<Token> tokens, int start, int length)
    {
        if (start + length > tokens.Count) return null;
        var segment = tokens[start].Segment;
        for (var i = start; i < start + length; i++)
            if (tokens[i].Taken || tokens[i].Segment != segment) return null;
        return length == 1 ? tokens[start].Word : string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Word));
    }

    private static HashSet<string> Folded(IEnumerable<string> words) => words.Select(w => TextFold.Words(w)).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>Genre names first; a lexicon's meaning of the same words replaces them, both lexicons' meanings add up.</summary>
    private static Dictionary<string, Cue[]> BuildPhrases()
    {
        var phrases = GenreNames.Names.Distinct().ToDictionary(n => n, n => GenreNames.Read(n).Select(g => new Cue(CueKind.Genre, g)).ToArray(), StringComparer.Ordinal);
        var fromLexicons = new Dictionary<string, List<Cue>>(StringComparer.Ordinal);
        foreach (var lexicon in Lexicons)
        {
            foreach (var (kind, keys) in lexicon.Words)
                foreach (var (key, words) in keys)
                    foreach (var word in words)
                        Add(TextFold.Words(word), new Cue(kind, key));
            foreach (var (said, search) in lexicon.Glossary) Add(TextFold.Words(said), new Cue(CueKind.Topic, search));
        }
        foreach (var (phrase, cues) in fromLexicons) phrases[phrase] = cues.Distinct().ToArray();
        return phrases;

        void Add(string phrase, Cue cue)
        {
            if (!fromLexicons.TryGetValue(phrase, out var list)) fromLexicons[phrase] = list = [];
            list.Add(cue);
        }
    }

    /// <summary>The cues a single word or phrase names (for the model's answer, which names tones and audiences in words).</summary>
    public static IReadOnlyList<Cue> CuesOf(string? words)
    {
        if (string.IsNullOrWhiteSpace(words)) return [];
        var folded = TextFold.Words(words);
        return Phrases.GetValueOrDefault(folded) ?? Misspelt(folded) ?? (IReadOnlyList<Cue>)[];
    }
}
