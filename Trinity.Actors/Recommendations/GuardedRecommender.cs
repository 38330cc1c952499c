using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Trinity.Actors.Recommendations;

/// <summary>
/// The model behind a per-room rate limit and <see cref="ModelResilience"/> (circuit breaker and timeout), with the
/// keyword recommender answering whenever the model may not be asked, fails, is slow, answers garbage or finds no title.
/// Never throws for a failing model: the member always gets suggestions.
/// </summary>
public sealed class GuardedRecommender : IRecommender
{
    private readonly IRecommender _model;
    private readonly IRecommender _fallback;
    private readonly AiOptions _options;
    private readonly ILogger _log;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly ResiliencePipeline _pipeline;
    private readonly RoomRateLimiter _limiter;

    public GuardedRecommender(IRecommender model, IRecommender fallback, AiOptions options, TimeProvider clock, ILoggerFactory logs)
    {
        (_model, _fallback, _options, _log) = (model, fallback, options, logs.CreateLogger<GuardedRecommender>());
        _pipeline = ModelResilience.Build(options, clock, logs, _circuit);
        _limiter = new RoomRateLimiter(options.RoomRequestsPerMinute, clock);
    }

    public CircuitState Circuit => _circuit.CircuitState;

    public async Task<Recommendation> RecommendAsync(RecommendationRequest request, CancellationToken cancellationToken = default)
    {
        if (!_limiter.TryAcquire(request.RoomId))
            return await Fallback(request, "the room asked too often", cancellationToken);

        Recommendation answer;
        try
        {
            answer = await _pipeline.ExecuteAsync(async token => await _model.RecommendAsync(request, token), cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            return await Fallback(request, "the circuit is open", cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var why = e is TimeoutRejectedException ? $"no answer within {_options.TimeoutSeconds}s" : e.Message;
            return await Fallback(request, "the model failed: " + why, cancellationToken, LogLevel.Warning);
        }
        return answer.Titles.Count > 0 ? answer : await Fallback(request, "its genres left no title", cancellationToken);
    }

    private Task<Recommendation> Fallback(RecommendationRequest request, string why, CancellationToken cancellationToken,
        LogLevel level = LogLevel.Information)
    {
        _log.Log(level, "Room {RoomId}: answering with the fallback, because {Why}", request.RoomId, why);
        return _fallback.RecommendAsync(request, cancellationToken);
    }
}
