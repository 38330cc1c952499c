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
    [InlineData("localhost:8000", 10, "Trinity:Ai:Endpoint")]
    [InlineData("ftp://models/v1", 10, "Trinity:Ai:Endpoint")]
    [InlineData("http://localhost:8000/v1", 0, "Trinity:Ai:TimeoutSeconds")]
    public void A_configuration_that_could_only_fail_later_is_refused_at_start_naming_its_key(string endpoint, double timeout, string key)
    {
        var options = new TrinityOptions { Ai = new AiOptions { Endpoint = endpoint, TimeoutSeconds = timeout } };

        var error = Assert.Throws<InvalidOperationException>(() => Services(options));

        Assert.StartsWith(key + " ", error.Message);
    }
}
