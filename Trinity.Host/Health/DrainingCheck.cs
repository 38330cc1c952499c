using Microsoft.Extensions.Diagnostics.HealthChecks;
using Trinity.Host.Realtime;

namespace Trinity.Host.Health;

/// <summary>Not ready once the node drains, so a load balancer stops sending it clients before it stops.</summary>
public sealed class DrainingCheck(ShutdownNotice notice) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(notice.Draining ? HealthCheckResult.Unhealthy("draining: the node is shutting down") : HealthCheckResult.Healthy());
}
