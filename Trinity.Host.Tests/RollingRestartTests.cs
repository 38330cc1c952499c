using System.Collections.Concurrent;
using System.Text.Json;
using Trinity.Actors.Protocol;
using Trinity.Client;
using Xunit.Abstractions;
using static Trinity.Host.Tests.TestCluster;

namespace Trinity.Host.Tests;

/// <summary>A rolling restart of a 3-node cluster (the steps of <c>scripts/cluster.sh roll</c>) while clients vote.</summary>
[Trait(OwnStorage.Trait, OwnStorage.Value)]
[Collection(IsolatedCollection.Name)]
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private sealed class Voter(TrinityConnection connection, string userId)
    {
        public TrinityConnection Connection { get; } = connection;
        public string UserId { get; } = userId;
        public ConcurrentDictionary<string, long> LastSeq { get; } = new();
        public ConcurrentDictionary<string, int> Acknowledged { get; } = new();
        public ConcurrentDictionary<string, int> Failed { get; } = new();
        public ConcurrentDictionary<string, int> Sent { get; } = new();
    }

    [SkippableFact]
    public async Task A_rolling_restart_under_continuous_voting_loses_no_acknowledged_vote_and_counts_none_twice()
    {
        Skip.If(TestPostgres.ConnectionString is null, TestPostgres.Absent);
        await using var cluster = await ProcessCluster.StartAsync(3, output);
        var voters = new List<Voter>();
        for (var i = 0; i < 3; i++)
        {
            var identity = await cluster[i].GuestAsync($"Voter{i}");
            // Each voter knows every node, starting with a different one.
            var connection = new TrinityConnection([.. cluster.Urls.Skip(i), .. cluster.Urls.Take(i)], () => Task.FromResult(identity.Token));
            var voter = new Voter(connection, identity.UserId);
            foreach (var name in TrinityClient.EventNames)
                connection.On(name, e =>
                {
                    if (e.TryGetProperty("roomId", out var room) && e.TryGetProperty("seq", out var seq))
                        voter.LastSeq.AddOrUpdate(room.GetString()!, seq.GetInt64(), (_, last) => Math.Max(last, seq.GetInt64()));
                });
            await connection.StartAsync();
            voters.Add(voter);
        }
        var rooms = new List<string>();
        var queues = voters.ToDictionary(v => v, _ => new List<(string RoomId, string MediaId)>());
        var kept = voters.ToDictionary(v => v, _ => new Dictionary<string, string>());
        for (var r = 0; r < 3; r++)
        {
            var room = await voters[0].Connection.InvokeAsync<RoomSnapshot>("CreateRoom", new { name = $"Roll {r}", queueSize = 100 });
            rooms.Add(room.RoomId);
            foreach (var v in voters)
            {
                var queue = v == voters[0] ? room.Queue : (await v.Connection.InvokeAsync<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId })).Queue;
                kept[v][room.RoomId] = queue[0].MediaId; // for the end
                queues[v].AddRange(queue.Skip(1).Select(m => (room.RoomId, m.MediaId)));
            }
        }

        using var rolled = new CancellationTokenSource();
        var voting = voters.Select(v => Task.Run(async () =>
        {
            foreach (var (roomId, mediaId) in queues[v].TakeWhile(_ => !rolled.IsCancellationRequested))
            {
                v.Sent.AddOrUpdate(roomId, 1, (_, n) => n + 1);
                try
                {
                    // A retried call (another node, UNAVAILABLE) carries the same voteId: counted once.
                    await v.Connection.InvokeAsync<VoteResult>("Vote", new { roomId, mediaId, voteType = "dislike", voteId = $"{v.UserId}-{mediaId}" });
                    v.Acknowledged.AddOrUpdate(roomId, 1, (_, n) => n + 1);
                }
                catch (Exception)
                {
                    v.Failed.AddOrUpdate(roomId, 1, (_, n) => n + 1);
                }
                await Task.Delay(150);
            }
        })).ToArray();

        var drained = new List<TimeSpan>();
        for (var node = 0; node < cluster.Count; node++) drained.Add(await cluster.RestartAsync(node));
        rolled.Cancel();
        await Task.WhenAll(voting);

        // A last vote each, so that the last event of every room is one that every member receives.
        foreach (var v in voters)
            foreach (var roomId in rooms)
                await v.Connection.InvokeAsync<VoteResult>("Vote", new { roomId, mediaId = kept[v][roomId], voteType = "like", voteId = $"last-{roomId}" });
        var finals = new Dictionary<string, RoomSnapshot>();
        foreach (var roomId in rooms) finals[roomId] = await voters[0].Connection.InvokeAsync<RoomSnapshot>("GetRoomState", new { roomId });

        int Sum(Func<Voter, ConcurrentDictionary<string, int>> counts) => voters.Sum(v => counts(v).Values.Sum());
        var sent = Sum(v => v.Sent);
        var acknowledged = Sum(v => v.Acknowledged);
        output.WriteLine($"rolling restart of 3 nodes (SIGTERM to exit: {string.Join(", ", drained.Select(d => $"{d.TotalSeconds:F1} s"))}): " +
            $"{acknowledged} of {sent} votes acknowledged ({100.0 * acknowledged / sent:F2}%), {Sum(v => v.Failed)} failed after retries; " +
            $"reconnects {string.Join(", ", voters.Select(v => v.Connection.Reconnects))}");
        foreach (var v in voters)
            foreach (var roomId in rooms)
            {
                var cast = finals[roomId].Members.Single(m => m.UserId == v.UserId).VotesCast - 1; // less the last vote
                var ack = v.Acknowledged.GetValueOrDefault(roomId);
                Assert.True(cast >= ack, $"{v.UserId} in {roomId}: {ack} acknowledged, {cast} in the room: an acknowledged vote was lost");
                Assert.True(cast <= ack + v.Failed.GetValueOrDefault(roomId), $"{v.UserId} in {roomId}: {cast} in the room, more than were sent: a vote counted twice");
            }
        Assert.True(acknowledged >= 0.99 * sent, $"only {acknowledged} of {sent} votes succeeded");
        Assert.True(cluster.Running.Count() == 3);
        await WaitUntil(() => Task.FromResult(voters.All(v => rooms.All(r => v.LastSeq.GetValueOrDefault(r) == finals[r].Seq))),
            "every client has seen every room up to its last seq");
        foreach (var v in voters) await v.Connection.DisposeAsync();
    }
}
