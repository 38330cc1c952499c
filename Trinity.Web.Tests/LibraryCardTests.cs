using System.Text.Json;
using Microsoft.Playwright;
using Trinity.Actors.Tests;
using Trinity.Host.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Trinity.Web.Tests;

/// <summary>A room drawn from a Jellyfin library, with TMDB's trailers and offers, on a phone and a desktop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LibraryCardTests(BrowserFixture browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Cards_show_the_poster_the_trailer_and_where_to_watch_and_a_match_shows_where_to_watch_it()
    {
        Skip.IfNot(browser.Available, BrowserFixture.SkipReason);
        await using var jellyfin = await LoopbackJellyfin.StartAsync(LibraryTitle.Library(5, "jf-"));
        await using var tmdb = await LoopbackTmdb.StartAsync();
        await using var server = await WebServer.StartAsync(null,
            $"--Trinity:Catalog:Jellyfin:Url={jellyfin.Url}", $"--Trinity:Catalog:Jellyfin:ApiKey={LoopbackJellyfin.ApiKey}",
            $"--Trinity:Catalog:Tmdb:ApiKey={LoopbackTmdb.ApiKey}", $"--Trinity:Catalog:Tmdb:BaseUrl={tmdb.BaseUrl}");
        await using var ana = await TrinityClient.ConnectAsync(server, "Ana");
        var room = await CreateWhenReadyAsync(ana);
        var phone = await WebUser.OpenAsync(browser, server.BaseUri, "Ben", output, viewport: new ViewportSize { Width = 360, Height = 740 });
        var desktop = await WebUser.OpenAsync(browser, server.BaseUri, "Cleo", output);
        await using var _ = phone;
        await using var __ = desktop;
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(dir);

        foreach (var user in new[] { phone, desktop })
        {
            await user.SignInAsync();
            await user.JoinAsync(room.GetProperty("inviteCode").GetString()!);
            await SkipToAsync(user, "Casablanca");
            var card = user.TestId("card");
            var poster = card.GetByTestId("poster");
            await Expect(poster).ToBeVisibleAsync();
            Assert.True(await poster.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the poster loaded");
            await Expect(card.GetByRole(AriaRole.Link, new() { Name = "▶ Trailer" }))
                .ToHaveAttributeAsync("href", "https://www.youtube.com/watch?v=official-trailer");
            var where = card.GetByTestId("where-to-watch");
            await Expect(where.GetByRole(AriaRole.Link, new() { Name = "Open in Jellyfin" }))
                .ToHaveAttributeAsync("href", $"{jellyfin.Url}/web/#/details?id=jf-a1&serverId={LoopbackJellyfin.ServerId}");
            await Expect(where).ToContainTextAsync("Stream: Filmin");
            await Expect(where).ToContainTextAsync("Rent: Apple TV");
            await Expect(where).ToContainTextAsync("Buy: Google Play Movies");
            await user.Page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"library-card-{user.Name}.png"), Animations = ScreenshotAnimations.Disabled });
        }

        var roomId = room.GetProperty("roomId").GetString()!;
        await ana.Invoke<JsonElement>("Vote", new { roomId, mediaId = "m-casablanca-1942", voteType = "like" });
        await phone.VoteAsync("like", 1);
        await desktop.VoteAsync("like", 1);

        foreach (var user in new[] { phone, desktop })
        {
            var match = user.TestId("match").Filter(new() { HasText = "Casablanca" });
            await Expect(match).ToBeVisibleAsync();
            await Expect(match.GetByRole(AriaRole.Link, new() { Name = "Open in Jellyfin" })).ToBeVisibleAsync();
            await Expect(match.GetByTestId("where-to-watch")).ToContainTextAsync("Stream: Filmin");
            await user.Page.ScreenshotAsync(new() { Path = Path.Combine(dir, $"library-match-{user.Name}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
        }
        output.WriteLine($"screenshots in {dir}");
    }

    /// <summary>The room from the library, once the node has read it (a bounded wait that fails loudly).</summary>
    private static async Task<JsonElement> CreateWhenReadyAsync(TrinityClient ana)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                var room = await ana.Invoke<JsonElement>("CreateRoom", new { name = "Movie night", queueSize = 5, filters = new { sources = new[] { "jellyfin" } } });
                // TMDB's trailer and offers arrive with TMDB's own refresh: wait for them too.
                if (room.GetProperty("queue").EnumerateArray().Any(m => m.TryGetProperty("trailerUrl", out var t) && t.ValueKind == JsonValueKind.String))
                    return room;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException e) when (e.Message.StartsWith("UNAVAILABLE"))
            {
                // Jellyfin not read yet.
            }
            Assert.True(DateTime.UtcNow < deadline, "no room with TMDB's extras within 30 s");
            await Task.Delay(100);
        }
    }

    /// <summary>Passes on titles until the card shows <paramref name="title"/>; each member has their own order.</summary>
    private static async Task SkipToAsync(WebUser user, string title)
    {
        for (var i = 0; i < 5 && await user.TestId("card-title").InnerTextAsync() != title; i++)
            await user.VoteAsync("dislike", 1);
        await Expect(user.TestId("card-title")).ToHaveTextAsync(title);
    }
}
