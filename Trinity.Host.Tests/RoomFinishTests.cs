using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>Three members reach one pick in every way a room can end, undo votes and keep their chat, over real SignalR.</summary>
public sealed class RoomFinishTests(SharedServer shared, ITestOutputHelper output) : IClassFixture<SharedServer>
{
    private TrinityServer Server => shared.Server;

    private sealed record Group(TrinityClient Ana, TrinityClient Ben, TrinityClient Cid, RoomSnapshot Room) : IAsyncDisposable
    {
        public TrinityClient[] All => [Ana, Ben, Cid];
        public object Id => new { roomId = Room.RoomId };

        public async ValueTask DisposeAsync()
        {
            foreach (var c in All) await c.DisposeAsync();
        }
    }

    private async Task<Group> ThreeInARoom(object settings)
    {
        var ana = await TrinityClient.ConnectAsync(Server, "Ana");
        var ben = await TrinityClient.ConnectAsync(Server, "Ben", messagePack: true);
        var cid = await TrinityClient.ConnectAsync(Server, "Cid");
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", settings);
        foreach (var c in new[] { ben, cid }) await c.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = room.InviteCode });
        return new Group(ana, ben, cid, room);
    }

    private static Task<VoteResult> Vote(TrinityClient c, RoomSnapshot room, string mediaId, string voteType = "like") =>
        c.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId, voteType });

    /// <summary>Every member gets the same roomFinished, right after the status change, and a later snapshot says the same.</summary>
    private static async Task<JsonElement> SameEndingForAll(Group g, string reason, string? pick)
    {
        var endings = new List<ReceivedEvent>();
        foreach (var c in g.All)
        {
            var finished = await c.WaitFor("roomFinished", e => e.RoomId == g.Room.RoomId);
            var changed = c.Seen.Single(e => e.Name == "roomStateChanged" && e.RoomId == g.Room.RoomId && e.Get("status") == "finished");
            Assert.Equal(changed.Seq + 1, finished.Seq);
            endings.Add(finished);
        }
        var first = endings[0].Payload;
        Assert.Equal(reason, first.GetProperty("reason").GetString());
        Assert.Equal(pick, first.GetProperty("pick") is { ValueKind: JsonValueKind.Object } p ? p.GetProperty("mediaId").GetString() : null);
        // The same JSON values; their text may differ in escaping between the JSON and MessagePack clients.
        Assert.All(endings, e => Assert.True(JsonElement.DeepEquals(first, e.Payload), $"{first.GetRawText()} vs {e.Payload.GetRawText()}"));
        foreach (var c in g.All)
        {
            var snapshot = await c.Invoke<JsonElement>("GetRoomState", g.Id);
            var finished = snapshot.GetProperty("finished");
            foreach (var field in new[] { "reason", "pick", "ranking" })
                Assert.True(JsonElement.DeepEquals(first.GetProperty(field), finished.GetProperty(field)),
                    $"{field}: {first.GetProperty(field).GetRawText()} vs {finished.GetProperty(field).GetRawText()}");
        }
        return first;
    }

    [Fact]
    public async Task The_first_match_ends_a_room_set_to_end_on_it()
    {
        await using var g = await ThreeInARoom(new { name = "First", queueSize = 6, endOnFirstMatch = true });
        var title = g.Room.Queue[3].MediaId;
        foreach (var c in g.All) await Vote(c, g.Room, title);

        await SameEndingForAll(g, "match", title);
    }

    [Fact]
    public async Task The_creator_decides_with_the_best_title_so_far()
    {
        await using var g = await ThreeInARoom(new { name = "Decide", queueSize = 6 });
        var error = await Assert.ThrowsAsync<HubException>(() => g.Ana.Invoke<RoomSnapshot>("DecideNow", g.Id));
        Assert.StartsWith("FORBIDDEN", error.Message); // nothing liked yet
        var liked = g.Room.Queue[1].MediaId;
        await Vote(g.Ben, g.Room, liked);
        await Vote(g.Cid, g.Room, liked);
        await Vote(g.Cid, g.Room, g.Room.Queue[2].MediaId);
        Assert.StartsWith("FORBIDDEN", (await Assert.ThrowsAsync<HubException>(() => g.Cid.Invoke<RoomSnapshot>("DecideNow", g.Id))).Message);

        var decided = await g.Ana.Invoke<RoomSnapshot>("DecideNow", g.Id);

        Assert.Equal((RoomStatus.Finished, FinishReason.Decided), (decided.Status, decided.Finished!.Reason));
        var ending = await SameEndingForAll(g, "decided", liked);
        Assert.Equal(2, ending.GetProperty("ranking").GetArrayLength());
    }

    [Fact]
    public async Task Everyone_voting_everything_ends_with_the_closest_call_without_a_match()
    {
        await using var g = await ThreeInARoom(new { name = "Exhausted", queueSize = 5 });
        var closest = g.Room.Queue[4].MediaId;
        foreach (var c in g.All)
        foreach (var title in g.Room.Queue)
            await Vote(c, g.Room, title.MediaId, title.MediaId == closest && c != g.Cid ? "like" : "dislike");

        var ending = await SameEndingForAll(g, "exhausted", closest);
        Assert.False(ending.GetProperty("pick").GetProperty("matched").GetBoolean());
        Assert.Equal(2, ending.GetProperty("pick").GetProperty("likes").GetInt32());
    }

    [Fact]
    public async Task Closing_ends_with_the_best_so_far()
    {
        await using var g = await ThreeInARoom(new { name = "Closed", queueSize = 6, consensus = "majority" });
        var matched = g.Room.Queue[0].MediaId;
        await Vote(g.Ana, g.Room, matched);
        await Vote(g.Ben, g.Room, matched);

        await g.Ana.Invoke<RoomSnapshot>("CloseRoom", g.Id);

        await SameEndingForAll(g, "closed", matched);
    }

    [Fact]
    public async Task Undo_takes_a_vote_back_over_the_hub_and_REST()
    {
        await using var g = await ThreeInARoom(new { name = "Undo", queueSize = 6 });
        var title = g.Room.Queue[0].MediaId;
        await Vote(g.Ben, g.Room, title, "dislike");
        Assert.StartsWith("ALREADY_VOTED", (await Assert.ThrowsAsync<HubException>(() => Vote(g.Ben, g.Room, title))).Message);

        var undone = await g.Ben.Invoke<UndoResult>("UndoVote", new { roomId = g.Room.RoomId, mediaId = title });

        Assert.True(undone.Withdrawn);
        Assert.Equal(0, undone.Progress.TotalVotes);
        var seen = await g.Ana.WaitFor("voteWithdrawn", e => e.RoomId == g.Room.RoomId);
        Assert.Equal((g.Ben.UserId, title), (seen.Get("userId"), seen.Get("mediaId")));
        Assert.False((await g.Ben.Invoke<UndoResult>("UndoVote", new { roomId = g.Room.RoomId, mediaId = title })).Withdrawn);
        await Vote(g.Ben, g.Room, title);

        // REST: the same rule, from the same room.
        await Vote(g.Cid, g.Room, title, "dislike");
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/rooms/{g.Room.RoomId}/votes/{title}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", g.Cid.Identity.Token);
        var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<UndoResult>(TrinityJson.Options))!.Withdrawn);
        // With cid's dislike gone, cid's like is the last one the unanimous room needed.
        await Vote(g.Ana, g.Room, title);
        Assert.Equal(title, (await Vote(g.Cid, g.Room, title)).Matched!.MediaId);
        Assert.StartsWith("FORBIDDEN", (await Assert.ThrowsAsync<HubException>(() =>
            g.Cid.Invoke<UndoResult>("UndoVote", new { roomId = g.Room.RoomId, mediaId = title }))).Message);

        using var decide = new HttpRequestMessage(HttpMethod.Post, $"/api/rooms/{g.Room.RoomId}/decide");
        decide.Headers.Authorization = new AuthenticationHeaderValue("Bearer", g.Ana.Identity.Token);
        Assert.Equal("decided", (await (await Server.Http.SendAsync(decide)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("finished").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_late_joiner_gets_the_room_chat_with_the_snapshot_but_no_private_message()
    {
        await using var g = await ThreeInARoom(new { name = "Chat", queueSize = 5 });
        await g.Ana.Invoke<MessageDelivered>("SendMessage", new { roomId = g.Room.RoomId, text = "hola" });
        await g.Ben.Invoke<MessageDelivered>("SendMessage", new { roomId = g.Room.RoomId, text = "psst", toUserId = g.Ana.UserId });
        await g.Cid.Invoke<MessageDelivered>("SendMessage", new { roomId = g.Room.RoomId, text = "<i>hi</i>" });
        await using var dee = await TrinityClient.ConnectAsync(Server, "Dee");

        var late = await dee.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = g.Room.InviteCode });

        Assert.Equal([("Ana", "hola"), ("Cid", "<i>hi</i>")], late.Chat!.Select(c => (c.DisplayName, c.Text)));
        output.WriteLine($"chat in the snapshot: {late.Chat!.Count} lines");
    }
}
