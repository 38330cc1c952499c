using Microsoft.Extensions.DependencyInjection;
using Trinity.Actors.Catalog;
using Trinity.Actors.Catalog.Sources;
using Trinity.Actors.Hosting;
using Trinity.Actors.Recommendations;

namespace Trinity.Actors.Tests;

public sealed class OptionsSpec
{
    private static ServiceProvider Services(TrinityOptions options) =>
        new ServiceCollection().AddLogging().AddTrinityServices(options).BuildServiceProvider();

    [Fact]
    public void With_no_configuration_the_embedded_catalogue_and_the_keyword_fallback_serve()
    {
        using var services = Services(new TrinityOptions());

        Assert.IsType<EmbeddedCatalog>(services.GetRequiredService<ICatalog>());
        Assert.IsType<KeywordRecommender>(services.GetRequiredService<IRecommender>());
    }

    [Fact]
    public void With_an_endpoint_and_a_key_the_model_and_tmdb_serve()
    {
        var options = new TrinityOptions
        {
            Ai = new AiOptions { Endpoint = "http://127.0.0.1:9/v1" },
            Catalog = new CatalogOptions { Tmdb = new TmdbOptions { ApiKey = "k" } },
        };
        using var services = Services(options);

        Assert.IsType<SourcedCatalog>(services.GetRequiredService<ICatalog>());
        Assert.IsType<GuardedRecommender>(services.GetRequiredService<IRecommender>());
    }

    [Theory]
    [InlineData("jellyfin:8096", "key", "Trinity:Catalog:Jellyfin:Url")]
    [InlineData("http://jellyfin:8096", "", "Trinity:Catalog:Jellyfin:ApiKey")]
    public void A_library_source_without_a_usable_address_or_key_is_refused_at_start_naming_its_key(string url, string key, string named)
    {
        var options = new TrinityOptions { Catalog = new CatalogOptions { Jellyfin = new JellyfinOptions { Url = url, ApiKey = key } } };

        Assert.StartsWith(named + " ", Assert.Throws<InvalidOperationException>(() => Services(options)).Message);
    }

    [Fact]
    public void A_plex_source_without_its_token_is_refused_at_start_naming_the_key()
    {
        var options = new TrinityOptions { Catalog = new CatalogOptions { Plex = new PlexOptions { Url = "http://plex:32400" } } };

        Assert.StartsWith("Trinity:Catalog:Plex:Token ", Assert.Throws<InvalidOperationException>(() => Services(options)).Message);
    }

    [Theory]
    [InlineData("localhost:8000", 10, "Trinity:Ai:Endpoint")]
    [InlineData("ftp://models/v1", 10, "Trinity:Ai:Endpoint")]
    [InlineData("http://localhost:8000/v1", 0, "Trinity:Ai:TimeoutSeconds")]
    public void A_configuration_that_could_only_fail_later_is_refused_at_start_naming_its_key(string endpoint, double timeout, string key)
    {
        var options = new TrinityOptions { Ai = new AiOptions { Endpoint = endpoint, TimeoutSeconds = timeout } };

        var error = Assert.Throws<InvalidOperationException>(() => Services(options));

        Assert.StartsWith(key + " ", error.Message);
    }

    [Theory]
    [InlineData(1, 30, "Trinity:Ai:BreakAfterFailures")]
    [InlineData(3, 0.1, "Trinity:Ai:BreakFor")]
    [InlineData(3, 2 * 86400, "Trinity:Ai:BreakFor")]
    public void Circuit_settings_the_breaker_cannot_take_are_refused_at_start_naming_their_key(int failures, double breakForSeconds, string key)
    {
        var options = new TrinityOptions
        {
            Ai = new AiOptions { Endpoint = "http://localhost:8000/v1", BreakAfterFailures = failures, BreakFor = TimeSpan.FromSeconds(breakForSeconds) },
        };

        var error = Assert.Throws<InvalidOperationException>(() => Services(options));

        Assert.StartsWith(key + " ", error.Message);
    }

    [Fact]
    public void A_negative_free_disk_floor_is_refused_at_start_naming_its_key()
    {
        var options = new TrinityOptions { Persistence = new PersistenceOptions { MinFreeDiskMb = -1 } };

        var error = Assert.Throws<InvalidOperationException>(() => Services(options));

        Assert.StartsWith("Trinity:Persistence:MinFreeDiskMb ", error.Message);
    }

    public static TheoryData<string, Action<TrinityOptions>> BadValues => new()
    {
        { "Trinity:DataDir", o => o.DataDir = " " },
        { "Trinity:Rooms:SnapshotEvery", o => o.Rooms.SnapshotEvery = 0 },
        { "Trinity:Rooms:ConnectionBuffer", o => o.Rooms.ConnectionBuffer = 0 },
        { "Trinity:Rooms:AskTimeout", o => o.Rooms.AskTimeout = TimeSpan.Zero },
        { "Trinity:Rooms:InactiveAfter", o => o.Rooms.InactiveAfter = TimeSpan.FromMinutes(-1) },
        { "Trinity:Rooms:IdleAfter", o => o.Rooms.IdleAfter = TimeSpan.Zero },
        { "Trinity:Rooms:InviteCodeGrace", o => o.Rooms.InviteCodeGrace = TimeSpan.FromDays(-1) },
        { "Trinity:Cluster:Hostname", o => o.Cluster.Hostname = "" },
        { "Trinity:Cluster:Port", o => o.Cluster.Port = 70_000 },
        { "Trinity:Cluster:StableAfter", o => o.Cluster.StableAfter = TimeSpan.Zero },
        { "Trinity:Persistence:Provider", o => o.Persistence.Provider = "oracle" },
        { "Trinity:Persistence:ConnectionString", o => o.Persistence.Provider = "postgres" },
        { "Trinity:Persistence:SqliteSynchronous", o => o.Persistence.SqliteSynchronous = "off" },
        { "Trinity:Catalog:Tmdb:Pages", o => o.Catalog.Tmdb = new TmdbOptions { ApiKey = "k", Pages = 0 } },
        { "Trinity:Catalog:ArtworkDiskMegabytes", o => o.Catalog.ArtworkDiskMegabytes = -1 },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Every_bad_value_is_refused_at_start_naming_its_key(string key, Action<TrinityOptions> spoil)
    {
        var options = new TrinityOptions();
        spoil(options);

        var error = Assert.Throws<InvalidOperationException>(() => Services(options));

        Assert.StartsWith(key + " ", error.Message);
    }
}
