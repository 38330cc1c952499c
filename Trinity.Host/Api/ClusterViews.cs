using Trinity.Actors.Hosting;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Api;

// What GET /api/admin/cluster and GET /api/admin/rooms/{roomId} answer.

public sealed record ClusterMemberView(string Address, string Status, IReadOnlyList<string> Roles, bool Reachable);

/// <summary>One shard region (<see cref="ActorNames"/>) on one node.</summary>
public sealed record ShardRegionView(string Region, int Shards, int Entities);

/// <param name="Connections">that node's open realtime connections; null when it did not answer in time</param>
public sealed record NodeShardsView(string Address, int? Connections, IReadOnlyList<ShardRegionView> Regions);

public sealed record ClusterView(string Self, string? Leader, IReadOnlyList<ClusterMemberView> Members,
    IReadOnlyList<string> Unreachable, IReadOnlyList<NodeShardsView> Nodes);

public sealed record AdminRoomView(string RoomId, string Node, RoomStatus Status, long Seq, DateTime? LastEventAt,
    int MemberCount, int OnlineMembers, int Connections, IReadOnlyList<MemberView> Members)
{
    public static AdminRoomView From(RoomDetail d) => new(d.Stats.RoomId, d.Node, d.Stats.Status, d.Stats.Seq, d.LastEventAt,
        d.Stats.MemberCount, d.Stats.OnlineMembers, d.Stats.Connections, d.Members);
}

public sealed record ClusterAddressRequest(string? Address);
