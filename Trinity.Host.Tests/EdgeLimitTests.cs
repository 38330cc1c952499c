using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>A member who floods or stops reading costs the others nothing.</summary>
[Collection(IsolatedCollection.Name)]
public sealed class EdgeLimitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_flooding_member_is_rate_limited_while_the_others_keep_their_latency()
    {
        const int votesPerPhase = 12;
        await using var server = await TrinityServer.StartAsync(null,
            "--Trinity:RateLimits:Votes:Connection:Burst=30", "--Trinity:RateLimits:Votes:Connection:PerSecond=10",
            "--Trinity:RateLimits:Votes:User:Burst=60", "--Trinity:RateLimits:Votes:User:PerSecond=20");
        await using var ana = await TrinityClient.ConnectAsync(server, "Ana");
        await using var ben = await TrinityClient.ConnectAsync(server, "Ben");
        await using var fay = await TrinityClient.ConnectAsync(server, "Fay", messagePack: true);
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Flood", queueSize = 100 });
        var benQueue = (await ben.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId })).Queue;
        var fayQueue = (await fay.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId })).Queue;

        // Ben votes, Ana watches his votes arrive: first in peace, then while Fay floods.
        async Task<double[]> Phase(int from)
        {
            var latencies = new List<double>();
            foreach (var item in benQueue.Skip(from).Take(votesPerPhase))
            {
                var sent = Stopwatch.GetTimestamp();
                await ben.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "dislike" });
                var seen = await ana.WaitFor("voteUpdate", e => e.Get("userId") == ben.UserId && e.Get("mediaId") == item.MediaId);
                latencies.Add(Stopwatch.GetElapsedTime(sent, seen.At).TotalMilliseconds);
            }
            return latencies.Order().ToArray();
        }

        var quiet = await Phase(0);
        var limited = 0;
        var flood = Task.WhenAll(Enumerable.Range(0, 20).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                try
                {
                    await fay.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = fayQueue[(worker * 50 + i) % fayQueue.Count].MediaId, voteType = "like" });
                }
                catch (HubException e) when (e.Message.StartsWith("RATE_LIMITED: "))
                {
                    Interlocked.Increment(ref limited);
                }
            }
        })));
        var loaded = await Phase(votesPerPhase);
        await flood;

        output.WriteLine($"flood: 1000 votes from one member, {limited} refused with RATE_LIMITED; " +
            $"another member's vote->voteUpdate p50 {Median(quiet):F2} ms unloaded vs {Median(loaded):F2} ms under the flood " +
            $"(x{Median(loaded) / Median(quiet):F2}), max {quiet[^1]:F2} vs {loaded[^1]:F2} ms");
        Assert.True(limited >= 900, $"only {limited} of 1000 flood votes were limited");
        Assert.Equal(2 * votesPerPhase, (await ben.Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId })).Progress.TotalVotes);
    }

    private static double Median(double[] sorted) => sorted[sorted.Length / 2];

    [Fact]
    public async Task A_member_who_stops_reading_is_cut_off_and_the_room_goes_on()
    {
        await using var server = await TrinityServer.StartAsync(null, "--Trinity:Rooms:ConnectionBuffer=32");
        await using var ana = await TrinityClient.ConnectAsync(server, "Ana");
        await using var ben = await TrinityClient.ConnectAsync(server, "Ben", messagePack: true);
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Slow", queueSize = 5 });
        await ben.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
        var sleeper = await server.GuestAsync("Sleepy");
        await using var stalled = await RawHubSocket.ConnectAsync(server.BaseUri, sleeper.Token, read: false);
        await stalled.SendTextAsync($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinRoom\",\"arguments\":[{{\"roomId\":\"{room.RoomId}\"}}]}}\u001e");
        await ana.WaitFor("memberStatusChanged", e => e.Get("userId") == sleeper.UserId && e.Get("online") == "True");

        // Ana talks until the server gives up on the member who reads nothing. Bounded at 60,000 lines (54 MB):
        // the socket buffers between the server and a reader that stopped hold several MB before anything
        // backs up into the server (runs here needed from 6,900 to 31,250 lines).
        var line = new string('a', 900);
        var sent = 0;
        ReceivedEvent? cutOff = null;
        while (cutOff is null && sent < 60_000)
        {
            await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ana.Invoke<MessageDelivered>("SendMessage", new { roomId = room.RoomId, text = line })));
            sent += 50;
            cutOff = ana.Drain().FirstOrDefault(e => e.Name == "memberStatusChanged" && e.Get("userId") == sleeper.UserId && e.Get("online") == "False");
        }

        output.WriteLine($"the stalled member was cut off after {sent} chat lines of 900 characters");
        Assert.NotNull(cutOff);
        // Ben, who reads, got every line, in order, without a gap.
        for (var i = 0; i < sent; i++) await ben.WaitFor("chatMessage");
        var seqs = ben.Drain().Where(e => e.RoomId == room.RoomId).Select(e => e.Seq).ToArray();
        Assert.Equal(Enumerable.Range((int)seqs[0], seqs.Length).Select(s => (long)s), seqs);
    }
}
