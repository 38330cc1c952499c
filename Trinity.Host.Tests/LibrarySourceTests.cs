using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>Nodes pointed at a Jellyfin and a Plex server (loopback stand-ins), played by real clients.</summary>
public sealed class LibrarySourceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LoopbackJellyfin _jellyfin = null!;
    private LoopbackPlex _plex = null!;

    public async Task InitializeAsync()
    {
        _jellyfin = await LoopbackJellyfin.StartAsync(LibraryTitle.Library(60, "jf-"));
        _plex = await LoopbackPlex.StartAsync(LibraryTitle.Library(60, "px-"));
    }

    public async Task DisposeAsync()
    {
        await _jellyfin.DisposeAsync();
        await _plex.DisposeAsync();
    }

    private string[] JellyfinSettings(string url, string refresh = "06:00:00") =>
        [$"--Trinity:Catalog:Jellyfin:Url={url}", $"--Trinity:Catalog:Jellyfin:ApiKey={LoopbackJellyfin.ApiKey}",
         $"--Trinity:Catalog:Jellyfin:RefreshEvery={refresh}", $"--Trinity:Catalog:Jellyfin:RetryAfter={refresh}",
         "--Trinity:Catalog:Jellyfin:TimeoutSeconds=2"];

    private string[] PlexSettings => [$"--Trinity:Catalog:Plex:Url={_plex.Url}", $"--Trinity:Catalog:Plex:Token={LoopbackPlex.Token}"];

    [Fact]
    public async Task Rooms_draw_from_each_library_posters_come_through_trinity_and_no_token_reaches_a_client()
    {
        await using var server = await TrinityServer.StartAsync(null, [.. JellyfinSettings(_jellyfin.Url), .. PlexSettings]);
        await using var ana = await TrinityClient.ConnectAsync(server, "Ana");
        await using var ben = await TrinityClient.ConnectAsync(server, "Ben");
        await WaitUntilHealthyAsync(server.Http, ana.Identity.Token, "jellyfin", "plex");

        var fromJellyfin = await ana.Invoke<JsonElement>("CreateRoom",
            new { name = "Tonight", queueSize = 30, filters = new { sources = new[] { "jellyfin" }, unwatchedOnly = true } });
        var fromPlex = await ben.Invoke<JsonElement>("CreateRoom", new { name = "Plex night", queueSize = 10, filters = new { sources = new[] { "plex" } } });

        var unwatched = _jellyfin.Titles.Where(t => !t.Played).Select(t => t.Title).ToHashSet();
        var queue = Queue(fromJellyfin);
        Assert.Equal(30, queue.Length);
        Assert.All(queue, m => Assert.Contains(m.Title, unwatched));
        Assert.All(queue, m => Assert.Contains(m.AvailableOn!, o => o.Source == "jellyfin" && o.Kind == "library"));
        Assert.All(Queue(fromPlex), m => Assert.Contains(m.AvailableOn!, o => o.Source == "plex" && o.Url!.StartsWith(_plex.Url + "/web/")));

        // The poster is Trinity's, relative to its base address, and the bytes are the server's own.
        var amelie = queue.FirstOrDefault(m => m.Title == "Amélie") ?? queue[0];
        Assert.Equal($"api/media/{amelie.MediaId}/poster", amelie.PosterUrl);
        var poster = await server.Http.GetAsync(new Uri(server.BaseUri, amelie.PosterUrl));
        Assert.Equal("image/png", poster.Content.Headers.ContentType!.MediaType);
        Assert.Equal(_jellyfin.Titles.Single(t => t.Title == amelie.Title).Poster, await poster.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync("/api/media/m-no-such-title-1999/poster")).StatusCode);

        // Everything a client sees: snapshots, the events of a played room, the REST answers.
        var roomId = fromJellyfin.GetProperty("roomId").GetString()!;
        await ben.Invoke<JsonElement>("JoinRoom", new { roomId });
        foreach (var m in queue.Take(3))
            foreach (var member in new[] { ana, ben })
                await member.Invoke<JsonElement>("Vote", new { roomId, mediaId = m.MediaId, voteType = "like" });
        await ana.WaitFor("matchFound");
        var seen = new List<string> { fromJellyfin.ToString(), fromPlex.ToString() };
        seen.AddRange(ana.Drain().Concat(ben.Drain()).Select(e => e.Payload.ToString()));
        server.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ana.Identity.Token);
        foreach (var path in new[] { $"/api/rooms/{roomId}", "/api/media?q=a", "/api/catalog/sources", $"/api/rooms/{roomId}/matches" })
            seen.Add(await server.Http.GetStringAsync(path));
        seen.Add(string.Join("\n", poster.Headers.Concat(poster.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
        Assert.Contains(seen, text => text.Contains("\"availableOn\""));
        foreach (var secret in new[] { LoopbackJellyfin.ApiKey, LoopbackPlex.Token })
            Assert.DoesNotContain(seen, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Unknown_or_unconfigured_sources_are_refused_naming_the_field()
    {
        await using var server = await TrinityServer.StartAsync(null, PlexSettings);
        await using var ana = await TrinityClient.ConnectAsync(server, "Ana");

        foreach (var sources in new[] { new[] { "netflix" }, new[] { "plex", "jellyfin" } })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() =>
                ana.Invoke<JsonElement>("CreateRoom", new { name = "No", filters = new { sources } }));
            Assert.StartsWith("VALIDATION_FAILED: filters.sources ", refused.Message);
        }
    }

    [Fact]
    public async Task A_source_down_at_start_makes_only_rooms_that_need_it_unavailable_and_one_that_goes_down_later_keeps_serving()
    {
        var nowhere = $"http://127.0.0.1:{FreePorts.Next()}";
        await using var server = await TrinityServer.StartAsync(null, [.. JellyfinSettings(nowhere, "00:00:01"), .. PlexSettings]);
        await using var ana = await TrinityClient.ConnectAsync(server, "Ana");

        var refused = await Assert.ThrowsAsync<HubException>(() =>
            ana.Invoke<JsonElement>("CreateRoom", new { name = "Jf", filters = new { sources = new[] { "jellyfin" } } }));
        Assert.StartsWith("UNAVAILABLE: catalogue source jellyfin is not reachable", refused.Message);
        Assert.Equal(20, Queue(await ana.Invoke<JsonElement>("CreateRoom", new { name = "Any" })).Length);
        var sources = await SourcesAsync(server.Http, ana.Identity.Token);
        Assert.False(sources["jellyfin"].GetProperty("healthy").GetBoolean());

        // Plex answers, then goes away: its rooms carry on from what it served last.
        await WaitUntilHealthyAsync(server.Http, ana.Identity.Token, "plex");
        await _plex.DisposeAsync();
        var room = await ana.Invoke<JsonElement>("CreateRoom", new { name = "Plex", queueSize = 5, filters = new { sources = new[] { "plex" } } });
        Assert.All(Queue(room), m => Assert.Contains(m.AvailableOn!, o => o.Source == "plex"));
        _plex = await LoopbackPlex.StartAsync([]);
    }

    [Fact]
    public async Task The_built_server_run_by_an_operator_reads_a_library_of_5000_titles_and_serves_its_posters()
    {
        await using var big = await LoopbackJellyfin.StartAsync(LibraryTitle.Library(5000, "big-"));
        var clock = Stopwatch.StartNew();
        // Not a test of the rate limits: they are lifted.
        await using var node = await HostProcess.StartAsOperatorAsync(TrinityServer.NewDataDir(), output,
            [$"--Trinity:Catalog:Jellyfin:Url={big.Url}", $"--Trinity:Catalog:Jellyfin:ApiKey={LoopbackJellyfin.ApiKey}", .. TrinityServer.Unlimited]);
        var ready = clock.Elapsed;
        var guest = await node.GuestAsync("Ana");
        node.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", guest.Token);

        // The first room from the library, as soon as the node can make one (bounded, failing loudly).
        var deadline = DateTime.UtcNow + Waits.Background;
        HttpResponseMessage created;
        while (true)
        {
            created = await node.Http.PostAsJsonAsync("/api/rooms", new { name = "Big", queueSize = 100, filters = new { sources = new[] { "jellyfin" }, unwatchedOnly = true } });
            if (created.StatusCode != HttpStatusCode.ServiceUnavailable) break;
            Assert.True(DateTime.UtcNow < deadline, "no room from the library within 60 s: " + await created.Content.ReadAsStringAsync());
            await Task.Delay(100);
        }
        var firstRoom = clock.Elapsed;
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var room = (await created.Content.ReadFromJsonAsync<RoomSnapshot>(TrinityJson.Options))!;
        // Measured here (2 cores shared, load ~60): node ready in 29 s, the first room from the library 2.5 s later.
        output.WriteLine($"5,000-title Jellyfin library: node ready {ready.TotalMilliseconds:F0} ms, first room from the library " +
            $"{(firstRoom - ready).TotalMilliseconds:F0} ms later; " +
            $"{big.Seen.Count(s => s.StartsWith("/Items?"))} pages");

        Assert.Equal(100, room.Queue.Count);
        var played = big.Titles.Where(t => t.Played).Select(t => t.Title).ToHashSet();
        Assert.DoesNotContain(room.Queue, m => played.Contains(m.Title));
        Assert.True(big.Seen.Count(s => s.StartsWith("/Items?")) >= 10, "the library was read in pages");
        var poster = await node.Http.GetByteArrayAsync(room.Queue[0].PosterUrl);
        Assert.Equal(big.Titles.Single(t => t.Title == room.Queue[0].Title && !t.Played).Poster, poster);
    }

    private static MediaItem[] Queue(JsonElement snapshot) =>
        snapshot.GetProperty("queue").Deserialize<MediaItem[]>(TrinityJson.Options)!;

    private static async Task<Dictionary<string, JsonElement>> SourcesAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/sources");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answer = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement[]>();
        return answer!.ToDictionary(s => s.GetProperty("name").GetString()!);
    }

    /// <summary>The sources refresh in the background as the node starts: waits for them, boundedly.</summary>
    private static async Task WaitUntilHealthyAsync(HttpClient http, string token, params string[] names)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var sources = await SourcesAsync(http, token);
            if (names.All(n => sources.TryGetValue(n, out var s) && s.GetProperty("healthy").GetBoolean())) return;
            Assert.True(DateTime.UtcNow < deadline, "sources never became healthy: " + string.Join(", ", sources.Values));
            await Task.Delay(50);
        }
    }
}
