using OpenTelemetry.Metrics;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Recommendations;

namespace Trinity.Host.Metrics;

/// <summary>
/// The <see cref="TrinityMetrics"/> instruments and Polly's resilience events (<see cref="ModelResilience"/>) at
/// <c>/metrics</c> in the Prometheus text format. The meters are process-wide: nodes sharing one process (tests) share their counters.
/// </summary>
public static class MetricsExport
{
    public const string Path = "/metrics";

    public static IServiceCollection AddTrinityMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(TrinityMetrics.MeterName, ModelResilience.MeterName)
            .AddPrometheusExporter());
        services.AddSingleton<MetricsSampler>().AddHostedService(sp => sp.GetRequiredService<MetricsSampler>());
        return services;
    }

    public static void MapTrinityMetrics(this IEndpointRouteBuilder app) => app.MapPrometheusScrapingEndpoint(Path);
}
