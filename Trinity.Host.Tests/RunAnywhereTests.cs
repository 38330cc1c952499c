using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>
/// The built binary as an operator runs it: <c>dotnet Trinity.Host.dll</c> from an unrelated working directory,
/// Production, configured only through environment variables, stopped with a real SIGTERM.
/// </summary>
public sealed class RunAnywhereTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StopWithin = Waits.Drain;

    [Fact]
    public async Task The_web_client_dashboard_and_health_are_served_whatever_the_working_directory_and_SIGTERM_exits_0()
    {
        await using var node = await StartElsewhereAsync();

        foreach (var (path, type) in new[]
                 {
                     ("", "text/html"), ("admin", "text/html"), ("admin/", "text/html"), ("join/ABC123", "text/html"),
                     ("js/app.js", "javascript"), ("healthz/ready", "text/plain"),
                 })
            await AssertServedAsync(node.Http, path, type);
        Assert.Contains("<title>Trinity — operations</title>", await node.Http.GetStringAsync("admin"));
        Assert.Contains("<base href=\"/\">", await node.Http.GetStringAsync(""));

        Assert.Equal(0, await node.TerminateAsync(StopWithin));
    }

    [Fact]
    public async Task Under_a_base_path_pages_hub_REST_health_and_metrics_live_below_it_and_nothing_outside_it()
    {
        await using var node = await StartElsewhereAsync(("Trinity__BasePath", "/trinity"));
        Assert.EndsWith("/trinity/", node.BaseUri.AbsolutePath);
        using var root = new HttpClient { BaseAddress = new Uri(node.BaseUri, "/") };

        foreach (var (path, type) in new[]
                 {
                     ("", "text/html"), ("admin", "text/html"), ("admin/", "text/html"), ("join/ABC123", "text/html"),
                     ("js/app.js", "javascript"), ("lib/signalr/signalr.min.js", "javascript"), ("healthz/live", "text/plain"),
                     ("healthz/ready", "text/plain"), ("metrics", "text/plain"),
                 })
            await AssertServedAsync(node.Http, path, type);
        // The pages resolve everything else from their base, which the node moved under the base path.
        Assert.Contains("<base href=\"/trinity/\">", await node.Http.GetStringAsync("join/ABC123"));
        Assert.Contains("<base href=\"/trinity/\">", await node.Http.GetStringAsync("admin"));
        foreach (var path in new[] { "", "admin", "js/app.js", "healthz/ready", "metrics", "realtime/negotiate", "trinityx/healthz/ready" })
            Assert.Equal(HttpStatusCode.NotFound, (await root.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await root.PostAsJsonAsync("api/auth/guest", new { displayName = "Eve" })).StatusCode);

        // REST and the hub under the base path: a room made over REST, joined and played over SignalR.
        var ana = await node.GuestAsync("Ana");
        var create = new HttpRequestMessage(HttpMethod.Post, "api/rooms") { Content = JsonContent.Create(new { name = "Sub-path night", queueSize = 5 }) };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ana.Token);
        var created = await node.Http.SendAsync(create);
        created.EnsureSuccessStatusCode();
        var inviteCode = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inviteCode").GetString()!;
        await using var anaHub = await TrinityClient.ConnectAsync(node.BaseUri, ana);
        await using var benHub = await TrinityClient.ConnectAsync(node.BaseUri, await node.GuestAsync("Ben"));
        var room = await benHub.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode });
        await anaHub.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
        var title = room.Queue[0].MediaId;
        await anaHub.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = title, voteType = "like" });
        var seen = await benHub.WaitFor("voteUpdate", e => e.RoomId == room.RoomId && e.Get("userId") == ana.UserId);
        Assert.Equal(title, seen.Get("mediaId"));

        Assert.Equal(0, await node.TerminateAsync(StopWithin));
    }

    private Task<HostProcess> StartElsewhereAsync(params (string Name, string Value)[] settings)
    {
        var environment = HostProcess.EnvironmentOf(TrinityServer.Arguments(TrinityServer.NewDataDir()));
        foreach (var (name, value) in settings) environment[name] = value;
        return HostProcess.StartAsync(environment, output);
    }

    private static async Task AssertServedAsync(HttpClient node, string path, string contentType)
    {
        var response = await node.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {new Uri(node.BaseAddress!, path)}: {(int)response.StatusCode}");
        Assert.Contains(contentType, response.Content.Headers.ContentType?.ToString() ?? "");
    }
}
