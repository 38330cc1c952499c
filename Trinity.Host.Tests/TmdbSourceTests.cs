using System.Net.Http.Json;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Tests;

/// <summary>A node pointed at TMDB (a loopback stand-in) serves its titles next to the embedded ones.</summary>
public sealed class TmdbSourceTests
{
    [Fact]
    public async Task Titles_from_tmdb_become_browsable_under_their_stable_ids()
    {
        await using var tmdb = await LoopbackTmdb.StartAsync();
        await using var server = await TrinityServer.StartAsync(null,
            $"--Trinity:Catalog:Tmdb:ApiKey={LoopbackTmdb.ApiKey}", $"--Trinity:Catalog:Tmdb:BaseUrl={tmdb.BaseUrl}");

        var guest = await server.GuestAsync("Ana");
        server.Http.DefaultRequestHeaders.Authorization = new("Bearer", guest.Token);
        // The first fetch runs in the background as the node starts: wait for it, boundedly.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        MediaItem[] found = [];
        while (found.Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"TMDB's titles never appeared; TMDB saw: {string.Join(", ", tmdb.Seen)}");
            found = await Browse(server, "Nuevo");
            if (found.Length == 0) await Task.Delay(50);
        }

        Assert.Equal("m-nuevo-film-2023", Assert.Single(found).MediaId);
        var casablanca = Assert.Single(await Browse(server, "Casablanca"));
        Assert.Equal(("m-casablanca-1942", 8.2), (casablanca.MediaId, casablanca.Rating));
    }

    private static async Task<MediaItem[]> Browse(TrinityServer server, string query) =>
        (await server.Http.GetFromJsonAsync<MediaItem[]>("/api/media?q=" + query, Trinity.Actors.Serialization.TrinityJson.Options))!;
}
