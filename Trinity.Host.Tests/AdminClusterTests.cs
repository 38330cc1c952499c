using System.Net;
using System.Text.Json;
using Xunit.Abstractions;
using static Trinity.Host.Tests.TestCluster;

namespace Trinity.Host.Tests;

/// <summary>GET /api/admin/cluster, GET /api/admin/rooms/{id}, and the refusals of leave and down, on one node.</summary>
[Trait(OwnStorage.Trait, OwnStorage.Value)]
public sealed class AdminClusterTests(SharedServer shared, ITestOutputHelper output) : IClassFixture<SharedServer>
{
    private TrinityServer Server => shared.Server;

    [Fact]
    public async Task The_cluster_view_lists_this_node_as_leader_and_counts_its_shards()
    {
        await Server.CreateRoomAsync("Counted");
        var (status, cluster) = await Server.Http.AdminAsync(HttpMethod.Get, "/api/admin/cluster");

        Assert.Equal(HttpStatusCode.OK, status);
        var self = cluster.GetProperty("self").GetString();
        var member = Assert.Single(cluster.GetProperty("members").EnumerateArray());
        Assert.Equal(self, member.GetProperty("address").GetString());
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.True(member.GetProperty("reachable").GetBoolean());
        Assert.Equal(self, cluster.GetProperty("leader").GetString());
        Assert.Empty(cluster.GetProperty("unreachable").EnumerateArray());
        var node = Assert.Single(cluster.GetProperty("nodes").EnumerateArray());
        Assert.True(node.GetProperty("connections").GetInt32() >= 0);
        var regions = node.GetProperty("regions").EnumerateArray().ToDictionary(r => r.GetProperty("region").GetString()!);
        Assert.Equal(["invite-code", "room", "user-rooms"], regions.Keys.Order());
        Assert.True(regions["room"].GetProperty("shards").GetInt32() >= 1);
        Assert.True(regions["room"].GetProperty("entities").GetInt32() >= 1);
    }

