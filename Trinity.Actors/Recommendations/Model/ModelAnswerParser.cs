using System.Text.Json;
using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;
using Trinity.Actors.Recommendations.Reading;

namespace Trinity.Actors.Recommendations.Model;

/// <summary>
/// Reads the model's small JSON answer however it arrives: inside code fences or prose, with keys in any
/// casing or in Spanish (<c>Emotional_State</c>, <c>géneros</c>, <c>público</c>), lists as arrays or comma
/// lists. Tones, audience and constraints are read with the same lexicon as a member's words
/// (<see cref="RequestParser.CuesOf"/>). The first JSON object naming a catalogue genre, a known tone, a
/// title or a topic wins; none gives null.
/// </summary>
public static class ModelAnswerParser
{
    public const int MaxReasoningLength = 280;
    public const int MaxStateLength = 40;

    private static readonly string[] GenreKeys = ["genres", "genre", "generos", "genero"];
    private static readonly string[] StateKeys = ["emotionalstate", "estadoemocional", "emotion", "emocion", "state", "estado", "mood"];
    private static readonly string[] ApproachKeys = ["approach", "enfoque", "strategy", "estrategia"];
    private static readonly string[] ReasoningKeys = ["reasoning", "razonamiento", "reason", "razon", "explanation", "explicacion"];
    private static readonly string[] ConfidenceKeys = ["confidence", "confianza"];
    private static readonly string[] ToneKeys = ["tones", "tone", "tonos", "tono"];
    private static readonly string[] AvoidKeys = ["avoid", "evitar", "exclude", "excluir", "negations", "negaciones", "without", "sin"];
    private static readonly string[] AudienceKeys = ["audience", "publico", "audiencia", "watchers", "para"];
    private static readonly string[] MediaTypeKeys = ["mediatype", "type", "tipo", "format", "formato"];
    private static readonly string[] EraKeys = ["era", "epoca", "decade", "decada", "period"];
    private static readonly string[] LengthKeys = ["length", "duracion", "duration"];
    private static readonly string[] CountryKeys = ["country", "pais", "language", "idioma", "origin", "origen"];
    private static readonly string[] LikeKeys = ["like", "similarto", "similar", "parecidaa", "como", "liketitle"];
    private static readonly string[] TopicKeys = ["topics", "topic", "temas", "tema", "keywords", "palabrasclave", "about", "sobre"];

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static ModelAnswer? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var candidate in JsonObjects(text))
        {
            try
            {
                using var doc = JsonDocument.Parse(candidate, Lenient);
                if (Read(doc.RootElement) is { } answer) return answer;
            }
            catch (JsonException)
            {
                // Not JSON after all: try the next object in the text.
            }
        }
        return null;
    }

    private static ModelAnswer? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject()) fields.TryAdd(TextFold.Words(p.Name).Replace(" ", ""), p.Value);

        var genres = GenreNames.ReadAll(List(Field(fields, GenreKeys)));
        var tones = Keys(List(Field(fields, ToneKeys)), CueKind.Tone, CueKind.Genre);
        var like = Text(Field(fields, LikeKeys));
        var topics = List(Field(fields, TopicKeys)).Select(t => t?.Trim()).OfType<string>().Where(t => t.Length > 0).ToArray();
        if (genres.Count == 0 && tones.Count == 0 && like.Length == 0 && topics.Length == 0) return null;
        return new ModelAnswer(genres, State(Text(Field(fields, StateKeys))), Approach(Text(Field(fields, ApproachKeys))),
            Reasoning(Text(Field(fields, ReasoningKeys))), Confidence(Field(fields, ConfidenceKeys)))
        {
            Tones = tones,
            Avoid = Keys(List(Field(fields, AvoidKeys)), CueKind.Tone, CueKind.Genre),
            Audience = Audience(Text(Field(fields, AudienceKeys))),
            MediaType = Keys([Text(Field(fields, MediaTypeKeys))], CueKind.Format).Select(k => (Protocol.MediaType?)Cues.Formats[k]).FirstOrDefault(),
            Era = Keys([Text(Field(fields, EraKeys))], CueKind.Era).FirstOrDefault(),
            Length = Keys([Text(Field(fields, LengthKeys))], CueKind.Length).FirstOrDefault(),
            Country = Keys([Text(Field(fields, CountryKeys))], CueKind.Country).FirstOrDefault(),
            Like = like.Length > 0 ? like : null,
            Topics = topics,
        };
    }

    /// <summary>An array of strings, or one string listing them with commas.</summary>
    private static IEnumerable<string?> List(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : null),
        { ValueKind: JsonValueKind.String } s => s.GetString()!.Split(',', ';', '/'),
        _ => [],
    };

    private static IReadOnlyList<string> Keys(IEnumerable<string?> words, params CueKind[] kinds) =>
        words.SelectMany(w => RequestParser.CuesOf(w)).Where(c => kinds.Contains(c.Kind)).Select(c => c.Key).Distinct().ToArray();

    /// <summary>The audience as the prompt names it ("family" is an audience here, not the genre), or as a member would.</summary>
    private static string? Audience(string raw) => TextFold.Words(raw) switch
    {
        "" or "null" or "none" => null,
        "family" or "familia" => "with-family",
        var folded when Cues.Audiences.ContainsKey(folded) => folded,
        var folded => Keys([folded], CueKind.Audience).FirstOrDefault(),
    };

    private static JsonElement? Field(Dictionary<string, JsonElement> fields, string[] keys) =>
        keys.Select(k => fields.TryGetValue(k, out var v) ? v : (JsonElement?)null).FirstOrDefault(v => v is not null);

    private static string Text(JsonElement? e) => e is { ValueKind: JsonValueKind.String } s ? s.GetString()!.Trim() : "";

    /// <summary>A state the keyword analyser knows ("deprimida" → depressed) is named as it names it.</summary>
    private static string State(string raw)
    {
        var folded = TextFold.Words(raw);
        if (folded.Length == 0) return "neutral";
        var known = MoodAnalyzer.Read(folded).EmotionalState;
        return known != "neutral" ? known : folded.Length <= MaxStateLength ? folded : folded[..MaxStateLength].TrimEnd();
    }

    private static string Approach(string raw)
    {
        var folded = TextFold.Words(raw);
        if (folded.Contains("cathar") || folded.Contains("catars")) return "catharsis";
        if (folded.Contains("mix") || folded.Contains("ambos") || folded.Contains("both")) return "mixed";
        if (folded.Contains("escap") || folded.Contains("evasi")) return "escape";
        return "mixed";
    }

    private static string? Reasoning(string raw)
    {
        var line = string.Join(' ', raw.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        if (line.Length == 0) return null;
        return line.Length <= MaxReasoningLength ? line : line[..(MaxReasoningLength - 1)].TrimEnd() + "…";
    }

    /// <summary>0..1 as given, or a percentage; anything else is no confidence.</summary>
    private static double? Confidence(JsonElement? e)
    {
        if (e is not { ValueKind: JsonValueKind.Number } n || !n.TryGetDouble(out var value) || double.IsNaN(value)) return null;
        if (value is > 1 and <= 100) value /= 100;
        return value is >= 0 and <= 1 ? value : null;
    }

    /// <summary>Every balanced <c>{...}</c> in the text, outermost first, ignoring braces inside strings.</summary>
    private static IEnumerable<string> JsonObjects(string text)
    {
        for (var start = text.IndexOf('{'); start >= 0; start = text.IndexOf('{', start + 1))
        {
            var end = ClosingBrace(text, start);
            if (end > start) yield return text[start..(end + 1)];
        }
    }

    private static int ClosingBrace(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return -1;
    }
}
