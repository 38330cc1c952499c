using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Akka.Actor;

namespace Trinity.Actors.Diagnostics;

/// <summary>
/// Every Trinity instrument, on the one <c>Trinity</c> meter; each is updated where its thing happens.
/// The host exports them at <c>/metrics</c> (dots become underscores, units become suffixes).
/// </summary>
public static class TrinityMetrics
{
    public const string MeterName = "Trinity";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Open hub connections on this node.</summary>
    public static readonly UpDownCounter<long> Connections =
        Meter.CreateUpDownCounter<long>("trinity.connections", description: "open realtime connections on this node");

    /// <summary>Room entities running on this node (a room recovers onto a node when it is used).</summary>
    public static readonly UpDownCounter<long> RoomsLive =
        Meter.CreateUpDownCounter<long>("trinity.rooms.live", description: "room actors running on this node");

    public static readonly Counter<long> Votes = Meter.CreateCounter<long>("trinity.votes", description: "votes persisted");

    public static readonly Counter<long> Matches = Meter.CreateCounter<long>("trinity.matches", description: "matches found");

    /// <summary>
    /// From a room event's timestamp (taken when the room decided it, before persisting) to its push to one
    /// connection completing: journal write, hops between actors and nodes, and the socket write.
    /// </summary>
    public static readonly Histogram<double> FanOutLatency = Meter.CreateHistogram<double>("trinity.fanout.latency", "ms",
        "room event decided -> pushed to a connection");

    /// <summary>
    /// Room events that reached this node's relays: one per event per node with connections in the room, however
    /// many of them there are (each relay then hands the event, serialised once, to its connections).
    /// </summary>
    public static readonly Counter<long> RelayedEvents = Meter.CreateCounter<long>("trinity.relay.events",
        description: "room events received by this node's room relays (one per event and node)");

    /// <summary>From asking the journal to persist a room's events to their being applied.</summary>
    public static readonly Histogram<double> JournalWriteLatency = Meter.CreateHistogram<double>("trinity.journal.write.latency", "ms",
        "room events sent to the journal -> persisted and applied");

    public static readonly Counter<long> DroppedMessages = Meter.CreateCounter<long>("trinity.slow_client.dropped",
        description: "events dropped for connections cut off for reading too slowly");

    /// <summary>Calls refused for going over a rate limit; tagged <c>edge</c> = hub or rest.</summary>
    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("trinity.rate_limited",
        description: "calls refused by a rate limit");

    private static readonly ConcurrentDictionary<ActorSystem, byte> Systems = new();

    /// <summary>Cluster members by status as this node sees them, tagged <c>status</c> and <c>node</c> (the observer).</summary>
    public static readonly ObservableGauge<int> ClusterMembers = Meter.CreateObservableGauge("trinity.cluster.members",
        () => Systems.Keys.SelectMany(system =>
        {
            var cluster = Akka.Cluster.Cluster.Get(system);
            var node = new KeyValuePair<string, object?>("node", cluster.SelfAddress.ToString());
            return cluster.State.Members.GroupBy(m => m.Status).Select(g =>
                new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("status", g.Key.ToString()), node));
        }).ToArray(),
        description: "cluster members by status, as each node sees them");

    /// <summary>Counts <paramref name="system"/>'s cluster members in <see cref="ClusterMembers"/> until it terminates.</summary>
    public static void ObserveCluster(ActorSystem system)
    {
        Systems.TryAdd(system, 0);
        system.WhenTerminated.ContinueWith(_ => Systems.TryRemove(system, out var _), TaskScheduler.Default);
    }
}
