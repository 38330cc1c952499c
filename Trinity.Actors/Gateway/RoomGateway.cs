using Akka.Actor;
using Akka.Hosting;
using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;
using Trinity.Actors.Hosting;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Trinity.Actors.Storage;

namespace Trinity.Actors.Gateway;

/// <summary>
/// The one way in for the hub and the REST API: validates a request (VALIDATION_FAILED naming the
/// field), sends it to its room through the shard region and turns the answer into a result or a
/// <see cref="TrinityException"/>. A room that does not answer in time is UNAVAILABLE, and so, at
/// once, is every call that would write while this node cannot store events (<see cref="StorageHealth"/>).
/// </summary>
public sealed class RoomGateway(
    IRequiredActor<RoomRegion> rooms,
    IRequiredActor<RoomRelaysKey> relays,
    IRequiredActor<InviteCodeRegion> inviteCodes,
    IRequiredActor<UserRoomsRegion> userRooms,
    RoomOptions options,
    StorageHealth storage,
    TimeProvider clock,
    ICatalog catalog)
{
    private readonly UnknownInviteCodes _unknownCodes = new(clock);

    public const int MaxTextLength = 1000;
    public const int MaxMoodLength = 500;
    private const int InviteCodeAttempts = 8;

    public async Task<RoomSnapshot> CreateAsync(Caller caller, CreateRoomRequest? request, IActorRef? subscriber)
    {
        var settings = RoomSettings.From(request, catalog.Sources);
        catalog.EnsureReachable(settings.Filters.Sources);
        storage.ThrowIfCannotWrite();
        var roomId = Identifiers.NewRoomId();
        var code = await ClaimInviteCodeAsync(roomId);
        var snapshot = await AskAsync<RoomSnapshot>(RoomFor(subscriber),
            new CreateRoom(roomId, code, settings, caller.UserId, caller.DisplayName, subscriber));
        Remember(caller, snapshot, MemberRole.Creator);
        return snapshot;
    }

    public async Task<RoomSnapshot> JoinAsync(Caller caller, JoinRoomRequest? request, IActorRef? subscriber)
    {
        string roomId;
        string? code = null;
        if (!string.IsNullOrWhiteSpace(request?.InviteCode))
            (code, roomId) = await ResolveInviteCodeAsync(request.InviteCode);
        else if (request?.RoomId is { } id)
            roomId = RoomId(id);
        else
            throw TrinityException.Validation("roomId", "or inviteCode is required");
        storage.ThrowIfCannotWrite();
        RoomSnapshot snapshot;
        try
        {
            snapshot = await AskAsync<RoomSnapshot>(RoomFor(subscriber), new JoinRoom(roomId, caller.UserId, caller.DisplayName, subscriber, code));
        }
        catch (TrinityException e) when (code is not null && e.Code == ErrorCodes.RoomNotFound)
        {
            _unknownCodes.Add(code); // the room's code expired
            throw;
        }
        Remember(caller, snapshot, snapshot.CreatorId == caller.UserId ? MemberRole.Creator : MemberRole.Member);
        return snapshot;
    }

    public async Task<LeftRoom> LeaveAsync(Caller caller, RoomRequest? request)
    {
        var roomId = RoomId(request?.RoomId);
        storage.ThrowIfCannotWrite();
        var left = await AskAsync<LeftRoom>(rooms.ActorRef, new LeaveRoom(roomId, caller.UserId));
        userRooms.ActorRef.Tell(new ForgetMembership(caller.UserId, left.RoomId));
        return left;
    }

    public Task<VoteResult> VoteAsync(Caller caller, VoteRequest? request)
    {
        var roomId = RoomId(request?.RoomId);
        var mediaId = Required(request!.MediaId, "mediaId", 200);
        var voteType = request.VoteType ?? throw TrinityException.Validation("voteType", "is required (like or dislike)");
        if (request.VoteId is { Length: > 100 }) throw TrinityException.Validation("voteId", "must be at most 100 characters");
        storage.ThrowIfCannotWrite();
        return AskAsync<VoteResult>(rooms.ActorRef, new CastVote(roomId, caller.UserId, mediaId, voteType, request.VoteId));
    }

    public Task<UndoResult> UndoVoteAsync(Caller caller, UndoVoteRequest? request)
    {
        var roomId = RoomId(request?.RoomId);
        var mediaId = Required(request!.MediaId, "mediaId", 200);
        storage.ThrowIfCannotWrite();
        return AskAsync<UndoResult>(rooms.ActorRef, new UndoVote(roomId, caller.UserId, mediaId));
    }

    public Task<RoomSnapshot> DecideAsync(Caller caller, RoomRequest? request)
    {
        var roomId = RoomId(request?.RoomId);
        storage.ThrowIfCannotWrite();
        return AskAsync<RoomSnapshot>(rooms.ActorRef, new DecideNow(roomId, caller.UserId));
    }

    public Task<RoomSnapshot> GetStateAsync(Caller caller, RoomRequest? request) =>
        AskAsync<RoomSnapshot>(rooms.ActorRef, new GetRoomState(RoomId(request?.RoomId), caller.UserId));

    public Task<RecommendationsAccepted> RecommendAsync(Caller caller, RecommendationsRequest? request)
    {
        var roomId = RoomId(request?.RoomId);
        var mood = Required(request!.Mood, "mood", MaxMoodLength);
        storage.ThrowIfCannotWrite();
        return AskAsync<RecommendationsAccepted>(rooms.ActorRef, new RequestRecommendations(roomId, caller.UserId, mood));
    }

    public Task<MessageDelivered> SendMessageAsync(Caller caller, SendMessageRequest? request)
    {
        var roomId = RoomId(request?.RoomId);
        var text = Required(request!.Text, "text", MaxTextLength);
        var to = request.ToUserId is null ? null : Required(request.ToUserId, "toUserId", 200);
        if (to is null) storage.ThrowIfCannotWrite(); // a private message is not stored
        return AskAsync<MessageDelivered>(rooms.ActorRef, new SendChat(roomId, caller.UserId, text, to));
    }

    public Task<RoomSnapshot> CloseAsync(Caller caller, RoomRequest? request)
    {
        var roomId = RoomId(request?.RoomId);
        storage.ThrowIfCannotWrite();
        return AskAsync<RoomSnapshot>(rooms.ActorRef, new CloseRoom(roomId, caller.UserId));
    }

    public Task<RoomStats> StatsAsync(string roomId) => AskAsync<RoomStats>(rooms.ActorRef, new GetRoomStats(RoomId(roomId)));

    public Task<RoomDetail> DetailAsync(string roomId) => AskAsync<RoomDetail>(rooms.ActorRef, new GetRoomDetail(RoomId(roomId)));

    public async Task<IReadOnlyList<MyRoom>> MyRoomsAsync(Caller caller) =>
        (await AskAsync<MyRooms>(userRooms.ActorRef, new GetMyRooms(caller.UserId))).Rooms;

    /// <summary>A command that subscribes a connection goes through this node's relay of the room (<see cref="RoomRelays"/>).</summary>
    private IActorRef RoomFor(IActorRef? subscriber) => subscriber is null ? rooms.ActorRef : relays.ActorRef;

    private async Task<string> ClaimInviteCodeAsync(string roomId)
    {
        for (var attempt = 0; attempt < InviteCodeAttempts; attempt++)
        {
            var code = Identifiers.NewInviteCode();
            var owner = await AskAsync<InviteCodeOwner>(inviteCodes.ActorRef, new ClaimInviteCode(code, roomId));
            if (owner.RoomId != roomId) continue;
            _unknownCodes.Remove(code);
            return code;
        }
        throw new TrinityException(ErrorCodes.Unavailable, "no free invite code was found; retry");
    }

    private async Task<(string Code, string RoomId)> ResolveInviteCodeAsync(string inviteCode)
    {
        var code = Identifiers.NormalizeInviteCode(inviteCode);
        if (!Identifiers.IsInviteCode(code))
            throw TrinityException.Validation("inviteCode", "must be 6 characters A-Z or 0-9");
        if (_unknownCodes.Contains(code)) throw TrinityException.UnknownInviteCode(code);
        var owner = await AskAsync<InviteCodeOwner>(inviteCodes.ActorRef, new ResolveInviteCode(code));
        if (owner.RoomId is { } roomId) return (code, roomId);
        _unknownCodes.Add(code);
        throw TrinityException.UnknownInviteCode(code);
    }

    private void Remember(Caller caller, RoomSnapshot room, MemberRole role) =>
        userRooms.ActorRef.Tell(new RecordMembership(caller.UserId,
            new MyRoom(room.RoomId, room.Name, room.InviteCode, role, clock.GetUtcNow().UtcDateTime)));

    private static string RoomId(string? roomId)
    {
        if (string.IsNullOrWhiteSpace(roomId)) throw TrinityException.Validation("roomId", "is required");
        // An id we could never have issued names no room; don't wake an entity for it.
        return Identifiers.IsPlausibleId(roomId)
            ? roomId
            : throw new TrinityException(ErrorCodes.RoomNotFound, "no such room");
    }

    private static string Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) throw TrinityException.Validation(field, "is required");
        value = value.Trim();
        return value.Length <= maxLength ? value : throw TrinityException.Validation(field, $"must be at most {maxLength} characters");
    }

    private async Task<T> AskAsync<T>(IActorRef target, object message)
    {
        object answer;
        try
        {
            answer = await target.Ask<object>(message, options.AskTimeout);
        }
        catch (AskTimeoutException)
        {
            throw new TrinityException(ErrorCodes.Unavailable, "the room did not answer in time; safe to retry");
        }
        return answer switch
        {
            T result => result,
            CommandRejected rejected => throw rejected.ToException(),
            _ => throw new TrinityException(ErrorCodes.Unavailable, "unexpected answer from the room; safe to retry"),
        };
    }
}
