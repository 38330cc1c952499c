using System.Diagnostics;
using Trinity.Actors.Catalog;
using Trinity.Actors.Catalog.Sources;
using Trinity.Actors.Hosting;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Tests;

/// <summary>TMDB as a source of titles, over real HTTP against a loopback stand-in for its API.</summary>
public sealed class TmdbCatalogSpec : IAsyncLifetime
{
    private readonly List<TestSources> _built = [];
    private static readonly EmbeddedCatalog Embedded = new();
    private readonly ManualClock _clock = new(DateTimeOffset.Parse("2030-01-01T00:00:00Z"));
    private LoopbackTmdb _tmdb = null!;

    public async Task InitializeAsync() => _tmdb = await LoopbackTmdb.StartAsync();

    public async Task DisposeAsync()
    {
        _built.ForEach(b => b.Dispose());
        await _tmdb.DisposeAsync();
    }

    private SourcedCatalog Catalog(double timeoutSeconds = 5)
    {
        var options = new TmdbOptions { ApiKey = LoopbackTmdb.ApiKey, BaseUrl = _tmdb.BaseUrl, Pages = 2, TimeoutSeconds = timeoutSeconds };
        var built = new TestSources(new CatalogOptions { Tmdb = options }, _clock);
        _built.Add(built);
        return built.Catalog;
    }

    [Fact]
    public async Task Tmdb_titles_join_the_embedded_ones_under_the_same_stable_ids()
    {
        var catalog = Catalog();

        Assert.True(await catalog.RefreshAsync());

        var casablanca = catalog.Find("m-casablanca-1942")!;
        Assert.Equal((8.2, "api/media/m-casablanca-1942/poster"), (casablanca.Rating, casablanca.PosterUrl));
        Assert.Equal("https://image.tmdb.org/t/p/w500/casablanca.jpg", Assert.Single(catalog.Describe("m-casablanca-1942")!.Posters).Address);
        Assert.Equal(["drama", "romance", "war"], casablanca.Genres);
        Assert.Equal(["science-fiction", "fantasy", "drama", "mystery"], catalog.Find("tv-the-twilight-zone-1959")!.Genres);
        // Discover left this one without genres or overview: its details filled them in.
        var fresh = catalog.Find("m-nuevo-film-2023")!;
        Assert.Equal(["comedy"], fresh.Genres);
        Assert.Equal("A brand new comedy.", fresh.Overview);
        Assert.DoesNotContain(catalog.All, t => t.Title == "Undated");
        Assert.Equal(Embedded.All.Count + 1, catalog.All.Count);
        Assert.Equal(catalog.All.Count, catalog.All.Select(t => t.MediaId).Distinct().Count());
        Assert.All(_tmdb.Seen, path => Assert.Contains("language=en-US", path));
    }

    [Fact]
    public async Task Fetched_titles_are_cached_until_they_are_stale()
    {
        var catalog = Catalog();
        await catalog.RefreshAsync();
        var asked = _tmdb.Requests;

        await catalog.RefreshAsync();
        Assert.Equal(asked, _tmdb.Requests);

        _clock.Advance(TimeSpan.FromHours(7));
        await catalog.RefreshAsync();
        // Discover again (4 pages), but the details already known are not asked twice.
        Assert.Equal(asked + 4, _tmdb.Requests);
    }

    [Fact]
    public async Task When_tmdb_fails_the_catalogue_is_the_embedded_one()
    {
        _tmdb.Override = (context, _) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };
        var catalog = Catalog();

        Assert.False(await catalog.RefreshAsync());

        Assert.Equal(Embedded.All.Select(t => t.MediaId).Order(), catalog.All.Select(t => t.MediaId).Order());
        Assert.Null(Assert.Single(catalog.Sources).FetchedAt);
        Assert.NotEmpty(TitleSelection.ForRoom(catalog.All, new RoomFilters(["comedy"]), 20, "r1"));
    }

    [Fact]
    public async Task A_tmdb_that_hangs_is_given_up_on_after_the_timeout()
    {
        _tmdb.Override = (context, server) => server.HangAsync(context);
        var catalog = Catalog(timeoutSeconds: 0.5);
        var clock = Stopwatch.StartNew();

        Assert.False(await catalog.RefreshAsync().WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"gave up after {clock.Elapsed}");
        Assert.Equal(Embedded.All.Count, catalog.All.Count);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_what_tmdb_served_last()
    {
        var catalog = Catalog();
        await catalog.RefreshAsync();
        _tmdb.Override = (context, _) =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        };
        _clock.Advance(TimeSpan.FromHours(7));

        Assert.False(await catalog.RefreshAsync());

        Assert.NotNull(catalog.Find("m-nuevo-film-2023"));
    }

    [Fact]
    public async Task Tmdb_titles_bring_their_official_trailer_and_the_offers_of_the_region()
    {
        var catalog = Catalog();

        await catalog.RefreshAsync();

        var casablanca = catalog.Find("m-casablanca-1942")!;
        Assert.Equal("https://www.youtube.com/watch?v=official-trailer", casablanca.TrailerUrl);
        Assert.Equal(
            [("stream", "Filmin"), ("rent", "Apple TV"), ("buy", "Google Play Movies")],
            casablanca.AvailableOn!.Select(o => (o.Kind, o.Name)));
        Assert.All(casablanca.AvailableOn!, o => Assert.Equal(("tmdb", LoopbackTmdb.WatchPage), (o.Source, o.Url)));
        Assert.Contains(_tmdb.Seen, path => path.StartsWith("/3/movie/289?append_to_response=videos,watch/providers"));
    }

    [Fact]
    public async Task A_tmdb_that_refuses_the_key_is_logged_once_however_often_it_is_retried()
    {
        var options = new TmdbOptions { ApiKey = "ffffffffffffffffffffffffffffffff", BaseUrl = _tmdb.BaseUrl, Pages = 1 };
        using var built = new TestSources(new CatalogOptions { Tmdb = options }, _clock);

        for (var i = 0; i < 3; i++) Assert.False(await built.Catalog.RefreshAsync());

        Assert.Contains("401", Assert.Single(built.Warnings.Lines));
        Assert.Equal(Embedded.All.Count, built.Catalog.All.Count);
    }
}
