using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Protocol;
using Trinity.Host.Auth;

namespace Trinity.Host.Tests;

/// <summary>
/// docs/SECURITY.md's authorization table, cell by cell: every REST endpoint and hub method against
/// every kind of caller. A row names the expected outcome: a status code, or a hub error code ("ok" = allowed).
/// </summary>
public sealed class AuthorizationMatrixTests(SharedServer shared) : IClassFixture<SharedServer>
{
    public enum Who { NoToken, Expired, Forged, NonMember, Member, Creator, AdminKeyOnly }

    private TrinityServer Server => shared.Server;

    private static readonly TokenService Forger =
        new(TokenService.KeyFrom("a-different-key-that-the-server-never-saw-0123"), TimeSpan.FromHours(1), TimeProvider.System);

    private static readonly TokenService Past =
        new(TokenService.KeyFrom(TrinityServer.SigningKey), TimeSpan.FromMinutes(5), new FixedClock(DateTimeOffset.UtcNow.AddDays(-1)));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A fresh room with a creator and a member, and a caller of the given kind.</summary>
    private async Task<(RoomSnapshot Room, string? Token, string MediaId)> Arrange(Who who)
    {
        var creator = await Server.GuestAsync("Creator");
        var member = await Server.GuestAsync("Member");
        var room = await Send<RoomSnapshot>(HttpMethod.Post, "/api/rooms", creator.Token, new { name = "Auth", queueSize = 5 });
        await Send<RoomSnapshot>(HttpMethod.Post, "/api/rooms/join", member.Token, new { inviteCode = room.InviteCode });
        var token = who switch
        {
            Who.Expired => Past.Issue(member.UserId, "Member").Token,
            Who.Forged => Forger.Issue(member.UserId, "Member").Token,
            Who.NonMember => (await Server.GuestAsync("Outsider")).Token,
            Who.Member => member.Token,
            Who.Creator => creator.Token,
            _ => null,
        };
        return (room, token, room.Queue[0].MediaId);
    }

