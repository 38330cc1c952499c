using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly.Telemetry;

namespace Trinity.Actors.Catalog.Sources;

/// <summary>
/// The named HTTP client of a source, with the standard resilience pipeline tuned from its options: each
/// attempt bounded by <see cref="SourceOptions.Timeout"/>, two quick retries of transient failures (5xx, 408,
/// 429, timeouts; never 401/403), the whole call bounded by three timeouts, and a circuit breaker that stops
/// hammering a server that keeps failing.
/// </summary>
public static class SourceHttp
{
    /// <summary>Images are small; anything larger than this is not one.</summary>
    public const int MaxImageBytes = 8 * 1024 * 1024;

    /// <summary>Every source client's name starts so, which is how their pipelines are told apart from others'.</summary>
    public const string ClientNamePrefix = "catalog-";

    public static IHttpClientBuilder AddSourceClient(this IServiceCollection services, string name, SourceOptions options, string baseUrl)
    {
        // Each retry would be a warning of its own; the source logs one per streak of failed refreshes instead.
        services.Configure<TelemetryOptions>(telemetry =>
        {
            var others = telemetry.SeverityProvider;
            telemetry.SeverityProvider = args => args.Source.PipelineName?.StartsWith(ClientNamePrefix, StringComparison.Ordinal) == true
                ? ResilienceEventSeverity.Debug
                : others?.Invoke(args) ?? args.Event.Severity;
        });
        var builder = services.AddHttpClient(name, http =>
        {
            http.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
            // The pipeline's timeouts govern; HttpClient's own 100 s default would cut long ones short.
            http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        });
        builder.AddStandardResilienceHandler(pipeline =>
        {
            pipeline.AttemptTimeout.Timeout = options.Timeout;
            pipeline.TotalRequestTimeout.Timeout = options.Timeout * 3;
            pipeline.Retry.MaxRetryAttempts = 2;
            pipeline.Retry.Delay = TimeSpan.FromMilliseconds(200);
            pipeline.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, options.TimeoutSeconds * 2 + 1));
            pipeline.CircuitBreaker.MinimumThroughput = 5;
        });
        return builder;
    }

    /// <summary>A JSON answer; a failure status throws (and so fails the refresh).</summary>
    public static async Task<T?> JsonAsync<T>(HttpClient http, HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await http.SendAsync(request, cancellationToken))
        {
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync(type, cancellationToken);
        }
    }

    /// <summary>An image's bytes as the source serves them; refuses what is not an image or is too large.</summary>
    public static async Task<byte[]> ImageAsync(HttpClient http, string address, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxImageBytes) throw new InvalidDataException("the image is too large");
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length > MaxImageBytes || ImageTypes.Of(bytes) is null) throw new InvalidDataException("the answer is not an image");
        return bytes;
    }
}
