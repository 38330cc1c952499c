using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Trinity.Baseline;

/// <summary>
/// The subset of Trinity's hub the load generator uses, with the same argument and event shapes:
/// CreateRoom/JoinRoom return { roomId, queue: [{ mediaId }], seq }; Vote returns { progress, ... } and
/// sends voteUpdate { roomId, userId, mediaId, voteType, progress, seq, timestamp } to the room's group,
/// then matchFound when every member liked the title. Identity is the ?userId= query parameter.
/// </summary>
public sealed class BaselineHub(BaselineRooms rooms) : Hub
{
    private string UserId => Context.GetHttpContext()?.Request.Query["userId"].ToString() is { Length: > 0 } id
        ? id
        : throw new HubException("UNAUTHORIZED: no userId");

    public async Task<object> CreateRoom(JsonElement request)
    {
        var room = rooms.Create(UserId);
        await Groups.AddToGroupAsync(Context.ConnectionId, room.RoomId);
        return Snapshot(room, UserId);
    }

    public async Task<object> JoinRoom(JsonElement request)
    {
        var room = Find(request);
        room.Members.TryAdd(UserId, 0);
        await Groups.AddToGroupAsync(Context.ConnectionId, room.RoomId);
        return Snapshot(room, UserId);
    }

    public async Task<object> Vote(JsonElement request)
    {
        var room = Find(request);
        var userId = UserId;
        var mediaId = request.GetProperty("mediaId").GetString()!;
        var voteType = request.GetProperty("voteType").GetString()!;
        var cast = room.Members.AddOrUpdate(userId, 1, (_, n) => n + 1);
        var progress = new { totalVotes = cast, requiredVotes = room.Queue.Length, percentage = 100 * cast / room.Queue.Length };
        await Clients.Group(room.RoomId).SendAsync("voteUpdate", new
        {
            roomId = room.RoomId, userId, mediaId, voteType, progress, seq = room.NextSeq(), timestamp = DateTime.UtcNow,
        });
        if (voteType == "like" && room.Likes.AddOrUpdate(mediaId, 1, (_, n) => n + 1) == room.Members.Count)
            await Clients.Group(room.RoomId).SendAsync("matchFound", new
            {
                roomId = room.RoomId, mediaId, mediaTitle = mediaId, participants = room.Members.Keys.ToArray(),
                matchType = "unanimous", seq = room.NextSeq(), timestamp = DateTime.UtcNow,
            });
        var index = Array.IndexOf(room.Queue, mediaId);
        var next = index >= 0 && index + 1 < room.Queue.Length ? room.Queue[index + 1] : null;
        return new { roomId = room.RoomId, mediaId, voteType, progress, nextMediaId = next, queueCompleted = next is null, matched = (object?)null };
    }

    private BaselineRooms.Room Find(JsonElement request) =>
        rooms.Find(request.GetProperty("roomId").GetString() ?? "") ?? throw new HubException("ROOM_NOT_FOUND: no such room");

    /// <summary>Each member gets the titles in an order of their own, as in Trinity, so matches are as rare.</summary>
    private static object Snapshot(BaselineRooms.Room room, string userId) => new
    {
        roomId = room.RoomId,
        queue = room.Queue.OrderBy(mediaId => HashCode.Combine(userId, mediaId)).Select(mediaId => new { mediaId }).ToArray(),
        seq = room.Seq,
    };
}
