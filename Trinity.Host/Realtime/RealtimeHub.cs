using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Connections;
using Trinity.Actors.Gateway;
using Trinity.Actors.Hosting;
using Trinity.Actors.Protocol;
using Trinity.Host.Auth;
using Trinity.Host.Limits;

namespace Trinity.Host.Realtime;

/// <summary>
/// The SignalR hub at <c>/realtime</c> (docs/PROTOCOL.md section 3). Each connection has a ConnectionActor
/// that receives its rooms' events; calls go to the rooms through the <see cref="RoomGateway"/>.
/// Arguments arrive as raw JSON so that bad ones fail with VALIDATION_FAILED, not a binding error.
/// </summary>
[Authorize]
public sealed class RealtimeHub(RoomGateway rooms, InviteCodeGuard codes, IRequiredActor<NodeConnectionsKey> connections, OpenHubConnections registry) : Hub
{
    private const string ConnectionActorKey = "trinity.connection";

    public override async Task OnConnectedAsync()
    {
        var actor = await connections.ActorRef.Ask<IActorRef>(new NodeConnections.Open(Context.ConnectionId), TimeSpan.FromSeconds(5));
        Context.Items[ConnectionActorKey] = actor;
        registry.Opened(Context);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        registry.Closed(Context.ConnectionId);
        connections.ActorRef.Tell(new NodeConnections.Close(Context.ConnectionId));
        return base.OnDisconnectedAsync(exception);
    }

    [RateLimitCategory(nameof(RateLimitOptions.Rooms))]
    public Task<RoomSnapshot> CreateRoom(JsonElement request) =>
        rooms.CreateAsync(Caller, WireBinding.Bind<CreateRoomRequest>(request), Subscriber);

    [RateLimitCategory(nameof(RateLimitOptions.Joins))]
    public Task<RoomSnapshot> JoinRoom(JsonElement request) =>
        codes.JoinAsync(Caller, ClientAddress.Of(Context.GetHttpContext()), WireBinding.Bind<JoinRoomRequest>(request), Subscriber);

    public Task<LeftRoom> LeaveRoom(JsonElement request) =>
        rooms.LeaveAsync(Caller, WireBinding.Bind<RoomRequest>(request));

    [RateLimitCategory(nameof(RateLimitOptions.Votes))]
    public Task<VoteResult> Vote(JsonElement request) =>
        rooms.VoteAsync(Caller, WireBinding.Bind<VoteRequest>(request));

    [RateLimitCategory(nameof(RateLimitOptions.Votes))]
    public Task<UndoResult> UndoVote(JsonElement request) =>
        rooms.UndoVoteAsync(Caller, WireBinding.Bind<UndoVoteRequest>(request));

    public Task<RoomSnapshot> DecideNow(JsonElement request) =>
        rooms.DecideAsync(Caller, WireBinding.Bind<RoomRequest>(request));

    public Task<RoomSnapshot> GetRoomState(JsonElement request) =>
        rooms.GetStateAsync(Caller, WireBinding.Bind<RoomRequest>(request));

    [RateLimitCategory(nameof(RateLimitOptions.Recommendations))]
    public Task<RecommendationsAccepted> RequestRecommendations(JsonElement request) =>
        rooms.RecommendAsync(Caller, WireBinding.Bind<RecommendationsRequest>(request));

    [RateLimitCategory(nameof(RateLimitOptions.Chat))]
    public Task<MessageDelivered> SendMessage(JsonElement request) =>
        rooms.SendMessageAsync(Caller, WireBinding.Bind<SendMessageRequest>(request));

    public Task<RoomSnapshot> CloseRoom(JsonElement request) =>
        rooms.CloseAsync(Caller, WireBinding.Bind<RoomRequest>(request));

    private Caller Caller => Context.User.ToCaller();

    private IActorRef Subscriber => (IActorRef)Context.Items[ConnectionActorKey]!;
}
