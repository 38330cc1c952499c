using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>
/// 10,000 hostile invocations and frames over both hub protocols and raw WebSockets, while three
/// members play a room: the members lose nothing, the server logs no error, and memory stays bounded.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const int HubInvocationsPerProtocol = 3_500;
    private const int RawFrames = 3_000;
    private const int Titles = 60;
    private const long MemoryBoundBytes = 64 * 1024 * 1024;

    [Fact]
    public async Task The_server_keeps_serving_a_room_through_a_flood_of_garbage()
    {
        var logs = new LogCollector();
        await using var server = await TrinityServer.StartAsync(null, b => b.Logging.AddProvider(logs));
        var players = new[]
        {
            await TrinityClient.ConnectAsync(server, "Ana"),
            await TrinityClient.ConnectAsync(server, "Ben", messagePack: true),
            await TrinityClient.ConnectAsync(server, "Cid"),
        };
        var room = await players[0].Invoke<RoomSnapshot>("CreateRoom", new { name = "Under fire", queueSize = Titles });
        var queues = new Dictionary<TrinityClient, RoomSnapshot> { [players[0]] = room };
        foreach (var p in players.Skip(1)) queues[p] = await p.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var sent = 0;
        var hostile = Task.WhenAll(
            HubGarbage(server, messagePack: false, seed: 1, () => Interlocked.Increment(ref sent)),
            HubGarbage(server, messagePack: true, seed: 2, () => Interlocked.Increment(ref sent)),
            RawGarbage(server, seed: 3, () => Interlocked.Increment(ref sent)));
        // Members vote in step with the garbage, so every vote meets it.
        var total = 2 * HubInvocationsPerProtocol + RawFrames;
        var playing = Task.WhenAll(players.Select(async p =>
        {
            var n = 0;
            foreach (var item in queues[p].Queue)
            {
                var due = total * n++ / Titles;
                await WaitUntil(() => Volatile.Read(ref sent) >= due || hostile.IsCompleted);
                await p.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "dislike", voteId = $"{p.UserId}-{n}" });
            }
        }));
        await Task.WhenAll(hostile, playing);

        // Every member saw every other member's every vote, in a gapless sequence.
        foreach (var p in players)
            foreach (var other in players.Where(o => o != p))
                for (var i = 0; i < Titles; i++)
                    await p.WaitFor("voteUpdate", e => e.RoomId == room.RoomId && e.Get("userId") == other.UserId);
        foreach (var p in players)
        {
            var seqs = p.Drain().Where(e => e.RoomId == room.RoomId).Select(e => e.Seq).ToArray();
            Assert.Equal(seqs.Length, seqs.Distinct().Count());
            Assert.Equal(seqs.Order(), seqs);
        }
        var final = await players[0].Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId });
        Assert.All(final.Members, m => Assert.Equal(Titles, m.VotesCast));
        foreach (var p in players) await p.DisposeAsync();

        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"hostile inputs sent: {sent}; legitimate votes: {players.Length * Titles} acknowledged, 0 lost; " +
            $"managed memory before {memoryBefore / 1024 / 1024.0:F1} MiB, after {memoryAfter / 1024 / 1024.0:F1} MiB");
        Assert.True(sent >= 10_000, $"only {sent} hostile inputs were sent");
        Assert.Empty(logs.Errors);
        Assert.True(memoryAfter - memoryBefore < MemoryBoundBytes, $"memory grew by {(memoryAfter - memoryBefore) / 1024 / 1024} MiB");
    }

    private static async Task HubGarbage(TrinityServer server, bool messagePack, int seed, Action counted)
    {
        var garbage = new Garbage(seed);
        var identity = await server.GuestAsync("Mallory");
        var client = await TrinityClient.ConnectAsync(server.BaseUri, identity, messagePack);
        for (var i = 0; i < HubInvocationsPerProtocol; i++)
        {
            // An oversized message closes the connection, as it should: a hostile client simply comes back.
            if (client.Hub.State != HubConnectionState.Connected)
            {
                await client.DisposeAsync();
                client = await TrinityClient.ConnectAsync(server.BaseUri, identity, messagePack);
            }
            var (method, arguments) = garbage.Invocation();
            try
            {
                await client.Hub.InvokeCoreAsync<object?>(method, arguments);
            }
            catch (Exception)
            {
                // Refused, cut off, or not even sendable: all fine, as long as the server carries on.
            }
            counted();
        }
        await client.DisposeAsync();
    }

    private static async Task RawGarbage(TrinityServer server, int seed, Action counted)
    {
        var garbage = new Garbage(seed);
        var token = (await server.GuestAsync("Mallory")).Token;
        RawHubSocket? socket = null;
        for (var i = 0; i < RawFrames; i++)
        {
            if (socket is not { IsOpen: true })
            {
                if (socket is not null) await socket.DisposeAsync();
                socket = await RawHubSocket.ConnectAsync(server.BaseUri, token, i % 2 == 0 ? "json" : "messagepack");
            }
            var (bytes, text) = garbage.Frame();
            try
            {
                await socket.SendAsync(bytes, text);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The server closed this socket over the last frame; the next round opens a new one.
            }
            counted();
        }
        if (socket is not null) await socket.DisposeAsync();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the hostile clients stopped making progress");
            await Task.Delay(5);
        }
    }
}
