using System.Net;
using System.Net.Http.Json;
using Trinity.Host.Limits;

namespace Trinity.Host.Tests;

/// <summary>
/// X-Forwarded-For counts only from a trusted proxy (Trinity:ForwardedHeaders): seen through the per-address
/// guest sign-in limit, kept at its real default.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly BucketOptions Guests = new RateLimitOptions().Guests;

    /// <summary>The guest sign-in limit at its real default (test nodes otherwise run <see cref="TrinityServer.Unlimited"/>).</summary>
    public static readonly string[] RealGuestLimit =
        [$"--Trinity:RateLimits:Guests:Burst={Guests.Burst}", $"--Trinity:RateLimits:Guests:PerSecond={Guests.PerSecond}"];

    [Fact]
    public async Task A_trusted_proxy_gives_each_client_its_own_address_so_one_client_cannot_use_up_everyone_s_sign_ins()
    {
        await using var node = await TrinityServer.StartAsync(null, [.. RealGuestLimit, "--Trinity:ForwardedHeaders:KnownProxies=127.0.0.1"]);
        // Far more sign-ins than one address may make, each from a different client behind the proxy.
        for (var client = 1; client <= Guests.Burst * 2; client++)
            Assert.Equal(HttpStatusCode.OK, await SignInAsync(node, forwardedFor: $"203.0.113.{client}"));
    }

    [Theory]
    [InlineData(null)] // the default: no proxy is trusted
    [InlineData("--Trinity:ForwardedHeaders:KnownNetworks=10.0.0.0/8")] // a proxy network that is not this peer's
    public async Task An_untrusted_peer_s_X_Forwarded_For_is_ignored(string? trust)
    {
        await using var node = await TrinityServer.StartAsync(null, [.. RealGuestLimit, .. trust is null ? Array.Empty<string>() : [trust]]);
        var statuses = new List<HttpStatusCode>();
        for (var client = 1; client <= Guests.Burst + 1; client++)
            statuses.Add(await SignInAsync(node, forwardedFor: $"203.0.113.{client}"));
        // Every sign-in counted against the one real peer address: the bucket ran dry.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, Guests.Burst).Append(HttpStatusCode.TooManyRequests), statuses);
    }

    [Theory]
    [InlineData("--Trinity:ForwardedHeaders:KnownProxies=proxy.example", "Trinity:ForwardedHeaders:KnownProxies")]
    [InlineData("--Trinity:ForwardedHeaders:KnownNetworks=10.0.0.0", "Trinity:ForwardedHeaders:KnownNetworks")]
    [InlineData("--Trinity:BasePath=trinity", "Trinity:BasePath")]
    [InlineData("--Trinity:BasePath=/trinity/", "Trinity:BasePath")]
    public void Bad_edge_settings_stop_the_node_at_start_naming_the_key(string setting, string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TrinityApp.Build([.. TrinityServer.Arguments(TrinityServer.NewDataDir()), setting]));
        Assert.Contains(key, error.Message);
    }

    private static async Task<HttpStatusCode> SignInAsync(TrinityServer node, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/guest") { Content = JsonContent.Create(new { displayName = "Guest" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return (await node.Http.SendAsync(request)).StatusCode;
    }
}
