using Microsoft.Extensions.Logging;
using Trinity.Actors.Hosting;

namespace Trinity.Actors.Recommendations;

/// <summary>
/// The model behind a per-room rate limit, a circuit breaker and a timeout, with the keyword recommender
/// answering whenever the model may not be asked, fails, is slow, answers garbage or finds no title.
/// Never throws for a failing model: the member always gets suggestions.
/// </summary>
public sealed class GuardedRecommender(
    IRecommender model, IRecommender fallback, AiOptions options, TimeProvider clock, ILogger<GuardedRecommender> log) : IRecommender
{
    private readonly CircuitBreaker _breaker = new(options.BreakAfterFailures, options.BreakFor, clock);
    private readonly RoomRateLimiter _limiter = new(options.RoomRequestsPerMinute, clock);

    public CircuitBreaker.CircuitState Circuit => _breaker.State;

    public async Task<Recommendation> RecommendAsync(RecommendationRequest request, CancellationToken cancellationToken = default)
    {
        if (!_limiter.TryAcquire(request.RoomId))
            return await Fallback(request, "the room asked too often", cancellationToken);
        if (!_breaker.TryEnter())
            return await Fallback(request, "the circuit is open", cancellationToken);

        Recommendation answer;
        try
        {
            using var timeout = new CancellationTokenSource(options.Timeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            answer = await model.RecommendAsync(request, linked.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _breaker.Failed();
            var why = e is OperationCanceledException ? $"no answer within {options.TimeoutSeconds}s" : e.Message;
            return await Fallback(request, "the model failed: " + why, cancellationToken, LogLevel.Warning);
        }
        _breaker.Succeeded();
        return answer.Titles.Count > 0 ? answer : await Fallback(request, "its genres left no title", cancellationToken);
    }

    private Task<Recommendation> Fallback(RecommendationRequest request, string why, CancellationToken cancellationToken,
        LogLevel level = LogLevel.Information)
    {
        log.Log(level, "Room {RoomId}: answering with the fallback, because {Why}", request.RoomId, why);
        return fallback.RecommendAsync(request, cancellationToken);
    }
}
