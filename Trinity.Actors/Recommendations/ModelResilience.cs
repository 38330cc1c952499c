using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace Trinity.Actors.Recommendations;

/// <summary>
/// The one resilience pipeline around the chat model, from <c>Trinity:Ai:*</c>: a circuit breaker that stops
/// asking a failing model, and inside it a timeout for each call (so a slow answer counts as a failure).
/// Polly reports its events (timeouts, circuit opened/closed) on the meter <see cref="MeterName"/>, at /metrics.
/// </summary>
public static class ModelResilience
{
    public const string PipelineName = "chat-model";

    /// <summary>The meter Polly.Extensions' telemetry emits on.</summary>
    public const string MeterName = "Polly";

    /// <param name="circuit">reads the breaker's state (closed, open, half-open)</param>
    public static ResiliencePipeline Build(AiOptions options, TimeProvider clock, ILoggerFactory logs, CircuitBreakerStateProvider circuit) =>
        new ResiliencePipelineBuilder { Name = PipelineName, TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Opens when every call sampled failed and there were at least BreakAfterFailures of them: that many
                // failures in a row, as long as no success came within BreakFor before them.
                FailureRatio = 1,
                MinimumThroughput = options.BreakAfterFailures,
                SamplingDuration = options.BreakFor,
                BreakDuration = options.BreakFor,
                StateProvider = circuit,
                // Any failure of the model counts (an error, a timeout, an unreadable answer); the caller giving up does not.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e &&
                    !(e is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
            })
            .AddTimeout(options.Timeout)
            .ConfigureTelemetry(logs)
            .Build();
}
