using OpenTelemetry.Metrics;
using Trinity.Actors.Diagnostics;

namespace Trinity.Host.Metrics;

/// <summary>
/// The <see cref="TrinityMetrics"/> instruments at <c>/metrics</c> in the Prometheus text format. The meter is
/// process-wide: nodes sharing one process (tests) share its counters.
/// </summary>
public static class MetricsExport
{
    public const string Path = "/metrics";

    public static IServiceCollection AddTrinityMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(TrinityMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    public static void MapTrinityMetrics(this IEndpointRouteBuilder app) => app.MapPrometheusScrapingEndpoint(Path);
}
