using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using Trinity.Actors.Connections;
using Trinity.Actors.Gateway;
using Trinity.Actors.Hosting;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Trinity.Host.Auth;
using Trinity.Host.Metrics;
using Trinity.Host.Realtime;

namespace Trinity.Host.Api;

public sealed record SystemMessageRequest(SystemMessageType? Type, string? Message);

public sealed record RoomStatsView(string RoomId, string? Name, int MemberCount, int OnlineMembers, int Connections);

public sealed record AdminStats(int TotalConnections, int ActiveRooms, IReadOnlyList<RoomStatsView> RoomStats,
    int Nodes, TimeSpan Uptime, DateTime Timestamp);

/// <summary>Operator endpoints under <c>/api/admin</c>, open only to callers with the admin key.</summary>
public static class AdminEndpoints
{
    public const string KeyHeader = "X-Admin-Key";
    private const int MaxMessageLength = 1000;

    public static void MapAdminEndpoints(this IEndpointRouteBuilder api, AdminOptions options)
    {
        var admin = api.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
        {
            var given = context.HttpContext.Request.Headers[KeyHeader].ToString();
            if (options.Key is not { Length: > 0 } key)
                throw new TrinityException(ErrorCodes.Forbidden, "the admin API is closed: set Trinity:Admin:Key");
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
                throw new TrinityException(ErrorCodes.Unauthorized, $"missing or wrong {KeyHeader}");
            return await next(context);
        });

        admin.MapGet("/stats", Stats);
        admin.MapGet("/metrics/recent", (MetricsSampler sampler) => sampler.Recent());
        admin.MapClusterEndpoints();

        admin.MapPost("/system-message", (JsonElement? body, ActorSystem system, TimeProvider clock) =>
        {
            var request = WireBinding.Bind<SystemMessageRequest>(body);
            var text = request.Message?.Trim();
            if (string.IsNullOrEmpty(text)) throw TrinityException.Validation("message", "is required");
            if (text.Length > MaxMessageLength) throw TrinityException.Validation("message", $"must be at most {MaxMessageLength} characters");
            var message = new SystemMessage(request.Type ?? SystemMessageType.Info, text, clock.GetUtcNow().UtcDateTime);
            DistributedPubSub.Get(system).Mediator.Tell(new Publish(NodeConnections.SystemTopic, message));
            return message;
        });
    }

    private static async Task<AdminStats> Stats(ActorSystem system, IRequiredActor<RoomRegion> rooms,
        IRequiredActor<NodeConnectionsKey> connections, RoomGateway gateway, TimeProvider clock)
    {
        var timeout = TimeSpan.FromSeconds(5);
        var connectionCount = await connections.ActorRef.Ask<int>(NodeConnections.Count.Instance, timeout);
        var region = await rooms.ActorRef.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, timeout);
        var roomIds = region.Shards.SelectMany(s => s.EntityIds).ToArray();
        var stats = await Task.WhenAll(roomIds.Select(async id =>
        {
            try { return await gateway.StatsAsync(id); }
            catch (TrinityException) { return null; }
        }));
        var live = stats.OfType<RoomStats>().Where(s => s.Status != RoomStatus.Finished).ToArray();
        return new AdminStats(connectionCount, live.Length,
            live.Select(s => new RoomStatsView(s.RoomId, s.Name, s.MemberCount, s.OnlineMembers, s.Connections)).ToArray(),
            Cluster.Get(system).State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up),
            DateTime.UtcNow - Process.GetCurrentProcess().StartTime.ToUniversalTime(),
            clock.GetUtcNow().UtcDateTime);
    }
}
