using System.Text;
using Microsoft.Extensions.AI;
using Trinity.Actors.Catalog;

namespace Trinity.Actors.Recommendations.Model;

/// <summary>
/// What the model is asked: read a mood written in Spanish or English and answer with a small JSON object
/// of catalogue genres, the emotional state, an approach and one line of reasoning.
/// </summary>
public static class ModelPrompt
{
    /// <summary>Liked titles shown to the model; enough to hint at taste, few enough to keep the prompt short.</summary>
    public const int MaxLikedShown = 10;

    public static readonly ChatOptions Options = new() { Temperature = 0.2f, MaxOutputTokens = 256 };

    private static readonly string System = $$"""
        You help a group of friends choose a film or series to watch together.
        A member describes how they feel, in Spanish or English. Read their emotional state and decide
        whether they need catharsis (to feel it through), escape (to get away from it) or a mix of both.
        Answer with ONE JSON object and nothing else, in this exact shape:
        {"genres": ["comedy", "adventure"], "emotionalState": "stressed", "approach": "escape", "reasoning": "one short line"}
        - genres: one to three, chosen only from: {{string.Join(", ", Genres.All)}}
        - emotionalState: one English word such as sad, happy, stressed, angry, lonely, anxious, depressed, bored, romantic or neutral
        - approach: catharsis, escape or mixed
        - reasoning: one line, in the language the member wrote in
        Ayudas a un grupo de amigos a elegir qué ver juntos; responde solo con el objeto JSON.
        """;

    public static IList<ChatMessage> For(RecommendationRequest request)
    {
        var user = new StringBuilder();
        user.Append("Mood / estado de ánimo: ").AppendLine(request.Mood.Trim());
        var liked = request.Liked.Take(MaxLikedShown).ToArray();
        if (liked.Length > 0)
        {
            user.AppendLine("The group already liked / al grupo ya le gustó:");
            foreach (var t in liked) user.Append("- ").Append(t.Title).Append(" (").Append(string.Join(", ", t.Genres)).AppendLine(")");
        }
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, user.ToString())];
    }
}