    private async Task<T> Send<T>(HttpMethod method, string path, string token, object body)
    {
        var response = await Server.Http.SendAsync(Request(method, path, token, null, body));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(Actors.Serialization.TrinityJson.Options))!;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token, string? adminKey, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (adminKey is not null) request.Headers.Add("X-Admin-Key", adminKey);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    public static TheoryData<string, Who, int> RestCells()
    {
        var data = new TheoryData<string, Who, int>();
        // endpoint -> who may use it: "any" signed-in user, room "member"s, or the "admin" key.
        var endpoints = new (string Endpoint, string Audience)[]
        {
            ("POST /api/rooms", "any"), ("POST /api/rooms/join", "any"), ("GET /api/me/rooms", "any"),
            ("GET /api/media", "any"), ("POST /api/auth/refresh", "any"),
            ("GET /api/rooms/{id}", "member"), ("POST /api/rooms/{id}/votes", "member"), ("GET /api/rooms/{id}/matches", "member"),
            ("DELETE /api/rooms/{id}/votes/{media}", "member"),
            ("GET /api/admin/stats", "admin"), ("POST /api/admin/system-message", "admin"),
            ("GET /api/admin/cluster", "admin"), ("GET /api/admin/rooms/{id}", "admin"),
        };
        foreach (var (endpoint, audience) in endpoints)
        foreach (var who in Enum.GetValues<Who>())
        {
            var signedIn = who is Who.NonMember or Who.Member or Who.Creator;
            var status = audience switch
            {
                "admin" => who == Who.AdminKeyOnly ? 200 : 401,
                _ when !signedIn => 401,
                "member" when who == Who.NonMember => 403,
                _ => 200,
            };
            data.Add(endpoint, who, status);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RestCells))]
    public async Task Rest(string endpoint, Who who, int expected)
    {
        var (room, token, mediaId) = await Arrange(who);
        var parts = endpoint.Split(' ');
        var path = parts[1].Replace("{id}", room.RoomId).Replace("{media}", mediaId);
        object? body = path switch
        {
            "/api/rooms" => new { name = "Mine", queueSize = 5 },
            "/api/rooms/join" => new { inviteCode = room.InviteCode },
            "/api/admin/system-message" => new { type = "info", message = "hello" },
            _ when path.EndsWith("/votes") => new { mediaId, voteType = "like" },
            _ => null,
        };
        var adminKey = who == Who.AdminKeyOnly ? TrinityServer.AdminKey : null;

        var response = await Server.Http.SendAsync(Request(new HttpMethod(parts[0]), path, token, adminKey, body));

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(Who.NoToken)]
    [InlineData(Who.Expired)]
    [InlineData(Who.Forged)]
    [InlineData(Who.AdminKeyOnly)]
    public async Task The_hub_refuses_a_connection_without_a_valid_token(Who who)
    {
        var (_, token, _) = await Arrange(who);
        var identity = new GuestIdentity("someone", "Someone", token ?? "", DateTime.UtcNow);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => TrinityClient.ConnectAsync(Server.BaseUri, identity));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    public static TheoryData<string, Who, string> HubCells()
    {
        var data = new TheoryData<string, Who, string>();
        string[] membersOnly = ["GetRoomState", "Vote", "UndoVote", "SendMessage", "RequestRecommendations", "LeaveRoom"];
        foreach (var who in new[] { Who.NonMember, Who.Member, Who.Creator })
        {
            data.Add("CreateRoom", who, "ok");
            data.Add("JoinRoom", who, "ok");
            foreach (var method in membersOnly) data.Add(method, who, who == Who.NonMember ? "FORBIDDEN" : "ok");
            data.Add("CloseRoom", who, who == Who.Creator ? "ok" : "FORBIDDEN");
            data.Add("PrivateMessage", who, who == Who.NonMember ? "FORBIDDEN" : "ok");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HubCells))]
    public async Task Hub(string method, Who who, string expected)
    {
        var (room, token, mediaId) = await Arrange(who);
        var creatorId = room.CreatorId;
        await using var client = await TrinityClient.ConnectAsync(Server.BaseUri, new GuestIdentity("caller", "Caller", token!, DateTime.UtcNow));
        object argument = method switch
        {
            "CreateRoom" => new { name = "Mine", queueSize = 5 },
            "JoinRoom" => new { inviteCode = room.InviteCode },
            "Vote" => new { roomId = room.RoomId, mediaId, voteType = "like" },
            "UndoVote" => new { roomId = room.RoomId, mediaId },
            "SendMessage" => new { roomId = room.RoomId, text = "hi" },
            "PrivateMessage" => new { roomId = room.RoomId, text = "psst", toUserId = creatorId },
            "RequestRecommendations" => new { roomId = room.RoomId, mood = "happy" },
            _ => new { roomId = room.RoomId },
        };

        var outcome = "ok";
        try
        {
            await client.Invoke<object>(method == "PrivateMessage" ? "SendMessage" : method, argument);
        }
        catch (HubException e)
        {
            outcome = e.Message.Split(':')[0];
        }

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public async Task Only_members_receive_a_rooms_events()
    {
        var (room, memberToken, mediaId) = await Arrange(Who.Member);
        var (_, outsiderToken, _) = await Arrange(Who.NonMember);
        await using var member = await TrinityClient.ConnectAsync(Server.BaseUri, new GuestIdentity("m", "M", memberToken!, DateTime.UtcNow));
        await using var outsider = await TrinityClient.ConnectAsync(Server.BaseUri, new GuestIdentity("o", "O", outsiderToken!, DateTime.UtcNow));
        await member.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
        await Assert.ThrowsAsync<HubException>(() => outsider.Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId }));

        await member.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId, voteType = "like" });
        await member.WaitFor("voteUpdate");

        // The outsider's connection has had every chance to receive the same push by now.
        await outsider.Invoke<object>("CreateRoom", new { name = "Elsewhere", queueSize = 5 });
        Assert.DoesNotContain(outsider.Drain(), e => e.RoomId == room.RoomId);
    }
}
