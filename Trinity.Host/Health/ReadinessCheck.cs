using Akka.Actor;
using Akka.Cluster;
using Akka.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Trinity.Host.Health;

/// <summary>Ready = this node is an Up member of its cluster and the journal answers a query.</summary>
public sealed class ReadinessCheck(ActorSystem system) : IHealthCheck
{
    private const string ProbeId = "trinity-readiness-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = Cluster.Get(system).SelfMember.Status;
        if (status != MemberStatus.Up) return HealthCheckResult.Unhealthy($"cluster member is {status}");
        try
        {
            // A replay of an empty persistence id makes the journal run a real query against its store.
            var journal = Persistence.Instance.Apply(system).JournalFor(null);
            var answer = await journal.Ask<object>(replyTo => new ReplayMessages(1, 0, 0, ProbeId, replyTo),
                TimeSpan.FromSeconds(3), cancellationToken);
            return answer is ReplayMessagesFailure failure
                ? HealthCheckResult.Unhealthy("journal failed", failure.Cause)
                : HealthCheckResult.Healthy("cluster member Up, journal answers");
        }
        catch (AskTimeoutException)
        {
            return HealthCheckResult.Unhealthy("journal did not answer in time");
        }
    }
}
