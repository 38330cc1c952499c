using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>Two nodes in one cluster on the test PostgreSQL: rooms are shared, and move when a node leaves.</summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(TrinityServer First, TrinityServer Second)> StartClusterAsync()
    {
        var seedPort = FreePort();
        string[] Node(int port) =>
        [
            "--Trinity:Persistence:Provider=postgres", $"--Trinity:Persistence:ConnectionString={TestPostgres.ConnectionString}",
            $"--Trinity:Cluster:Port={port}", $"--Trinity:Cluster:Seeds=akka.tcp://trinity@127.0.0.1:{seedPort}",
            "--Trinity:Cluster:StableAfter=00:00:03",
        ];
        var first = await TrinityServer.StartAsync(null, Node(seedPort));
        var second = await TrinityServer.StartAsync(null, Node(FreePort()));
        await WaitUntil(async () => await NodeCount(first) == 2 && await NodeCount(second) == 2, "both nodes are Up");
        return (first, second);
    }

    private static async Task<JsonElement> Stats(TrinityServer node)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/stats");
        request.Headers.Add("X-Admin-Key", TrinityServer.AdminKey);
        return JsonDocument.Parse(await (await node.Http.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<int> NodeCount(TrinityServer node) => (await Stats(node)).GetProperty("nodes").GetInt32();

    private static async Task<bool> Hosts(TrinityServer node, string roomId) =>
        (await Stats(node)).GetProperty("roomStats").EnumerateArray().Any(r => r.GetProperty("roomId").GetString() == roomId);

    private static async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not in time: {what}");
            await Task.Delay(100);
        }
    }

    [SkippableFact]
    public async Task Members_on_different_nodes_see_the_same_events_in_the_same_order()
    {
        Skip.If(TestPostgres.ConnectionString is null, TestPostgres.Absent);
        var (first, second) = await StartClusterAsync();
        await using var _ = second;
        await using var __ = first;
        await using var ana = await TrinityClient.ConnectAsync(first, "Ana");
        await using var ben = await TrinityClient.ConnectAsync(second, "Ben", messagePack: true);
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Two nodes", queueSize = 10 });
        var joined = await ben.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = room.InviteCode });

        foreach (var item in room.Queue.Take(5))
        {
            await ana.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "like" });
            await ben.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "like" });
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
        var (first, second) = await StartClusterAsync();
        await using var ___ = second;
        await using var ____ = first;
        await using var ana = await TrinityClient.ConnectAsync(first, "Ana");
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Moving", queueSize = 10 });
        var (home, other) = await Hosts(first, room.RoomId) ? (first, second) : (second, first);
        await using var watcher = await TrinityClient.ConnectAsync(other, "Watcher");
        await using var voter = await TrinityClient.ConnectAsync(other, "Voter", messagePack: true);
        await watcher.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
        var voterQueue = (await voter.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId })).Queue;
        var maintenance = home == first ? ana.WaitFor("systemMessage", e => e.Get("type") == "maintenance", 60) : null;

        await home.DisposeAsync(); // SIGTERM-like: graceful leave, shards hand over
        if (maintenance is not null) await maintenance;

        // The watcher does nothing at all; the voter only votes. The room recovers on the other node.
        var vote = await Retry(() => voter.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = voterQueue[0].MediaId, voteType = "like", voteId = "after-move" }));
        var update = await watcher.WaitFor("voteUpdate", e => e.Get("mediaId") == voterQueue[0].MediaId, 60);
        Assert.Equal(voter.UserId, update.Get("userId"));
        Assert.True(await Hosts(other, room.RoomId));
        output.WriteLine($"after the leave the vote was acknowledged with progress {vote.Progress.TotalVotes}");
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
}
