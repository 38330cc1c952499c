using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using Trinity.Actors.Catalog;
using Trinity.Actors.Recommendations.Reading;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Trinity.Actors.Recommendations.Model;

/// <summary>
/// Asks the chat model for a reading of the request and ranks catalogue titles with it exactly as the
/// fallback ranks its own (<see cref="RequestRanker"/>, so the room's filters hold). Throws when the call
/// fails or the answer is unusable: see <see cref="GuardedRecommender"/>.
/// </summary>
public sealed class ModelRecommender(IChatClient chat, ICatalog catalog) : IRecommender
{
    public const string SourceName = "model";
    public const double DefaultConfidence = 0.8;

    public async Task<Recommendation> RecommendAsync(RecommendationRequest request, CancellationToken cancellationToken = default)
    {
        var response = await chat.GetResponseAsync(ModelPrompt.For(request), ModelPrompt.Options, cancellationToken);
        var answer = ModelAnswerParser.Parse(response.Text) ?? throw new UnusableModelAnswerException(response.Text);
        var titles = catalog.All;
        var reading = ModelReading.From(answer, RequestParser.Read(request.Mood, titles), titles);
        return ReadingRecommendation.From(titles, request, reading, SourceName, answer.Reasoning, answer.Confidence ?? DefaultConfidence);
    }

    /// <summary>
    /// A chat client for an OpenAI-compatible server. No retries of its own: a failed call goes to the
    /// fallback at once, and the circuit breaker decides when to try again.
    /// </summary>
    public static IChatClient Connect(AiOptions options) =>
        new ChatClient(options.Model, new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey),
                new OpenAIClientOptions
                {
                    Endpoint = new Uri(options.Endpoint!),
                    RetryPolicy = new ClientRetryPolicy(0),
                    NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(1),
                })
            .AsIChatClient();
}
