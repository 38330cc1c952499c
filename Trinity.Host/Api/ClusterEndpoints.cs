using System.Text.Json;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Trinity.Actors.Connections;
using Trinity.Actors.Gateway;
using Trinity.Actors.Hosting;
using Trinity.Actors.Protocol;
using Trinity.Host.Realtime;
using Trinity.Host.Web;

namespace Trinity.Host.Api;

/// <summary>Operator endpoints about the cluster: who is in it, where shards and rooms live, leave and down.</summary>
public static class ClusterEndpoints
{
    /// <summary>How long a node's shard regions get to report; an unreachable one never does, and is left out.</summary>
    private static readonly TimeSpan StatsTimeout = TimeSpan.FromSeconds(2);

    public static void MapClusterEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/cluster", Show);
        admin.MapGet("/rooms/{roomId}", async (string roomId, RoomGateway gateway) =>
            AdminRoomView.From(await gateway.DetailAsync(roomId)));
        admin.MapPost("/cluster/leave", (JsonElement? body, ActorSystem system) =>
        {
            var cluster = Cluster.Get(system);
            var member = MemberAt(cluster, body);
            cluster.Leave(member.Address);
            return Results.Accepted(value: new { address = member.Address.ToString(), action = "leave" });
        });
        admin.MapPost("/cluster/down", (JsonElement? body, ActorSystem system) =>
        {
            var cluster = Cluster.Get(system);
            var member = MemberAt(cluster, body);
            if (!cluster.State.Unreachable.Contains(member))
                return ApiErrors.Result(ErrorCodes.ValidationFailed,
                    $"{member.Address} is reachable ({member.Status}): only an unreachable member may be downed; use leave",
                    StatusCodes.Status409Conflict);
            cluster.Down(member.Address);
            return Results.Accepted(value: new { address = member.Address.ToString(), action = "down" });
        });
    }

    private static Member MemberAt(Cluster cluster, JsonElement? body)
    {
        var text = WireBinding.Bind<ClusterAddressRequest>(body).Address?.Trim();
        if (string.IsNullOrEmpty(text)) throw TrinityException.Validation("address", "is required (akka.tcp://trinity@host:port)");
        Address address;
        try { address = Address.Parse(text); }
        catch (Exception) { throw TrinityException.Validation("address", $"'{text}' is not an address like akka.tcp://trinity@host:port"); }
        return cluster.State.Members.FirstOrDefault(m => m.Address == address)
            ?? throw TrinityException.Validation("address", $"{address} is not a member of the cluster");
    }

    private static async Task<int?> ConnectionsOn(ActorSystem system, Address address)
    {
        try
        {
            return await system.ActorSelection(new RootActorPath(address) / "user" / ActorNames.Connections)
                .Ask<int>(NodeConnections.Count.Instance, StatsTimeout);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    private static async Task<ClusterView> Show(ActorSystem system, IRequiredActor<RoomRegion> rooms,
        IRequiredActor<InviteCodeRegion> inviteCodes, IRequiredActor<UserRoomsRegion> userRooms)
    {
        var cluster = Cluster.Get(system);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var regions = await Task.WhenAll(new (string Name, IActorRef Region)[]
            { (ActorNames.RoomRegion, rooms.ActorRef), (ActorNames.InviteCodeRegion, inviteCodes.ActorRef), (ActorNames.UserRoomsRegion, userRooms.ActorRef) }
            .Select(async r => (r.Name, Stats: await r.Region.Ask<ClusterShardingStats>(new GetClusterShardingStats(StatsTimeout),
                StatsTimeout * 2))));
        var addresses = state.Members.Select(m => m.Address)
            .Concat(regions.SelectMany(r => r.Stats.Regions.Keys)).Distinct().OrderBy(a => a.ToString());
        var nodes = await Task.WhenAll(addresses.Select(async address => new NodeShardsView(address.ToString(),
            await ConnectionsOn(system, address), regions.Select(r =>
            r.Stats.Regions.TryGetValue(address, out var stats)
                ? new ShardRegionView(r.Name, stats.Stats.Count, stats.Stats.Values.Sum())
                : new ShardRegionView(r.Name, 0, 0)).ToArray())));
        return new ClusterView(cluster.SelfAddress.ToString(), state.Leader?.ToString(),
            state.Members.Select(m => new ClusterMemberView(m.Address.ToString(), m.Status.ToString(), m.Roles.ToArray(),
                !unreachable.Contains(m.Address))).ToArray(),
            unreachable.Select(a => a.ToString()).ToArray(), nodes);
    }
}
