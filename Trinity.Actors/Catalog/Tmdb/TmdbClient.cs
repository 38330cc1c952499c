using System.Globalization;
using System.Net.Http.Headers;
using Trinity.Actors.Catalog.Sources;
using System.Text.Json.Serialization.Metadata;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog.Tmdb;

/// <summary>
/// The TMDB v3 calls Trinity makes, <c>/discover/{movie|tv}</c> and <c>/{movie|tv}/{id}</c> (with its videos and
/// watch providers), over the resilient "tmdb" client. The key travels only to the API, never to the image CDN.
/// </summary>
public sealed class TmdbClient(HttpClient http, TmdbOptions options)
{
    public const string HttpClientName = SourceHttp.ClientNamePrefix + "tmdb";

    public async Task<IReadOnlyList<TmdbTitle>> DiscoverAsync(MediaType type, int page, CancellationToken cancellationToken) =>
        (await GetAsync($"discover/{Path(type)}?sort_by=popularity.desc&vote_count.gte=100&include_adult=false&page={page}",
            TmdbJson.Default.TmdbPage, cancellationToken))?.Results ?? [];

    public Task<TmdbTitle?> DetailsAsync(MediaType type, int id, CancellationToken cancellationToken) =>
        GetAsync($"{Path(type)}/{id.ToString(CultureInfo.InvariantCulture)}?append_to_response=videos,watch/providers",
            TmdbJson.Default.TmdbTitle, cancellationToken);

    public Task<byte[]> ImageAsync(string url, CancellationToken cancellationToken) =>
        SourceHttp.ImageAsync(http, url, cancellationToken);

    private Task<T?> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var query = pathAndQuery + (pathAndQuery.Contains('?') ? "&" : "?") + "language=" + Uri.EscapeDataString(options.Language);
        // A v4 read access token is a JWT; a v3 key is 32 hex digits and travels as api_key.
        var bearer = options.ApiKey!.Contains('.');
        if (!bearer) query += "&api_key=" + Uri.EscapeDataString(options.ApiKey);
        var request = new HttpRequestMessage(HttpMethod.Get, query);
        if (bearer) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        return SourceHttp.JsonAsync(http, request, type, cancellationToken);
    }

    private static string Path(MediaType type) => type == MediaType.Tv ? "tv" : "movie";
}
