using Akka.Cluster.Sharding;
using Trinity.Actors.Messages.Commands;

namespace Trinity.Actors.Hosting;

/// <summary>Routes room, invite-code and user messages to their entity by id (a stable hash picks the shard).</summary>
public sealed class TrinityMessageExtractor(int maxShards = TrinityMessageExtractor.DefaultShards) : HashCodeMessageExtractor(maxShards)
{
    /// <summary>About ten shards per node of the largest expected cluster.</summary>
    public const int DefaultShards = 100;

    public override string? EntityId(object message) => message switch
    {
        IWithRoomId r => r.RoomId,
        IWithInviteCode c => c.InviteCode,
        IWithUserId u => u.UserId,
        _ => null,
    };
}
