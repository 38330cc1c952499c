using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;
using Trinity.Host.Auth;

namespace Trinity.Host.Tests;

public sealed class IdentityTests
{
    private static HubConnection QueryUserConnection(TrinityServer server, string userId) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseUri, $"/realtime?userId={userId}"))
            .AddJsonProtocol(o => TrinityJson.Configure(o.PayloadSerializerOptions))
            .Build();

    [Fact]
    public async Task The_userId_query_mode_is_off_unless_configured()
    {
        await using var server = await TrinityServer.StartAsync();
        await using var connection = QueryUserConnection(server, "ana");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task With_the_userId_query_mode_on_the_userId_is_the_identity_and_the_display_name()
    {
        await using var server = await TrinityServer.StartAsync(null, "--Trinity:Auth:AllowQueryUserId=true");
        await using var connection = QueryUserConnection(server, "ana");
        await connection.StartAsync();

        var room = await connection.InvokeAsync<RoomSnapshot>("CreateRoom", new { name = "Compat", queueSize = 5 });

        Assert.Equal("ana", room.CreatorId);
        Assert.Equal("ana", Assert.Single(room.Members).DisplayName);
    }

    [Fact]
    public async Task A_valid_token_is_refreshed_for_the_same_user()
    {
        await using var server = await TrinityServer.StartAsync();
        var guest = await server.GuestAsync("Ana");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", guest.Token);

        var fresh = await (await server.Http.SendAsync(request)).Content.ReadFromJsonAsync<GuestIdentity>();

        Assert.Equal((guest.UserId, "Ana"), (fresh!.UserId, fresh.DisplayName));
        Assert.True(fresh.ExpiresAt >= guest.ExpiresAt);
        await using var client = await TrinityClient.ConnectAsync(server.BaseUri, fresh);
    }

    [Fact]
    public async Task A_refresh_with_a_display_name_renames_the_same_user_and_an_empty_one_is_refused()
    {
        await using var server = await TrinityServer.StartAsync();
        var guest = await server.GuestAsync("Ana");
        HttpRequestMessage Refresh(object body) => new(HttpMethod.Post, "/api/auth/refresh")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", guest.Token) },
            Content = JsonContent.Create(body),
        };

        var renamed = await (await server.Http.SendAsync(Refresh(new { displayName = "  Ana María " }))).Content.ReadFromJsonAsync<GuestIdentity>();
        var empty = await server.Http.SendAsync(Refresh(new { displayName = " " }));

        Assert.Equal((guest.UserId, "Ana María"), (renamed!.UserId, renamed.DisplayName));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("VALIDATION_FAILED", await empty.Content.ReadAsStringAsync());
        // A room created with the new token carries the new name.
        await using var client = await TrinityClient.ConnectAsync(server.BaseUri, renamed);
        var room = await client.Invoke<RoomSnapshot>("CreateRoom", new { name = "Renamed", queueSize = 5 });
        Assert.Equal("Ana María", Assert.Single(room.Members).DisplayName);
    }

    [Fact]
    public async Task REST_over_its_limit_answers_429_RATE_LIMITED()
    {
        await using var server = await TrinityServer.StartAsync(null,
            "--Trinity:RateLimits:Guests:Burst=3", "--Trinity:RateLimits:Guests:PerSecond=0.01");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await server.Http.PostAsJsonAsync("/api/auth/guest", new { displayName = "Bot" })).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var body = await (await server.Http.PostAsJsonAsync("/api/auth/guest", new { displayName = "Bot" })).Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"RATE_LIMITED\"", body);
    }

    [Fact]
    public async Task Guest_sign_ins_from_one_address_stop_at_the_hourly_ceiling()
    {
        // The bucket is lifted so the hourly ceiling, at its default, is what stops them.
        await using var server = await TrinityServer.StartLimitedAsync(
            "--Trinity:RateLimits:Guests:Burst=100000", "--Trinity:RateLimits:Guests:PerSecond=100000");
        var perHour = new Limits.GuestLimits().PerHour;
        for (var i = 0; i < perHour; i++) await server.GuestAsync("Guest" + i);

        var refused = await server.Http.PostAsJsonAsync("/api/auth/guest", new { displayName = "One more" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("too many guest sign-ins from this address", await refused.Content.ReadAsStringAsync());
    }
}
