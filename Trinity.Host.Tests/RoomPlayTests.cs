using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>Whole rooms played over real SignalR connections, one of them on MessagePack.</summary>
public sealed class RoomPlayTests(ITestOutputHelper output) : ServerTest
{
    [Fact]
    public async Task Three_users_reach_a_unanimous_and_a_majority_match_with_gapless_events()
    {
        await using var ana = await TrinityClient.ConnectAsync(Server, "Ana");
        await using var ben = await TrinityClient.ConnectAsync(Server, "Ben", messagePack: true);
        await using var cid = await TrinityClient.ConnectAsync(Server, "Cid");
        var joined = new Dictionary<(TrinityClient, string), long>();

        // Unanimous: everyone likes the same title.
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Unanimous night", queueSize = 8 });
        joined[(ana, room.RoomId)] = room.Seq;
        foreach (var member in new[] { ben, cid })
        {
            var snapshot = await member.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = room.InviteCode.ToLowerInvariant() });
            Assert.Equal(room.RoomId, snapshot.RoomId);
            joined[(member, room.RoomId)] = snapshot.Seq;
        }
        var title = room.Queue[2].MediaId;
        Assert.Null((await ana.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = title, voteType = "like" })).Matched);
        Assert.Null((await ben.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = title, voteType = "like" })).Matched);
        var last = await cid.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = title, voteType = "like", voteId = "cid-1" });
        Assert.Equal(ConsensusMode.Unanimous, last.Matched!.MatchType);
        foreach (var member in new[] { ana, ben, cid })
        {
            var found = await member.WaitFor("matchFound", e => e.RoomId == room.RoomId);
            Assert.Equal((title, "unanimous"), (found.Get("mediaId"), found.Get("matchType")));
            Assert.Equal(3, found.Payload.GetProperty("participants").GetArrayLength());
        }

        // Majority: two of three like it.
        var majority = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Majority night", consensus = "majority", queueSize = 5 });
        joined[(ana, majority.RoomId)] = majority.Seq;
        foreach (var member in new[] { ben, cid })
            joined[(member, majority.RoomId)] = (await member.Invoke<RoomSnapshot>("JoinRoom", new { roomId = majority.RoomId })).Seq;
        var pick = majority.Queue[0].MediaId;
        await cid.Invoke<VoteResult>("Vote", new { roomId = majority.RoomId, mediaId = pick, voteType = "dislike" });
        await ana.Invoke<VoteResult>("Vote", new { roomId = majority.RoomId, mediaId = pick, voteType = "like" });
        var decisive = await ben.Invoke<VoteResult>("Vote", new { roomId = majority.RoomId, mediaId = pick, voteType = "like" });
        Assert.Equal(ConsensusMode.Majority, decisive.Matched!.MatchType);
        var seenByCid = await cid.WaitFor("matchFound", e => e.RoomId == majority.RoomId);
        Assert.Equal("majority", seenByCid.Get("matchType"));
        await ana.WaitFor("matchFound", e => e.RoomId == majority.RoomId);
        await ben.WaitFor("matchFound", e => e.RoomId == majority.RoomId);

        // Every client saw each room's events after its join with no gap and no repeat.
        foreach (var ((client, roomId), fromSeq) in joined)
        {
            var seqs = client.Drain().Where(e => e.RoomId == roomId).Select(e => e.Seq).ToArray();
            Assert.Equal(Enumerable.Range((int)fromSeq + 1, seqs.Length).Select(i => (long)i), seqs);
        }
        // And the final snapshot agrees with what was pushed.
        var final = await ben.Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId });
        Assert.Equal(ben.Seen.Where(e => e.RoomId == room.RoomId).Max(e => e.Seq), final.Seq);
        Assert.Single(final.Matches);
    }

    [Fact]
    public async Task Vote_to_voteUpdate_latency_on_one_node()
    {
        const int titles = 60;
        var clients = new[]
        {
            await TrinityClient.ConnectAsync(Server, "Ana"),
            await TrinityClient.ConnectAsync(Server, "Ben", messagePack: true),
            await TrinityClient.ConnectAsync(Server, "Cid"),
        };
        var room = await clients[0].Invoke<RoomSnapshot>("CreateRoom", new { name = "Latency", queueSize = titles });
        var queues = new Dictionary<TrinityClient, RoomSnapshot> { [clients[0]] = room };
        foreach (var c in clients.Skip(1)) queues[c] = await c.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
        var sent = new System.Collections.Concurrent.ConcurrentDictionary<(string User, string Media), long>();

        await Task.WhenAll(clients.Select(async c =>
        {
            var i = 0;
            foreach (var item in queues[c].Queue)
            {
                sent[(c.UserId, item.MediaId)] = Stopwatch.GetTimestamp();
                await c.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = i++ % 3 == 0 ? "like" : "dislike" });
            }
        }));

        var latencies = new List<double>();
        foreach (var c in clients)
        foreach (var other in clients.Where(o => o != c))
        for (var n = 0; n < titles; n++)
        {
            var update = await c.WaitFor("voteUpdate", e => e.RoomId == room.RoomId && e.Get("userId") == other.UserId);
            latencies.Add(Stopwatch.GetElapsedTime(sent[(other.UserId, update.Get("mediaId"))], update.At).TotalMilliseconds);
        }
        latencies.Sort();
        var p50 = latencies[latencies.Count / 2];
        var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];
        output.WriteLine($"vote -> voteUpdate on one node over {latencies.Count} deliveries: p50 {p50:F2} ms, p99 {p99:F2} ms, max {latencies[^1]:F2} ms");
        Assert.Equal(clients.Length * (clients.Length - 1) * titles, latencies.Count);
        foreach (var c in clients) await c.DisposeAsync();
    }

    [Fact]
    public async Task Chat_private_messages_and_recommendations_reach_the_right_members()
    {
        await using var ana = await TrinityClient.ConnectAsync(Server, "Ana");
        await using var ben = await TrinityClient.ConnectAsync(Server, "Ben", messagePack: true);
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Talk", queueSize = 5 });
        await ben.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });

        Assert.True((await ben.Invoke<MessageDelivered>("SendMessage", new { roomId = room.RoomId, text = "¿Vemos algo?" })).Delivered);
        var line = await ana.WaitFor("chatMessage");
        Assert.Equal(("¿Vemos algo?", "Ben"), (line.Get("text"), line.Get("displayName")));

        Assert.True((await ana.Invoke<MessageDelivered>("SendMessage", new { roomId = room.RoomId, text = "psst", toUserId = ben.UserId })).Delivered);
        var secret = await ben.WaitFor("privateMessage");
        Assert.Equal((ana.UserId, "psst", room.RoomId), (secret.Get("fromUserId"), secret.Get("text"), secret.Get("roomId")));

        var accepted = await ben.Invoke<RecommendationsAccepted>("RequestRecommendations", new { roomId = room.RoomId, mood = "I'm so bored tonight" });
        Assert.True(accepted.Accepted);
        var recommendation = await ana.WaitFor("aiRecommendation");
        Assert.Equal(("bored", "fallback", ben.UserId), (recommendation.Get("emotionalState"), recommendation.Get("source"), recommendation.Get("requestedBy")));
        var newTitle = recommendation.Payload.GetProperty("mediaIds")[0].GetString()!;
        // The recommended title is in the room before the event went out, so it can be voted at once.
        await ana.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = newTitle, voteType = "like" });
        var result = await ben.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = newTitle, voteType = "like" });
        Assert.Equal(newTitle, result.Matched!.MediaId);
        Assert.Equal(0, ana.Seen.Count(e => e.Name == "privateMessage"));
    }
}
