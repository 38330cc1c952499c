using Trinity.Actors.Domain;

namespace Trinity.Actors.Recommendations;

/// <param name="Approach">catharsis (feel it through), escape (get away from it) or mixed</param>
public sealed record MoodReading(string EmotionalState, IReadOnlyList<string> Genres, string Approach, double Confidence);

/// <summary>
/// A deterministic keyword reading of a mood in Spanish or English. States are tried from the most
/// specific to the most general, so "deprimido" reads as depressed rather than sad.
/// </summary>
public static class MoodAnalyzer
{
    private sealed record State(string Name, string Approach, string[] Genres, string[] Words);

    private static readonly State[] States =
    [
        new("depressed", "escape", ["comedy", "animation", "family"],
            ["deprimido", "deprimida", "deprimidos", "deprimidas", "depresion", "depressed", "depression", "hopeless", "desesperanza", "vacio", "empty inside"]),
        new("anxious", "escape", ["comedy", "animation", "family"],
            ["ansioso", "ansiosa", "ansiosos", "ansiosas", "ansiedad", "anxious", "anxiety", "nervioso", "nerviosa", "nervous", "worried", "preocupado", "preocupada", "panic", "panico"]),
        new("stressed", "escape", ["comedy", "animation", "adventure"],
            ["estresado", "estresada", "estresados", "estresadas", "estres", "stressed", "stress", "agobiado", "agobiada", "overwhelmed", "agotado", "agotada", "exhausted", "burned out", "burnout", "tired", "cansado", "cansada", "cansados", "cansadas"]),
        new("lonely", "mixed", ["romance", "drama", "family"],
            ["lonely", "loneliness", "alone", "soledad", "sola", "me siento solo", "aislado", "aislada", "isolated"]),
        new("angry", "catharsis", ["action", "thriller", "crime"],
            ["angry", "furious", "rage", "mad at", "enfadado", "enfadada", "enfadados", "enfadadas", "enojado", "enojada", "furioso", "furiosa", "rabia", "cabreado", "cabreada", "ira"]),
        new("romantic", "mixed", ["romance", "comedy", "drama"],
            ["romantic", "romantico", "romantica", "romanticos", "romanticas", "in love", "enamorado", "enamorada", "enamorados", "enamoradas", "date night", "cita", "amor", "romance", "lovesick"]),
        new("sad", "catharsis", ["drama", "romance", "music"],
            ["sad", "unhappy", "down", "blue", "cry", "crying", "triste", "tristes", "tristeza", "llorar", "melancolico", "melancolica", "heartbroken", "desanimado", "desanimada"]),
        new("bored", "escape", ["adventure", "science-fiction", "mystery"],
            ["bored", "boring", "aburrido", "aburrida", "aburridos", "aburridas", "aburrimiento", "nothing to do", "nada que hacer"]),
        new("happy", "mixed", ["comedy", "adventure", "music"],
            ["happy", "joyful", "excited", "great mood", "good mood", "feliz", "contento", "contenta", "contentos", "contentas", "alegre", "emocionado", "emocionada", "animado", "animada"]),
    ];

    private static readonly MoodReading Neutral = new("neutral", ["drama", "comedy", "mystery"], "mixed", 0.3);

    /// <summary>The states from the most specific to the most general, each with its words (for tests).</summary>
    internal static IEnumerable<(string State, IReadOnlyList<string> Words)> Vocabulary => States.Select(s => (s.Name, (IReadOnlyList<string>)s.Words));

    public static MoodReading Read(string mood)
    {
        var text = " " + TextFold.Words(mood) + " ";
        foreach (var state in States)
        {
            var hits = state.Words.Count(w => text.Contains(" " + w + " ", StringComparison.Ordinal));
            if (hits > 0)
                return new MoodReading(state.Name, state.Genres, state.Approach, Math.Min(0.9, 0.55 + 0.15 * hits));
        }
        return Neutral;
    }
}
