using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Trinity.Actors.Catalog;
using Trinity.Actors.Catalog.Sources;
using Trinity.Actors.Hosting;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>Jellyfin and Plex as sources of titles, over real HTTP against loopback stand-ins written from their APIs.</summary>
public sealed class LibrarySourcesSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.Parse("2030-01-01T00:00:00Z"));
    private readonly List<IDisposable> _built = [];
    private LoopbackJellyfin _jellyfin = null!;
    private LoopbackPlex _plex = null!;

    public async Task InitializeAsync()
    {
        _jellyfin = await LoopbackJellyfin.StartAsync(LibraryTitle.Library(40, "jf-"));
        _plex = await LoopbackPlex.StartAsync(LibraryTitle.Library(40, "px-"));
    }

    public async Task DisposeAsync()
    {
        _built.ForEach(b => b.Dispose());
        await _jellyfin.DisposeAsync();
        await _plex.DisposeAsync();
    }

    private TestSources Build(CatalogOptions options)
    {
        var built = new TestSources(options, _clock);
        _built.Add(built);
        return built;
    }

    private JellyfinOptions Jellyfin(string? libraries = null, int pageSize = 500) =>
        new() { Url = _jellyfin.Url, ApiKey = LoopbackJellyfin.ApiKey, Libraries = libraries, PageSize = pageSize, TimeoutSeconds = 2 };

    private PlexOptions Plex(string? sections = null, int pageSize = 500) =>
        new() { Url = _plex.Url, Token = LoopbackPlex.Token, Sections = sections, PageSize = pageSize, TimeoutSeconds = 2 };

    [Fact]
    public async Task A_jellyfin_library_joins_the_catalogue_under_the_same_ids_with_a_link_into_jellyfin()
    {
        var catalog = Build(new CatalogOptions { Jellyfin = Jellyfin(pageSize: 15) }).Catalog;

        Assert.True(await catalog.RefreshAsync());

        // Casablanca is embedded too: one title, one id, with the library's data and where it is.
        var casablanca = catalog.Describe("m-casablanca-1942")!;
        Assert.Equal(new HashSet<string> { "jellyfin", "embedded" }, casablanca.Sources);
        Assert.True(casablanca.Played);
        var there = Assert.Single(casablanca.Item.AvailableOn!);
        Assert.Equal(("jellyfin", "library", $"{_jellyfin.Url}/web/#/details?id=jf-a1&serverId={LoopbackJellyfin.ServerId}"),
            (there.Source, there.Kind, there.Url));
        Assert.Equal("api/media/m-casablanca-1942/poster", casablanca.Item.PosterUrl);
        Assert.Equal(["science-fiction", "fantasy", "drama"], catalog.Find("tv-the-twilight-zone-1959")!.Genres);
        Assert.Equal(40, catalog.All.Count(t => catalog.Describe(t.MediaId)!.Sources.Contains("jellyfin")));
        // The first administrator's view, paged, from the film and series libraries only.
        Assert.Contains(_jellyfin.Seen, s => s.StartsWith("/UserViews?userId=u-admin"));
        Assert.Contains(_jellyfin.Seen, s => s.Contains("parentId=lib-films") && s.Contains("startIndex=15"));
        Assert.DoesNotContain(_jellyfin.Seen, s => s.Contains("lib-music"));
        Assert.DoesNotContain(_jellyfin.Seen, s => s.Contains(LoopbackJellyfin.ApiKey));
    }

    [Fact]
    public async Task A_plex_library_joins_the_catalogue_with_its_watched_state_and_a_link_into_plex()
    {
        var catalog = Build(new CatalogOptions { Plex = Plex(pageSize: 15) }).Catalog;

        Assert.True(await catalog.RefreshAsync());

        var amelie = catalog.Describe("m-amelie-2001")!;
        Assert.False(amelie.Played);
        Assert.True(catalog.Describe("tv-the-twilight-zone-1959")!.Played);
        Assert.Equal($"{_plex.Url}/web/index.html#!/server/{LoopbackPlex.MachineIdentifier}/details?key=%2Flibrary%2Fmetadata%2Fpx-a2",
            Assert.Single(amelie.Item.AvailableOn!).Url);
        Assert.Equal(40, catalog.All.Count(t => catalog.Describe(t.MediaId)!.Sources.Contains("plex")));
        Assert.DoesNotContain(_plex.Seen, s => s.Contains(LoopbackPlex.Token));
    }

    [Fact]
    public async Task Unwatched_only_and_sources_choose_among_the_titles_of_the_chosen_servers()
    {
        var catalog = Build(new CatalogOptions { Jellyfin = Jellyfin(), Plex = Plex() }).Catalog;
        await catalog.RefreshAsync();

        var fromJellyfin = catalog.Candidates(new RoomFilters(Sources: ["jellyfin"], UnwatchedOnly: true)).ToArray();

        Assert.Equal(_jellyfin.Titles.Count(t => !t.Played), fromJellyfin.Length);
        Assert.DoesNotContain(fromJellyfin, t => t.MediaId == "m-casablanca-1942");
        Assert.Contains(fromJellyfin, t => t.MediaId == "m-home-movie-night-2019");
        // The same titles on both servers are one title available in both.
        Assert.Equal(["jellyfin", "plex"], catalog.Find("m-home-movie-night-2019")!.AvailableOn!.Select(o => o.Source));
        Assert.Equal(catalog.All.Count, catalog.Candidates(new RoomFilters()).Count());
    }

    [Fact]
    public async Task Configured_libraries_and_sections_are_the_only_ones_read_and_a_wrong_name_is_a_failure_that_says_so()
    {
        var films = Build(new CatalogOptions { Jellyfin = Jellyfin(libraries: "films"), Plex = Plex(sections: "TV Shows") });
        Assert.True(await films.Catalog.RefreshAsync());
        Assert.DoesNotContain(_jellyfin.Seen, s => s.Contains("lib-shows"));
        Assert.DoesNotContain(_plex.Seen, s => s.StartsWith("/library/sections/1/"));

        var wrong = Build(new CatalogOptions { Jellyfin = Jellyfin(libraries: "Peliculas") });
        Assert.False(await wrong.Catalog.RefreshAsync());
        Assert.Contains(wrong.Warnings.Lines, l => l.Contains("no film or series library named Peliculas") && l.Contains("Films, Shows"));
    }

    [Theory]
    [InlineData("jellyfin")]
    [InlineData("plex")]
    public async Task A_source_that_fails_keeps_its_last_titles_and_is_logged_once_per_streak(string name)
    {
        var built = Build(name == "jellyfin" ? new CatalogOptions { Jellyfin = Jellyfin() } : new CatalogOptions { Plex = Plex() });
        var catalog = built.Catalog;
        await catalog.RefreshAsync();
        var count = catalog.All.Count;
        Func<HttpContext, LoopbackHttp, Task> garbage = async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"Items\": [ this is not json");
        };
        Func<HttpContext, LoopbackHttp, Task> down = (context, _) =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        };

        foreach (var failure in new[] { garbage, down, garbage })
        {
            if (name == "jellyfin") _jellyfin.Override = failure; else _plex.Override = failure;
            _clock.Advance(TimeSpan.FromHours(7));
            Assert.False(await catalog.RefreshAsync());
        }

        Assert.Equal(count, catalog.All.Count);
        Assert.False(Assert.Single(catalog.Sources).Healthy);
        Assert.Single(built.Warnings.Lines);
        output.WriteLine(string.Join("\n", built.Warnings.Lines));
    }

    [Fact]
    public async Task Posters_come_through_trinity_byte_for_byte_and_are_cached()
    {
        var built = Build(new CatalogOptions { Jellyfin = Jellyfin(), Plex = Plex() });
        await built.Catalog.RefreshAsync();

        var fromJellyfin = await built.Artwork.GetAsync("m-amelie-2001", backdrop: false, CancellationToken.None);
        Assert.Equal(_jellyfin.Titles.Single(t => t.Title == "Amélie").Poster, fromJellyfin!.Bytes);
        Assert.Equal("image/png", fromJellyfin.ContentType);
        var askedJellyfin = _jellyfin.Seen.Count(s => s.StartsWith("/Items/jf-a2/Images/Primary?maxWidth=500"));
        Assert.Equal(1, askedJellyfin);

        Assert.Same(fromJellyfin.Bytes, (await built.Artwork.GetAsync("m-amelie-2001", false, CancellationToken.None))!.Bytes);
        Assert.Equal(1, _jellyfin.Seen.Count(s => s.StartsWith("/Items/jf-a2/Images/Primary")));

        // When Jellyfin has no image to give, the next source that has the title does.
        _jellyfin.Override = (context, _) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };
        var fromPlex = await built.Artwork.GetAsync("m-generated-film-7-1957", false, CancellationToken.None);
        Assert.Equal(_plex.Titles.Single(t => t.Title == "Generated Film 7").Poster, fromPlex!.Bytes);
        Assert.Null(await built.Artwork.GetAsync("m-no-such-title-1999", false, CancellationToken.None));
        Assert.Null(await built.Artwork.GetAsync("../../etc/passwd", false, CancellationToken.None));
    }

    [Fact]
    public async Task A_library_of_five_thousand_titles_is_read_in_pages()
    {
        await using var big = await LoopbackJellyfin.StartAsync(LibraryTitle.Library(5000, "big-"));
        var catalog = Build(new CatalogOptions { Jellyfin = new JellyfinOptions { Url = big.Url, ApiKey = LoopbackJellyfin.ApiKey } }).Catalog;
        var clock = Stopwatch.StartNew();

        Assert.True(await catalog.RefreshAsync());

        output.WriteLine($"5,000 Jellyfin titles read in {clock.ElapsedMilliseconds} ms, {big.Seen.Count} requests");
        Assert.Equal(5000, catalog.Sources[0].Titles.Count);
        Assert.All(big.Seen.Where(s => s.StartsWith("/Items?")), s => Assert.Contains("limit=500", s));
        Assert.True(big.Seen.Count(s => s.StartsWith("/Items?")) >= 10);
    }
}
