using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Trinity.Actors.Protocol;
using Trinity.Client;
using Trinity.Host.Limits;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>Two node processes behind real nginx (deploy/nginx/trinity.conf) on a sub-path: hub, REST, client addresses, a node going away.</summary>
[Trait(OwnStorage.Trait, OwnStorage.Value)]
public sealed class NginxProxyTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_hub_and_REST_work_through_nginx_and_a_client_moves_through_it_to_the_surviving_node()
    {
        Skip.If(ProxiedCluster.Unavailable is not null, ProxiedCluster.Unavailable);
        await using var cluster = await ProxiedCluster.StartAsync(2, output);
        using var http = new HttpClient { BaseAddress = cluster.BaseUri };
        Assert.Contains("<base href=\"/trinity/\">", await http.GetStringAsync(""));
        Assert.Contains("<base href=\"/trinity/\">", await http.GetStringAsync("join/ABC123"));

        var ana = await Guest(http, "Ana");
        var ben = await Guest(http, "Ben");
        var benSaw = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        await using var anaHub = new TrinityConnection([cluster.BaseUri], () => Task.FromResult(ana.Token));
        await using var benHub = new TrinityConnection([cluster.BaseUri], () => Task.FromResult(ben.Token));
        benHub.On("voteUpdate", benSaw.Enqueue);
        await anaHub.StartAsync();
        await benHub.StartAsync();
        var room = await anaHub.InvokeAsync<RoomSnapshot>("CreateRoom", new { name = "Proxied", queueSize = 10 });
        await benHub.InvokeAsync<RoomSnapshot>("JoinRoom", new { inviteCode = room.InviteCode });
        await anaHub.InvokeAsync<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = room.Queue[0].MediaId, voteType = "like", voteId = "a0" });
        await TestCluster.WaitUntil(() => Task.FromResult(benSaw.Any(e => e.GetProperty("mediaId").GetString() == room.Queue[0].MediaId)),
            "Ben sees Ana's vote through nginx");

        // The node behind nginx that holds both clients goes away (SIGTERM, as in a rolling restart).
        var serving = await cluster.NodeWithConnectionsAsync();
        await serving.TerminateAsync(Waits.Drain);
        // Their next calls reconnect through nginx, which sends them to the survivor, where they join the room again.
        await benHub.InvokeAsync<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId });
        await anaHub.InvokeAsync<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = room.Queue[1].MediaId, voteType = "like", voteId = "a1" });
        await TestCluster.WaitUntil(() => Task.FromResult(benSaw.Any(e => e.GetProperty("mediaId").GetString() == room.Queue[1].MediaId)),
            "Ben sees Ana's vote after both moved to the surviving node");
        Assert.True(anaHub.Reconnects >= 1 && benHub.Reconnects >= 1, "both clients reconnected");
        var survivor = cluster.Nodes.Single(n => n != serving);
        Assert.True(await ProxiedCluster.ConnectionsOn(survivor) >= 2);
    }

    [SkippableFact]
    public async Task Per_address_limits_see_the_client_behind_nginx_not_nginx_and_not_a_spoofed_header()
    {
        Skip.If(ProxiedCluster.Unavailable is not null, ProxiedCluster.Unavailable);
        await using var cluster = await ProxiedCluster.StartAsync(1, output, ForwardedHeadersTests.RealGuestLimit);
        var burst = new RateLimitOptions().Guests.Burst;
        using var greedy = ClientFrom("127.0.0.3", cluster.BaseUri);
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= burst + 1; i++)
        {
            // A forged X-Forwarded-For does not help: nginx appends the real address and only that one is believed.
            var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/guest") { Content = JsonContent.Create(new { displayName = "Greedy" }) };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
            statuses.Add((await greedy.SendAsync(request)).StatusCode);
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, burst).Append(HttpStatusCode.TooManyRequests), statuses);

        // Another client behind the same nginx still signs in: the limit is per client, not per proxy.
        using var other = ClientFrom("127.0.0.4", cluster.BaseUri);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("api/auth/guest", new { displayName = "Other" })).StatusCode);
    }

    private static async Task<Trinity.Host.Auth.GuestIdentity> Guest(HttpClient http, string name)
    {
        var response = await http.PostAsJsonAsync("api/auth/guest", new { displayName = name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Trinity.Host.Auth.GuestIdentity>())!;
    }

    /// <summary>An HTTP client whose connections come from <paramref name="localAddress"/> (any of 127.0.0.0/8).</summary>
    private static HttpClient ClientFrom(string localAddress, Uri baseUri) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        }) { BaseAddress = baseUri };
}
