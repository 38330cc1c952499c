using System.Diagnostics;
using System.Text.RegularExpressions;
using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Trinity.Actors.Protocol;
using Trinity.Host.Auth;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>Acknowledged means stored: rooms, votes and matches outlive a restart and a SIGKILL.</summary>
public sealed class DurabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_journal_runs_with_the_settings_measured_in_the_load_test()
    {
        await using var server = await TrinityServer.StartAsync();
        var config = server.Services.GetRequiredService<ActorSystem>().Settings.Config;

        // On SQLite: one writer, and connections made from the plugin's options, not cloned.
        // PostgreSQL keeps the plugin's defaults (the cluster load test did not gain from either).
        var sqlite = !TestPostgres.RunSuiteOnIt;
        Assert.Equal(sqlite ? 1 : 3, config.GetInt("akka.persistence.journal.sql.parallelism"));
        Assert.Equal(!sqlite, config.GetBoolean("akka.persistence.journal.sql.use-clone-connection"));
        Assert.Equal(!sqlite, config.GetBoolean("akka.persistence.snapshot-store.sql.use-clone-connection"));
        // Storage that fails is noticed fast and tried again fast (StorageFailureTests measure the effect).
        foreach (var store in new[] { "journal", "snapshot-store" })
        {
            Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan($"akka.persistence.{store}.sql.circuit-breaker.reset-timeout"));
            Assert.Equal(5, config.GetInt($"akka.persistence.{store}.sql.circuit-breaker.max-failures"));
        }
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("akka.persistence.journal.sql.recovery-event-timeout"));
    }

    [Fact]
    public async Task A_restarted_node_keeps_rooms_votes_matches_and_the_event_sequence()
    {
        var dataDir = TrinityServer.NewDataDir();
        GuestIdentity anaId, benId;
        RoomSnapshot before;
        await using (var server = await TrinityServer.StartAsync(dataDir))
        {
            await using var ana = await TrinityClient.ConnectAsync(server, "Ana");
            await using var ben = await TrinityClient.ConnectAsync(server, "Ben", messagePack: true);
            (anaId, benId) = (ana.Identity, ben.Identity);
            var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Survives", queueSize = 6 });
            await ben.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = room.InviteCode });
            foreach (var item in room.Queue.Take(3))
            {
                await ana.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "like" });
                await ben.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "like" });
            }
            before = await ana.Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId });
            Assert.Equal(3, before.Matches.Count);
        }

        await using (var server = await TrinityServer.StartAsync(dataDir))
        {
            // The same tokens still work: the signing key is configuration, not process state.
            await using var ana = await TrinityClient.ConnectAsync(server.BaseUri, anaId);
            await using var ben = await TrinityClient.ConnectAsync(server.BaseUri, benId, messagePack: true);
            await ben.Invoke<RoomSnapshot>("JoinRoom", new { roomId = before.RoomId });
            var after = await ana.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = before.InviteCode });

            Assert.Equal(before.Matches.Select(m => m.MediaId), after.Matches.Select(m => m.MediaId));
            Assert.Equal(before.Progress, after.Progress);
            Assert.Equal(before.Queue.Select(m => m.MediaId), after.Queue.Select(m => m.MediaId));
            Assert.True(after.Seq > before.Seq); // rejoining comes back online, as an event
            var next = await ben.WaitFor("memberStatusChanged", e => e.Get("userId") == anaId.UserId);
            Assert.True(next.Seq > before.Seq);
        }
    }

    [Fact]
    public async Task A_SIGKILLed_server_loses_no_acknowledged_vote()
    {
        var dataDir = TrinityServer.NewDataDir();
        var acknowledged = new Dictionary<string, int>();
        string roomId;
        await using (var node = await HostProcess.StartAsync(dataDir, output))
        {
            var users = new[] { await TrinityClient.ConnectAsync(node.BaseUri, await node.GuestAsync("Ana")),
                await TrinityClient.ConnectAsync(node.BaseUri, await node.GuestAsync("Ben"), messagePack: true) };
            var room = await users[0].Invoke<RoomSnapshot>("CreateRoom", new { name = "Crash", queueSize = 100 });
            roomId = room.RoomId;
            var queues = new Dictionary<TrinityClient, RoomSnapshot> { [users[0]] = room, [users[1]] = await users[1].Invoke<RoomSnapshot>("JoinRoom", new { roomId }) };
            foreach (var u in users) acknowledged[u.UserId] = 0;
            using var killed = new CancellationTokenSource();

            // Both members vote as fast as they can; the kill lands in the middle of it.
            var voting = users.Select(u => Task.Run(async () =>
            {
                foreach (var item in queues[u].Queue)
                {
                    try
                    {
                        await u.Invoke<VoteResult>("Vote", new { roomId, mediaId = item.MediaId, voteType = "dislike" });
                        acknowledged[u.UserId]++;
                    }
                    catch (Exception)
                    {
                        return; // no acknowledgement: the vote may or may not have been stored
                    }
                }
            })).ToArray();
            await WaitUntil(() => acknowledged.Values.Sum() >= 40, TimeSpan.FromSeconds(60));
            node.Kill();
            await Task.WhenAll(voting);
            foreach (var u in users) await u.DisposeAsync();
        }
        output.WriteLine($"acknowledged before the kill: {string.Join(", ", acknowledged.Select(a => $"{a.Key}={a.Value}"))}");

        await using (var node = await HostProcess.StartAsync(dataDir, output))
        {
            await using var ana = await TrinityClient.ConnectAsync(node.BaseUri, Reissue(acknowledged.Keys.First()));
            var state = await ana.Invoke<RoomSnapshot>("GetRoomState", new { roomId });
            foreach (var (userId, count) in acknowledged)
                Assert.True(state.Members.Single(m => m.UserId == userId).VotesCast >= count,
                    $"{userId} had {count} acknowledged votes, the recovered room has {state.Members.Single(m => m.UserId == userId).VotesCast}");
        }
    }

    /// <summary>A token for an existing user id, signed with the test key (what a client's stored token would be).</summary>
    private static GuestIdentity Reissue(string userId) =>
        new TokenService(TokenService.KeyFrom(TrinityServer.SigningKey), TimeSpan.FromHours(1), TimeProvider.System).Issue(userId, userId);

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in time");
            await Task.Delay(20);
        }
    }
}
