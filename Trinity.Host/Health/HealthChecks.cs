using Akka.Cluster.Hosting;
using Akka.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Trinity.Actors.Storage;

namespace Trinity.Host.Health;

/// <summary>
/// /healthz/live: the actor system runs (Akka.Hosting's check). /healthz/ready: this node is an Up cluster
/// member (Akka.Cluster.Hosting's check) and can store events now (<see cref="StorageReadinessCheck"/>).
/// Checks tagged <see cref="Ready"/> make up readiness.
/// </summary>
public static class HealthChecks
{
    public const string Live = "live";
    public const string Ready = "ready";

    public static AkkaConfigurationBuilder AddTrinityHealthChecks(this AkkaConfigurationBuilder builder) =>
        builder
            .WithActorSystemLivenessCheck(tags: [Live])
            .WithAkkaClusterReadinessCheck(tags: [Ready])
            .WithHealthCheck<StorageReadinessCheck>("storage", tags: [Ready]);
}

/// <summary>
/// Ready to store: the journal and the snapshot store took the storage probe's last writes, and the
/// SQLite file's disk has more free space than <c>Trinity:Persistence:MinFreeDiskMb</c>; no room's write
/// has failed since. (Akka.Persistence's own journal check reports its circuit breaker, which stays
/// closed while nothing writes, so it cannot see an outage in a quiet moment; the probe writes.)
/// </summary>
public sealed class StorageReadinessCheck(StorageHealth storage) : IAkkaHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(AkkaHealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(storage switch
        {
            { Problem: { } problem } => HealthCheckResult.Unhealthy($"storage cannot be written: {problem}"),
            { Checked: false } => HealthCheckResult.Unhealthy("storage not checked yet"),
            _ => HealthCheckResult.Healthy("journal and snapshot store writable, disk space above the floor"),
        });
}
