using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Tests;

/// <summary>Each refusal carries its protocol code, changes nothing, and leaves the connection usable.</summary>
public sealed class ErrorCodeTests : ServerTest
{
    private static async Task<string> Refused(TrinityClient client, string method, object argument)
    {
        var error = await Assert.ThrowsAsync<HubException>(() => client.Invoke<object>(method, argument));
        return error.Message;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_refusal_names_its_code_and_the_connection_stays_usable(bool messagePack)
    {
        await using var ana = await TrinityClient.ConnectAsync(Server, "Ana", messagePack);
        await using var ben = await TrinityClient.ConnectAsync(Server, "Ben", messagePack);
        await using var eve = await TrinityClient.ConnectAsync(Server, "Eve", messagePack);
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Pair", maxMembers = 2, queueSize = 5 });
        await ben.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = room.InviteCode });
        var title = room.Queue[0].MediaId;
        await ana.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = title, voteType = "like" });

        Assert.StartsWith("ROOM_NOT_FOUND: ", await Refused(ana, "GetRoomState", new { roomId = "rnosuchroom00000" }));
        Assert.StartsWith("ROOM_NOT_FOUND: ", await Refused(ana, "JoinRoom", new { inviteCode = "ZZZZZZ" }));
        Assert.StartsWith("FORBIDDEN: ", await Refused(eve, "GetRoomState", new { roomId = room.RoomId }));
        Assert.StartsWith("FORBIDDEN: ", await Refused(ben, "CloseRoom", new { roomId = room.RoomId }));
        Assert.StartsWith("ROOM_FULL: ", await Refused(eve, "JoinRoom", new { roomId = room.RoomId }));
        Assert.StartsWith("MEDIA_NOT_IN_ROOM: ", await Refused(ana, "Vote", new { roomId = room.RoomId, mediaId = "m-nope-1900", voteType = "like" }));
        Assert.StartsWith("ALREADY_VOTED: ", await Refused(ana, "Vote", new { roomId = room.RoomId, mediaId = title, voteType = "dislike" }));
        Assert.Equal("VALIDATION_FAILED: maxMembers must be between 2 and 50", await Refused(ana, "CreateRoom", new { name = "x", maxMembers = 1 }));
        Assert.Equal("VALIDATION_FAILED: voteType has the wrong type or value", await Refused(ana, "Vote", new { roomId = room.RoomId, mediaId = title, voteType = "love" }));
        Assert.Equal("VALIDATION_FAILED: name is required", await Refused(ana, "CreateRoom", new { queueSize = 5 }));
        Assert.Equal("VALIDATION_FAILED: queueSize has the wrong type or value", await Refused(ana, "CreateRoom", new { name = "x", queueSize = "many" }));
        Assert.StartsWith("VALIDATION_FAILED: filters.genres", await Refused(ana, "CreateRoom", new { name = "x", filters = new { genres = new[] { "telenovela" } } }));
        Assert.Equal("VALIDATION_FAILED: filters.genreMatch has the wrong type or value",
            await Refused(ana, "CreateRoom", new { name = "x", filters = new { genres = new[] { "drama" }, genreMatch = "some" } }));
        Assert.StartsWith("VALIDATION_FAILED: filters ", await Refused(ana, "CreateRoom",
            new { name = "x", filters = new { genres = new[] { "western", "animation", "documentary" }, genreMatch = "all" } }));
        Assert.Equal("VALIDATION_FAILED: request must be an object", await Refused(ana, "JoinRoom", 42));
        Assert.Equal("VALIDATION_FAILED: inviteCode must be 6 characters A-Z or 0-9", await Refused(ana, "JoinRoom", new { inviteCode = "no" }));

        // Nothing changed, and the same connections keep working.
        var state = await ana.Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId });
        Assert.Equal(1, state.Progress.TotalVotes);
        Assert.Equal(2, state.Members.Count);
        await ana.Invoke<RoomSnapshot>("CloseRoom", new { roomId = room.RoomId });
        Assert.StartsWith("ROOM_CLOSED: ", await Refused(ben, "Vote", new { roomId = room.RoomId, mediaId = room.Queue[1].MediaId, voteType = "like" }));
        Assert.Equal(HubConnectionState.Connected, ben.Hub.State);
    }

    [Fact]
    public async Task A_connection_without_a_valid_token_is_refused()
    {
        var forged = new Trinity.Host.Auth.GuestIdentity("mallory", "Mallory", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.bm90LWEtc2lnbmF0dXJl", DateTime.UtcNow);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => TrinityClient.ConnectAsync(Server.BaseUri, forged));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