    [Fact]
    public async Task The_room_view_names_the_hosting_node_its_members_and_its_last_event()
    {
        var roomId = await Server.CreateRoomAsync("Looked at");
        var self = (await Server.Http.AdminAsync(HttpMethod.Get, "/api/admin/cluster")).Body.GetProperty("self").GetString();

        var (status, room) = await Server.Http.AdminAsync(HttpMethod.Get, $"/api/admin/rooms/{roomId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(roomId, room.GetProperty("roomId").GetString());
        Assert.Equal(self, room.GetProperty("node").GetString());
        Assert.Equal("Owner", Assert.Single(room.GetProperty("members").EnumerateArray()).GetProperty("displayName").GetString());
        Assert.True(room.GetProperty("seq").GetInt64() >= 1);
        Assert.Equal(JsonValueKind.String, room.GetProperty("lastEventAt").ValueKind);
        Assert.Equal(0, room.GetProperty("connections").GetInt32());
    }

    [Fact]
    public async Task An_unknown_room_is_not_found()
    {
        var (status, body) = await Server.Http.AdminAsync(HttpMethod.Get, "/api/admin/rooms/nosuchroom1234");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("ROOM_NOT_FOUND", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_reachable_member_is_not_downed_and_a_stranger_cannot_leave()
    {
        var self = (await Server.Http.AdminAsync(HttpMethod.Get, "/api/admin/cluster")).Body.GetProperty("self").GetString();

        var (status, body) = await Server.Http.AdminAsync(HttpMethod.Post, "/api/admin/cluster/down", new { address = self });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("VALIDATION_FAILED", body.GetProperty("code").GetString());
        Assert.Contains("only an unreachable member", body.GetProperty("message").GetString());

        (status, body) = await Server.Http.AdminAsync(HttpMethod.Post, "/api/admin/cluster/leave", new { address = "akka.tcp://trinity@127.0.0.1:1" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("is not a member", body.GetProperty("message").GetString());

        (status, _) = await Server.Http.AdminAsync(HttpMethod.Post, "/api/admin/cluster/leave", new { address = "not an address" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/api/admin/cluster"), (HttpMethod.Post, "/api/admin/cluster/leave"),
                     (HttpMethod.Post, "/api/admin/cluster/down") })
        {
            (status, _) = await Server.Http.AdminAsync(method, path, new { address = self }, key: "wrong");
            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }
    }

    [SkippableFact]
    public async Task Two_nodes_are_listed_and_after_a_leave_the_shards_and_rooms_of_the_leaver_move()
    {
        Skip.If(TestPostgres.ConnectionString is null, TestPostgres.Absent);
        var (first, second) = await StartTwoAsync();
        await using var secondGuard = second;
        await using var firstGuard = first;
        var firstAddress = await SelfOf(first);
        var secondAddress = await SelfOf(second);

        // Rooms are spread over both nodes once the second's shard region has registered with the
        // coordinator, which can take a few seconds on a busy machine: make rooms until one lives there.
        var rooms = new List<string>();
        var until = DateTime.UtcNow.AddSeconds(30);
        for (var i = 0; i < 300 && DateTime.UtcNow < until && !await AnyOn(secondAddress); i++)
            rooms.Add(await first.CreateRoomAsync($"Room {i}"));
        Assert.True(await AnyOn(secondAddress), "no room landed on the second node");

        var cluster = (await first.Http.AdminAsync(HttpMethod.Get, "/api/admin/cluster")).Body;
        Assert.Equal(new[] { firstAddress, secondAddress }.Order(), cluster.GetProperty("members").EnumerateArray()
            .Select(m => m.GetProperty("address").GetString()!).Order());
        Assert.True(RoomShards(cluster, secondAddress) >= 1);
        Assert.All(cluster.GetProperty("nodes").EnumerateArray(), n => Assert.Equal(JsonValueKind.Number, n.GetProperty("connections").ValueKind));

        var (status, _) = await first.Http.AdminAsync(HttpMethod.Post, "/api/admin/cluster/leave", new { address = secondAddress });
        Assert.Equal(HttpStatusCode.Accepted, status);
        await WaitUntil(async () =>
        {
            var (code, view) = await first.Http.AdminAsync(HttpMethod.Get, "/api/admin/cluster");
            return code == HttpStatusCode.OK && view.GetProperty("members").GetArrayLength() == 1;
        }, "the second node is gone");

        // Each room answers again from the first node, which now holds every room shard.
        foreach (var roomId in rooms)
            await WaitUntil(async () => await HostOf(roomId) == firstAddress, $"room {roomId} is back on the first node");
        cluster = (await first.Http.AdminAsync(HttpMethod.Get, "/api/admin/cluster")).Body;
        Assert.Equal(firstAddress, Assert.Single(cluster.GetProperty("nodes").EnumerateArray()).GetProperty("address").GetString());
        Assert.True(RoomEntities(cluster, firstAddress) >= rooms.Count);

        async Task<bool> AnyOn(string address)
        {
            foreach (var roomId in rooms)
                if (await HostOf(roomId) == address) return true;
            return false;
        }

        async Task<string?> HostOf(string roomId)
        {
            var (code, room) = await first.Http.AdminAsync(HttpMethod.Get, $"/api/admin/rooms/{roomId}");
            return code == HttpStatusCode.OK ? room.GetProperty("node").GetString() : null;
        }
    }

    [SkippableFact]
    public async Task An_operator_downs_a_killed_node_before_the_split_brain_resolver_would()
    {
        Skip.If(TestPostgres.ConnectionString is null, TestPostgres.Absent);
        var seedPort = FreePorts.Next();
        // The resolver waits a long time here, so only the operator's down removes the dead node.
        string[] Patient(int port) => [.. Node(port, seedPort), "--Trinity:Cluster:StableAfter=00:05:00"];
        await using var first = await TrinityServer.StartAsync(null, Patient(seedPort));
        await using var second = await HostProcess.StartAsync(TrinityServer.NewDataDir(), output, Patient(FreePorts.Next()));
        await WaitUntil(async () => await NodeCount(first.Http) == 2, "both nodes are Up");
        var secondAddress = (await second.Http.AdminAsync(HttpMethod.Get, "/api/admin/cluster")).Body.GetProperty("self").GetString()!;

        second.Kill();
        await WaitUntil(async () =>
        {
            var (code, cluster) = await first.Http.AdminAsync(HttpMethod.Get, "/api/admin/cluster");
            Assert.True(code == HttpStatusCode.OK, $"{code} {cluster}"); // the view matters most while a node is dead
            return cluster.GetProperty("unreachable").EnumerateArray().Any(a => a.GetString() == secondAddress);
        }, "the killed node is unreachable");
        var (status, _) = await first.Http.AdminAsync(HttpMethod.Post, "/api/admin/cluster/down", new { address = secondAddress });

        Assert.Equal(HttpStatusCode.Accepted, status);
        await WaitUntil(async () => (await first.Http.AdminAsync(HttpMethod.Get, "/api/admin/cluster")).Body
            .GetProperty("members").GetArrayLength() == 1, "the downed node is removed");
    }

    private static async Task<string> SelfOf(TrinityServer node) =>
        (await node.Http.AdminAsync(HttpMethod.Get, "/api/admin/cluster")).Body.GetProperty("self").GetString()!;

    private static JsonElement RoomRegion(JsonElement cluster, string address) =>
        cluster.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("address").GetString() == address)
            .GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("region").GetString() == "room");

    private static int RoomShards(JsonElement cluster, string address) => RoomRegion(cluster, address).GetProperty("shards").GetInt32();

    private static int RoomEntities(JsonElement cluster, string address) => RoomRegion(cluster, address).GetProperty("entities").GetInt32();
}
