using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trinity.Actors.Catalog.Jellyfin;
using Trinity.Actors.Catalog.Plex;
using Trinity.Actors.Catalog.Tmdb;
using Trinity.Actors.Domain;

namespace Trinity.Actors.Catalog.Sources;

/// <summary>The catalogue a node serves: the embedded one alone, or merged with every configured source, each refreshed in the background.</summary>
public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, CatalogOptions options, string dataDir)
    {
        services.AddSingleton<EmbeddedCatalog>();
        // Library sources first: their titles, artwork and links are what the group can play tonight.
        if (options.Jellyfin.IsConfigured) JellyfinSource.Register(services, options.Jellyfin);
        if (options.Plex.IsConfigured) PlexSource.Register(services, options.Plex);
        if (options.Tmdb.IsConfigured) TmdbSource.Register(services, options.Tmdb);
        if (!options.Jellyfin.IsConfigured && !options.Plex.IsConfigured && !options.Tmdb.IsConfigured)
        {
            services.AddSingleton<ICatalog>(sp => sp.GetRequiredService<EmbeddedCatalog>());
            return services;
        }

        SourceOptions OptionsOf(ITitleSource s) => s.Name switch
        {
            SourceName.Jellyfin => options.Jellyfin,
            SourceName.Plex => options.Plex,
            _ => options.Tmdb,
        };
        services.AddSingleton(sp => new SourcedCatalog(sp.GetRequiredService<EmbeddedCatalog>(),
            sp.GetServices<ITitleSource>().Select(s => new CatalogSource(s, OptionsOf(s), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<CatalogSource>>()))));
        services.AddSingleton<ICatalog>(sp => sp.GetRequiredService<SourcedCatalog>());
        services.AddSingleton(sp => new ArtworkCache(sp.GetRequiredService<SourcedCatalog>(), Path.Combine(dataDir, "artwork"),
            options.ArtworkMemoryMegabytes * 1024L * 1024, options.ArtworkDiskMegabytes * 1024L * 1024,
            sp.GetRequiredService<ILogger<ArtworkCache>>()));
        // One refresher per source, so a slow one never delays another.
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new SourcesRefresher(
            sp.GetRequiredService<SourcedCatalog>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
