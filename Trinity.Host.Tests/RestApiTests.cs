using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;

namespace Trinity.Host.Tests;

public sealed class RestApiTests : ServerTest
{
    private HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    private async Task<T> Ok<T>(HttpMethod method, string path, string token, object? body = null)
    {
        var response = await Server.Http.SendAsync(Request(method, path, token, body));
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(TrinityJson.Options))!;
    }

    private async Task<(HttpStatusCode Status, string Code)> Error(HttpMethod method, string path, string? token, object? body = null)
    {
        var response = await Server.Http.SendAsync(Request(method, path, token, body));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? "" : JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!);
    }

    [Fact]
    public async Task A_room_can_be_played_over_REST_and_its_votes_reach_hub_members()
    {
        var ana = await Server.GuestAsync("Ana");
        await using var ben = await TrinityClient.ConnectAsync(Server, "Ben");
        var room = await Ok<RoomSnapshot>(HttpMethod.Post, "/api/rooms", ana.Token, new { name = "Rest", queueSize = 5, filters = new { mediaTypes = new[] { "tv" } } });
        Assert.All(room.Queue, m => Assert.Equal(MediaType.Tv, m.MediaType));
        await ben.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = room.InviteCode });
        var title = room.Queue[0].MediaId;

        await ben.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = title, voteType = "like" });
        var vote = await Ok<VoteResult>(HttpMethod.Post, $"/api/rooms/{room.RoomId}/votes", ana.Token, new { mediaId = title, voteType = "like" });

        Assert.Equal(title, vote.Matched!.MediaId);
        var update = await ben.WaitFor("voteUpdate", e => e.Get("userId") == ana.UserId);
        Assert.Equal(title, update.Get("mediaId"));
        var matches = await Ok<Match[]>(HttpMethod.Get, $"/api/rooms/{room.RoomId}/matches", ana.Token);
        Assert.Equal(title, Assert.Single(matches).MediaId);
        var state = await Ok<RoomSnapshot>(HttpMethod.Get, $"/api/rooms/{room.RoomId}", ana.Token);
        Assert.Equal(2, state.Members.Count);
        var mine = await Ok<MyRoom[]>(HttpMethod.Get, "/api/me/rooms", ana.Token);
        Assert.Equal(room.RoomId, Assert.Single(mine).RoomId);
    }

    [Fact]
    public async Task REST_joins_by_invite_code_and_refuses_with_protocol_statuses()
    {
        var ana = await Server.GuestAsync("Ana");
        var ben = await Server.GuestAsync("Ben");
        var room = await Ok<RoomSnapshot>(HttpMethod.Post, "/api/rooms", ana.Token, new { name = "Codes", queueSize = 5, maxMembers = 2 });
        var joined = await Ok<RoomSnapshot>(HttpMethod.Post, "/api/rooms/join", ben.Token, new { inviteCode = room.InviteCode });
        Assert.Equal(room.RoomId, joined.RoomId);
        var eve = await Server.GuestAsync("Eve");

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHORIZED"), await Error(HttpMethod.Get, $"/api/rooms/{room.RoomId}", null));
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHORIZED"), await Error(HttpMethod.Get, $"/api/rooms/{room.RoomId}", "not-a-token"));
        Assert.Equal((HttpStatusCode.Forbidden, "FORBIDDEN"), await Error(HttpMethod.Get, $"/api/rooms/{room.RoomId}", eve.Token));
        Assert.Equal((HttpStatusCode.Conflict, "ROOM_FULL"), await Error(HttpMethod.Post, "/api/rooms/join", eve.Token, new { inviteCode = room.InviteCode }));
        Assert.Equal((HttpStatusCode.NotFound, "ROOM_NOT_FOUND"), await Error(HttpMethod.Post, "/api/rooms/join", eve.Token, new { inviteCode = "QQQQQQ" }));
        Assert.Equal((HttpStatusCode.BadRequest, "MEDIA_NOT_IN_ROOM"), await Error(HttpMethod.Post, $"/api/rooms/{room.RoomId}/votes", ana.Token, new { mediaId = "m-x-2000", voteType = "like" }));
        Assert.Equal((HttpStatusCode.BadRequest, "VALIDATION_FAILED"), await Error(HttpMethod.Post, "/api/rooms", ana.Token, new { name = "", queueSize = 5 }));
        Assert.Equal((HttpStatusCode.BadRequest, "VALIDATION_FAILED"), await Error(HttpMethod.Post, "/api/auth/guest", null, new { displayName = new string('x', 41) }));
    }

    [Fact]
    public async Task The_catalogue_can_be_browsed()
    {
        var ana = await Server.GuestAsync("Ana");
        var horror = await Ok<MediaItem[]>(HttpMethod.Get, "/api/media?genre=horror&type=movie", ana.Token);
        Assert.NotEmpty(horror);
        Assert.All(horror, m => Assert.True(m.Genres.Contains("horror") && m.MediaType == MediaType.Movie));
        var search = await Ok<MediaItem[]>(HttpMethod.Get, "/api/media?q=casablanca", ana.Token);
        Assert.Contains(search, m => m.Title == "Casablanca");
    }

    [Fact]
    public async Task Operators_see_stats_and_broadcast_with_the_admin_key_only()
    {
        await using var ana = await TrinityClient.ConnectAsync(Server, "Ana");
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Ops", queueSize = 5 });

        Assert.Equal(HttpStatusCode.Unauthorized, (await Error(HttpMethod.Get, "/api/admin/stats", null)).Status);
        var withKey = new HttpRequestMessage(HttpMethod.Get, "/api/admin/stats");
        withKey.Headers.Add("X-Admin-Key", TrinityServer.AdminKey);
        var stats = JsonDocument.Parse(await (await Server.Http.SendAsync(withKey)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, stats.GetProperty("totalConnections").GetInt32());
        Assert.Equal(1, stats.GetProperty("nodes").GetInt32());
        var roomStats = stats.GetProperty("roomStats").EnumerateArray().Single(r => r.GetProperty("roomId").GetString() == room.RoomId);
        Assert.Equal(1, roomStats.GetProperty("connections").GetInt32());
        Assert.Equal("Ops", roomStats.GetProperty("name").GetString());

        var broadcast = new HttpRequestMessage(HttpMethod.Post, "/api/admin/system-message") { Content = JsonContent.Create(new { type = "maintenance", message = "Restart at 03:00" }) };
        broadcast.Headers.Add("X-Admin-Key", TrinityServer.AdminKey);
        Assert.True((await Server.Http.SendAsync(broadcast)).IsSuccessStatusCode);
        var message = await ana.WaitFor("systemMessage");
        Assert.Equal(("maintenance", "Restart at 03:00"), (message.Get("type"), message.Get("message")));
    }

    [Fact]
    public async Task The_recent_metrics_need_the_admin_key_and_count_votes_in_their_next_sample()
    {
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHORIZED"), await Error(HttpMethod.Get, "/api/admin/metrics/recent", null));
        await using var ana = await TrinityClient.ConnectAsync(Server, "Ana");
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Charted", queueSize = 5 });
        await ana.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = room.Queue[0].MediaId, voteType = "like" });

        // Bounded: the sample after the vote comes within one interval (5 s).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement recent;
        do
        {
            var (status, body) = await Server.Http.AdminAsync(HttpMethod.Get, "/api/admin/metrics/recent");
            Assert.Equal(HttpStatusCode.OK, status);
            recent = body;
            if (recent.GetProperty("samples").EnumerateArray().Any(s => s.GetProperty("votesPerSecond").GetDouble() > 0)) break;
            Assert.True(DateTime.UtcNow < deadline, $"no sample counted the vote: {recent}");
            await Task.Delay(200);
        } while (true);
        Assert.Equal(5, recent.GetProperty("intervalSeconds").GetDouble());
        var last = recent.GetProperty("samples").EnumerateArray().Last();
        foreach (var field in new[] { "at", "votesPerSecond", "connections", "matchesPerMinute", "fanOutP50Ms", "fanOutP99Ms" })
            Assert.True(last.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await Server.Http.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Server.Http.GetAsync("/healthz/ready")).StatusCode);
    }
}
