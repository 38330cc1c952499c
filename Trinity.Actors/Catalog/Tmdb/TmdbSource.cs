using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Trinity.Actors.Catalog.Sources;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog.Tmdb;

/// <summary>
/// TMDB's popular films and series (discover), each with its details asked once for the life of the node: they
/// fill in what discover left out and carry the trailer and the watch providers of <see cref="TmdbOptions.Region"/>.
/// </summary>
public sealed class TmdbSource(TmdbClient client, TmdbOptions options) : ITitleSource
{
    private readonly ConcurrentDictionary<(MediaType, int), TmdbTitle> _details = new();

    public string Name => SourceName.Tmdb;

    /// <summary>The one place the TMDB client is configured: its base address and resilience.</summary>
    public static void Register(IServiceCollection services, TmdbOptions options)
    {
        services.AddSourceClient(TmdbClient.HttpClientName, options, options.BaseUrl);
        services.AddSingleton<ITitleSource>(sp => new TmdbSource(
            new TmdbClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(TmdbClient.HttpClientName), options), options));
    }

    public async Task<IReadOnlyList<SourcedTitle>> FetchAsync(CancellationToken cancellationToken)
    {
        var titles = new List<SourcedTitle>();
        foreach (var type in (MediaType[])[MediaType.Movie, MediaType.Tv])
            for (var page = 1; page <= options.Pages; page++)
                foreach (var found in await client.DiscoverAsync(type, page, cancellationToken))
                {
                    var incomplete = TmdbMapping.IsIncomplete(found);
                    if (!incomplete && TmdbMapping.ToMediaItem(found, type) is null) continue;
                    var details = await DetailsAsync(type, found.Id, cancellationToken);
                    var title = incomplete ? details ?? found : found;
                    if (TmdbMapping.ToSourcedTitle(title, details, type, options.Region) is { } sourced) titles.Add(sourced);
                }
        return titles;
    }

    public Task<byte[]> ImageAsync(string address, CancellationToken cancellationToken) => client.ImageAsync(address, cancellationToken);

    /// <summary>A title's details, kept once TMDB gave them; a title whose details fail simply goes without its extras this time.</summary>
    private async Task<TmdbTitle?> DetailsAsync(MediaType type, int id, CancellationToken cancellationToken)
    {
        if (_details.TryGetValue((type, id), out var known)) return known;
        try
        {
            var details = await client.DetailsAsync(type, id, cancellationToken);
            if (details is not null) _details[(type, id)] = details;
            return details;
        }
        catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
