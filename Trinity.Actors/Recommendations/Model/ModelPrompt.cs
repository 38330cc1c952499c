using System.Text;
using Microsoft.Extensions.AI;
using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;
using Trinity.Actors.Recommendations.Reading;

namespace Trinity.Actors.Recommendations.Model;

/// <summary>
/// What the model is asked: read a request written in Spanish or English (what the group wants to watch,
/// and how they feel) into a small JSON object with the same parts the lexicon reads (genres, tones,
/// audience, constraints, what to avoid, a title it should resemble, topics) plus the emotional state.
/// </summary>
public static class ModelPrompt
{
    /// <summary>Liked titles shown to the model; enough to hint at taste, few enough to keep the prompt short.</summary>
    public const int MaxLikedShown = 10;

    public static readonly ChatOptions Options = new() { Temperature = 0.2f, MaxOutputTokens = 384 };

    private static readonly string System = $$"""
        You help a group of friends choose a film or series to watch together.
        A member writes what they want and how they feel, in Spanish or English. Read it and answer with
        ONE JSON object and nothing else, in this exact shape (use null or [] for what they did not say):
        {"genres": ["comedy"], "tones": ["funny", "feel-good"], "avoid": ["horror", "sad"], "audience": "kids",
         "mediaType": "movie", "era": "1990s", "length": null, "country": null, "like": "Toy Story",
         "topics": ["time travel"], "emotionalState": "stressed", "approach": "escape", "reasoning": "one short line"}
        - genres: zero to three, only from: {{string.Join(", ", Genres.All)}}
        - tones: zero to three of: {{string.Join(", ", Cues.Tones.Keys)}}
        - avoid: genres or tones the member rules out ("nothing sad", "sin terror")
        - audience: kids, family, partner, friends or null
        - mediaType: movie, tv or null; era: old, recent, a decade such as 1980s, or null; length: short, long or null
        - country: {{string.Join(", ", Cues.Places.Keys)}} or null
        - like: the exact title of a film or series the member names as an example, or null
        - topics: what the story should be about, in English words, or []
        - emotionalState: one English word such as sad, happy, stressed, angry, lonely, anxious, depressed, bored, romantic or neutral
        - approach: catharsis (feel it through), escape (get away from it) or mixed
        - reasoning: one line, in the language the member wrote in
        What the member explicitly asks for matters more than their mood.
        Ayudas a un grupo de amigos a elegir qué ver juntos; responde solo con el objeto JSON.
        """;

    public static IList<ChatMessage> For(RecommendationRequest request)
    {
        var user = new StringBuilder();
        user.Append("Request / petición: ").AppendLine(request.Mood.Trim());
        var liked = request.Liked.Take(MaxLikedShown).ToArray();
        if (liked.Length > 0)
        {
            user.AppendLine("The group already liked / al grupo ya le gustó:");
            foreach (var t in liked) user.Append("- ").Append(t.Title).Append(" (").Append(string.Join(", ", t.Genres)).AppendLine(")");
        }
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, user.ToString())];
    }
}
