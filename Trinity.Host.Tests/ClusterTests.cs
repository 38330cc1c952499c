using System.Diagnostics;
using System.Text.Json;
using Trinity.Actors.Protocol;
using Trinity.Client;
using Xunit.Abstractions;
using static Trinity.Host.Tests.TestCluster;

namespace Trinity.Host.Tests;

/// <summary>Two nodes in one cluster on the test PostgreSQL: rooms are shared, and move when a node leaves.</summary>
[Trait(OwnStorage.Trait, OwnStorage.Value)]
public sealed class ClusterTests(ITestOutputHelper output)
{

    [SkippableFact]
    public async Task Members_on_different_nodes_see_the_same_events_in_the_same_order()
    {
        Skip.If(TestPostgres.ConnectionString is null, TestPostgres.Absent);
        var (first, second) = await TestCluster.StartTwoAsync();
        await using var secondGuard = second;
        await using var firstGuard = first;
        await using var ana = await TrinityClient.ConnectAsync(first, "Ana");
        await using var ben = await TrinityClient.ConnectAsync(second, "Ben", messagePack: true);
        await using var bob = await TrinityClient.ConnectAsync(first, "Bob");
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Two nodes", queueSize = 50 });
        var joined = await ben.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = room.InviteCode });
        var bobQueue = (await bob.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId })).Queue;

        // Latency of Bob's votes to a member on his node (Ana) and on the other node (Ben).
        var sameNode = new List<double>();
        var otherNode = new List<double>();
        foreach (var item in bobQueue.Where(t => room.Queue.Take(5).All(r => r.MediaId != t.MediaId)).Take(40))
        {
            var sent = Stopwatch.GetTimestamp();
            await bob.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "dislike" });
            sameNode.Add(Stopwatch.GetElapsedTime(sent, (await ana.WaitFor("voteUpdate", e => e.Get("mediaId") == item.MediaId)).At).TotalMilliseconds);
            otherNode.Add(Stopwatch.GetElapsedTime(sent, (await ben.WaitFor("voteUpdate", e => e.Get("mediaId") == item.MediaId)).At).TotalMilliseconds);
        }
        sameNode.Sort();
        otherNode.Sort();
        output.WriteLine($"vote -> voteUpdate, voter and member on the same node: p50 {sameNode[20]:F2} ms, p99 {sameNode[^1]:F2} ms; " +
            $"on different nodes: p50 {otherNode[20]:F2} ms, p99 {otherNode[^1]:F2} ms (40 votes)");

        foreach (var item in room.Queue.Take(5))
        {
            await ana.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "like" });
            await ben.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "like" });
            await bob.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "like" });
        }
        for (var i = 0; i < 5; i++)
        {
            await ana.WaitFor("matchFound");
            await ben.WaitFor("matchFound");
        }

        string[] Seen(TrinityClient c, long after) => c.Drain().Where(e => e.RoomId == room.RoomId && e.Seq > after)
            .Select(e => $"{e.Seq}:{e.Name}").ToArray();
        Assert.Equal(Seen(ana, joined.Seq), Seen(ben, joined.Seq));
        Assert.Equal(Enumerable.Range((int)joined.Seq + 1, Seen(ben, joined.Seq).Length).Select(s => (long)s),
            ben.Seen.Where(e => e.RoomId == room.RoomId).Select(e => e.Seq));
    }

    [SkippableFact]
    public async Task When_a_node_leaves_its_rooms_move_and_connections_elsewhere_keep_receiving_events()
    {
        Skip.If(TestPostgres.ConnectionString is null, TestPostgres.Absent);
        var (first, second) = await TestCluster.StartTwoAsync();
        await using var secondGuard = second;
        await using var firstGuard = first;
        await using var ana = await TrinityClient.ConnectAsync(first, "Ana");
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Moving", queueSize = 10 });
        var (home, other) = await Hosts(first.Http, room.RoomId) ? (first, second) : (second, first);
        await using var watcher = await TrinityClient.ConnectAsync(other, "Watcher");
        await using var voter = await TrinityClient.ConnectAsync(other, "Voter", messagePack: true);
        await watcher.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
        var voterQueue = (await voter.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId })).Queue;
        var maintenance = home == first ? ana.WaitFor("systemMessage", e => e.Get("type") == "maintenance", 60) : null;

        var leaving = Stopwatch.GetTimestamp();
        await home.DisposeAsync(); // SIGTERM-like: graceful leave, shards hand over
        if (maintenance is not null) await maintenance;

        // The watcher does nothing at all; the voter only votes. The room recovers on the other node.
        var vote = await Retry(() => voter.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = voterQueue[0].MediaId, voteType = "like", voteId = "after-move" }));
        var update = await watcher.WaitFor("voteUpdate", e => e.Get("mediaId") == voterQueue[0].MediaId, 60);
        Assert.Equal(voter.UserId, update.Get("userId"));
        Assert.True(await Hosts(other.Http, room.RoomId));
        output.WriteLine($"graceful leave of the room's node: the first vote after it was acknowledged " +
            $"{Stopwatch.GetElapsedTime(leaving).TotalSeconds:F1} s after the leave began (progress {vote.Progress.TotalVotes})");
    }

    /// <summary>A client's retry of an idempotent call while a room is in transit (UNAVAILABLE is safe to retry).</summary>
    private static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Microsoft.AspNetCore.SignalR.HubException e) when (e.Message.StartsWith("UNAVAILABLE") && attempt < 10)
            {
            }
        }
    }

    [SkippableFact]
    public async Task A_SIGKILLed_node_loses_no_acknowledged_vote_and_its_clients_carry_on_elsewhere()
    {
        Skip.If(TestPostgres.ConnectionString is null, TestPostgres.Absent);
        const int votesBeforeKill = 15, votesEach = 40;
        var seedPort = FreePorts.Next();
        var nodes = new List<HostProcess>();
        foreach (var port in new[] { seedPort, FreePorts.Next(), FreePorts.Next() })
            nodes.Add(await HostProcess.StartAsync(TrinityServer.NewDataDir(), output, Node(port, seedPort)));
        try
        {
            await WaitUntil(async () => (await Task.WhenAll(nodes.Select(n => Stats(n.Http))))
                .All(s => s.GetProperty("nodes").GetInt32() == 3), "three nodes are Up");
            var urls = nodes.Select(n => n.BaseUri).ToArray();
            var members = new List<(TrinityConnection Connection, string UserId)>();
            for (var i = 0; i < 3; i++)
            {
                var identity = await nodes[i].GuestAsync($"Member{i}");
                // Each member knows every node, starting with a different one.
                var connection = new TrinityConnection(urls.Skip(i).Concat(urls.Take(i)).ToArray(), () => Task.FromResult(identity.Token));
                await connection.StartAsync();
                members.Add((connection, identity.UserId));
            }
            var room = await members[0].Connection.InvokeAsync<RoomSnapshot>("CreateRoom", new { name = "Failover", queueSize = 100 });
            var queues = new List<IReadOnlyList<MediaItem>> { room.Queue };
            foreach (var m in members.Skip(1)) queues.Add((await m.Connection.InvokeAsync<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId })).Queue);
            var finale = room.Queue[^1].MediaId; // everyone likes this one at the end
            HostProcess? home = null;
            foreach (var node in nodes) if (await Hosts(node.Http, room.RoomId)) home = node;

            var acknowledged = new int[3];
            var resumedAfter = new TimeSpan?[3];
            var killedAt = 0L;
            async Task Vote(int i)
            {
                foreach (var item in queues[i].Where(t => t.MediaId != finale).Take(votesEach))
                {
                    var sentAfterKill = Interlocked.Read(ref killedAt) != 0;
                    await members[i].Connection.InvokeAsync<VoteResult>("Vote",
                        new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "dislike", voteId = $"{i}-{item.MediaId}" });
                    acknowledged[i]++;
                    var kill = Interlocked.Read(ref killedAt);
                    // Resume time: from the kill to the acknowledgement of this member's first vote sent after it.
                    if (sentAfterKill && resumedAfter[i] is null) resumedAfter[i] = Stopwatch.GetElapsedTime(kill);
                    if (acknowledged[i] == votesBeforeKill && i == 0)
                    {
                        home!.Kill(); // returns once the process is gone
                        Interlocked.Exchange(ref killedAt, Stopwatch.GetTimestamp());
                    }
                }
            }
            await Task.WhenAll(Enumerable.Range(0, 3).Select(Vote));
            var results = new List<VoteResult>();
            foreach (var m in members)
                results.Add(await m.Connection.InvokeAsync<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = finale, voteType = "like", voteId = "finale" }));

            var final = await members[1].Connection.InvokeAsync<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId });
            for (var i = 0; i < 3; i++)
                Assert.True(final.Members.Single(m => m.UserId == members[i].UserId).VotesCast >= acknowledged[i] + 1,
                    $"member {i}: {acknowledged[i]} acknowledged votes, the room has fewer");
            Assert.Contains(final.Matches, m => m.MediaId == finale);
            Assert.NotNull(results[^1].Matched);
            output.WriteLine($"SIGKILL of the room's node: members resumed after {string.Join(", ", resumedAfter.Select(r => $"{r?.TotalSeconds:F1} s"))} " +
                $"(stable-after 3 s); reconnects {string.Join(", ", members.Select(m => m.Connection.Reconnects))}; " +
                $"acknowledged {string.Join(", ", acknowledged)}, all of them in the recovered room");
            foreach (var m in members) await m.Connection.DisposeAsync();
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }
}
