using Trinity.Actors.Protocol;
using Xunit.Abstractions;
using static Trinity.Host.Tests.TestCluster;

namespace Trinity.Host.Tests;

/// <summary>Fan-out once per node (issue 13), on three real node processes sharing the test PostgreSQL.</summary>
[Trait(OwnStorage.Trait, OwnStorage.Value)]
public sealed class RelayTests(ITestOutputHelper output)
{
    private const string Relayed = "trinity_relay_events_total";

    [SkippableFact]
    public async Task Members_on_three_nodes_get_every_event_in_gapless_seq_and_each_node_gets_each_event_once()
    {
        Skip.If(TestPostgres.ConnectionString is null, TestPostgres.Absent);
        await using var cluster = await ProcessCluster.StartAsync(3, output);
        // Two members on node 0, two on node 1, one on node 2.
        var homes = new[] { 0, 0, 1, 1, 2 };
        var members = new List<TrinityClient>();
        try
        {
            for (var i = 0; i < homes.Length; i++)
                members.Add(await TrinityClient.ConnectAsync(cluster[homes[i]].BaseUri, await cluster[homes[i]].GuestAsync($"Member{i}")));
            var room = await members[0].Invoke<RoomSnapshot>("CreateRoom", new { name = "Three nodes", queueSize = 30 });
            var joined = new Dictionary<TrinityClient, long> { [members[0]] = room.Seq };
            foreach (var member in members.Skip(1))
                joined[member] = (await member.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = room.InviteCode })).Seq;
            var start = (await members[0].Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId })).Seq;
            // The last to join saw its own join in its snapshot, not as an event.
            await WaitUntil(() => Task.FromResult(members.All(m => Math.Max(joined[m], LastSeq(m, room.RoomId)) >= start)),
                "every member has seen the joins");
            var before = await Task.WhenAll(Enumerable.Range(0, 3).Select(n => RelayedOn(cluster[n])));

            foreach (var item in room.Queue.Take(10))
                await members[0].Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = item.MediaId, voteType = "dislike" });
            var end = (await members[0].Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId })).Seq;
            Assert.True(end >= start + 10, $"seq {start} -> {end}");
            await WaitUntil(() => Task.FromResult(members.All(m => LastSeq(m, room.RoomId) >= end)), $"every member has seen seq {end}");

            foreach (var member in members)
            {
                var seqs = member.Drain().Where(e => e.RoomId == room.RoomId).Select(e => e.Seq).ToArray();
                Assert.Equal(Enumerable.Range((int)joined[member] + 1, seqs.Length).Select(s => (long)s), seqs);
            }
            // One room -> node delivery per event on every node, whether one or two of its members are there.
            await WaitUntil(async () =>
            {
                var after = await Task.WhenAll(Enumerable.Range(0, 3).Select(n => RelayedOn(cluster[n])));
                return Enumerable.Range(0, 3).All(n => after[n] - before[n] >= end - start);
            }, "every node's relay counted every event");
            var counted = await Task.WhenAll(Enumerable.Range(0, 3).Select(n => RelayedOn(cluster[n])));
            Assert.Equal(Enumerable.Repeat(end - start, 3), Enumerable.Range(0, 3).Select(n => (long)(counted[n] - before[n])));
        }
        finally
        {
            foreach (var member in members) await member.DisposeAsync();
        }
    }

    private static long LastSeq(TrinityClient member, string roomId) =>
        member.Drain().Where(e => e.RoomId == roomId).Select(e => e.Seq).DefaultIfEmpty(0).Max();

    private async Task<double> RelayedOn(HostProcess node) =>
        (await MetricsTests.ScrapeAsync(node.Http, output)).GetValueOrDefault(Relayed);
}
