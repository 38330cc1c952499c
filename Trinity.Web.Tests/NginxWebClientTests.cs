using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Trinity.Host.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>The web client through real nginx on a sub-path, in front of two node processes, one of which goes away.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NginxWebClientTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_room_is_played_through_nginx_and_carries_on_when_the_node_behind_it_goes_away()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        Skip.If(ProxiedCluster.Unavailable is not null, ProxiedCluster.Unavailable);
        await using var cluster = await ProxiedCluster.StartAsync(2, output);
        await RoomsAreServedAsync(cluster.BaseUri);
        var home = cluster.BaseUri.ToString();
        await using var ana = await WebUser.OpenAsync(browser, cluster.BaseUri, "Ana", output, home);
        await ana.SignInAsync();
        var code = await ana.CreateRoomAsync("Behind nginx", queueSize: 6);
        await using var ben = await WebUser.OpenAsync(browser, cluster.BaseUri, "Ben", output, home);
        await ben.SignInAsync();
        await ben.JoinAsync(code);
        await ana.VoteAsync("like", 2);
        await Expect(ben.Member("Ana").GetByTestId("member-progress")).ToHaveTextAsync("2/6");

        var serving = await cluster.NodeWithConnectionsAsync();
        await serving.TerminateAsync(Waits.Drain);

        // Both pages reconnect through nginx, which now sends them to the survivor, and the room goes on.
        var survivor = cluster.Nodes.Single(n => n != serving);
        await TestCluster.WaitUntil(async () => await ProxiedCluster.ConnectionsOn(survivor) >= 2, "both pages reconnected to the survivor");
        foreach (var user in new[] { ana, ben }) await Expect(user.ConnectionState).ToHaveTextAsync("connected");
        await ana.VoteAsync("like", 4);
        await ben.VoteAsync("like", 6);
        foreach (var user in new[] { ana, ben }) await Expect(user.TestId("match")).ToHaveCountAsync(6);
    }

    /// <summary>Waits until a room can be made through nginx: a new cluster's sharding takes a moment after readiness.</summary>
    private static async Task RoomsAreServedAsync(Uri baseUri)
    {
        using var http = new HttpClient { BaseAddress = baseUri };
        var guest = await (await http.PostAsJsonAsync("api/auth/guest", new { displayName = "Warm-up" })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", guest.GetProperty("token").GetString());
        await TestCluster.WaitUntil(async () => (await http.PostAsJsonAsync("api/rooms", new { name = "Warm-up", queueSize = 5 })).IsSuccessStatusCode,
            "a room can be made through nginx");
    }
}
