using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Trinity.Host.Auth;
using Trinity.Host.Limits;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>Open realtime connections are capped per user, per client address and per node; over a cap, a clear refusal.</summary>
public sealed class ConnectionCapTests(ITestOutputHelper output)
{
    [Fact]
    public async Task One_token_flooding_connections_gets_the_per_user_cap_and_a_clear_refusal()
    {
        await using var server = await TrinityServer.StartLimitedAsync();
        var perUser = new ConnectionLimits().PerUser;
        var guest = await server.GuestAsync("Flood");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Attempt(server.BaseUri, guest)));
        var open = attempts.Where(a => a.Refusal is null).Select(a => a.Hub).ToList();
        var refusals = attempts.Select(a => a.Refusal).OfType<string>().ToList();

        output.WriteLine($"30 connections at once with one token: {open.Count} open; refusals: " +
            string.Join(" | ", refusals.GroupBy(r => r).Select(g => $"{g.Count()} x {g.Key}")));
        Assert.Equal(perUser, open.Count);
        // Connections that raced past negotiate are closed with the sentence; later ones are refused at negotiate.
        Assert.All(refusals, r => Assert.True(r.Contains("RATE_LIMITED: this user already has 10 open connections")
            || r.StartsWith("429 RATE_LIMITED at negotiate"), r));

        // Once the cap is reached, negotiate refuses; a closed connection frees its place.
        var eleventh = await Attempt(server.BaseUri, guest);
        Assert.StartsWith("429 RATE_LIMITED at negotiate", eleventh.Refusal);
        await open[0].DisposeAsync();
        var again = await Attempt(server.BaseUri, guest);
        Assert.Null(again.Refusal);
        await Task.WhenAll(open.Skip(1).Append(again.Hub).Append(eleventh.Hub).Concat(attempts.Where(a => a.Refusal is not null).Select(a => a.Hub))
            .Select(h => h.DisposeAsync().AsTask()));
    }

    [Theory]
    [InlineData("PerAddress", HttpStatusCode.TooManyRequests, "this address already has 3 open connections")]
    [InlineData("PerNode", HttpStatusCode.ServiceUnavailable, "this server has all the connections it takes")]
    public async Task The_address_and_node_caps_refuse_at_negotiate_with_a_sentence(string cap, HttpStatusCode status, string message)
    {
        await using var server = await TrinityServer.StartLimitedAsync($"--Trinity:RateLimits:Connections:{cap}=3");
        var hubs = new List<HubConnection>();
        for (var i = 0; i < 3; i++)
        {
            var attempt = await Attempt(server.BaseUri, await server.GuestAsync("Member" + i));
            Assert.Null(attempt.Refusal);
            hubs.Add(attempt.Hub);
        }
        var fourth = await server.GuestAsync("Fourth");
        var negotiate = new HttpRequestMessage(HttpMethod.Post, "/realtime/negotiate?negotiateVersion=1");
        negotiate.Headers.Authorization = new("Bearer", fourth.Token);
        var response = await server.Http.SendAsync(negotiate);
        var body = await response.Content.ReadAsStringAsync();

        output.WriteLine($"{cap}=3, a fourth connection: {(int)response.StatusCode} {body}");
        Assert.Equal(status, response.StatusCode);
        Assert.Contains("\"code\":\"RATE_LIMITED\"", body);
        Assert.Contains(message, body);
        var refused = await Attempt(server.BaseUri, fourth);
        Assert.Contains("RATE_LIMITED", refused.Refusal);
        await Task.WhenAll(hubs.Append(refused.Hub).Select(h => h.DisposeAsync().AsTask()));
    }

    /// <summary>
    /// Opens a connection; the refusal, if any: a negotiate status, or the server closing it on connect
    /// (a race past negotiate). An open one answers a call, which tells the two apart.
    /// </summary>
    private static async Task<(HubConnection Hub, string? Refusal)> Attempt(Uri baseUri, GuestIdentity guest)
    {
        var hub = TrinityClient.NewHub(baseUri, guest);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };
        try
        {
            await hub.StartAsync();
        }
        catch (HttpRequestException e)
        {
            return (hub, $"{(int?)e.StatusCode} RATE_LIMITED at negotiate: {e.Message}");
        }
        try
        {
            await hub.InvokeAsync<object>("GetRoomState", new { roomId = "rnosuchroom" });
        }
        catch (HubException e) when (e.Message.StartsWith("ROOM_NOT_FOUND") || e.Message.StartsWith("FORBIDDEN"))
        {
            return (hub, null);
        }
        catch (Exception)
        {
            var reason = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return (hub, "closed on connect: " + reason?.Message);
        }
        throw new InvalidOperationException("a call about no room succeeded");
    }
}
