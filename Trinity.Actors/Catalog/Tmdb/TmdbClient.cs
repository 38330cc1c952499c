using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Trinity.Actors.Hosting;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog.Tmdb;

/// <summary>The two TMDB v3 calls Trinity makes, <c>/discover/{movie|tv}</c> and <c>/{movie|tv}/{id}</c>, each bounded by the timeout.</summary>
public sealed class TmdbClient(HttpClient http, TmdbOptions options)
{
    public static TmdbClient Create(TmdbOptions options)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/"),
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        // A v4 read access token is a JWT; a v3 key is 32 hex digits and travels as api_key.
        if (options.ApiKey!.Contains('.'))
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        return new TmdbClient(http, options);
    }

    public async Task<IReadOnlyList<TmdbTitle>> DiscoverAsync(MediaType type, int page, CancellationToken cancellationToken) =>
        (await GetAsync($"discover/{Path(type)}?sort_by=popularity.desc&vote_count.gte=100&include_adult=false&page={page}",
            TmdbJson.Default.TmdbPage, cancellationToken))?.Results ?? [];

    public Task<TmdbTitle?> DetailsAsync(MediaType type, int id, CancellationToken cancellationToken) =>
        GetAsync($"{Path(type)}/{id.ToString(CultureInfo.InvariantCulture)}?", TmdbJson.Default.TmdbTitle, cancellationToken);

    private async Task<T?> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var query = pathAndQuery + (pathAndQuery.EndsWith('?') ? "" : "&") + "language=" + Uri.EscapeDataString(options.Language);
        if (!options.ApiKey!.Contains('.')) query += "&api_key=" + Uri.EscapeDataString(options.ApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            return await http.GetFromJsonAsync(query, type, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"TMDB gave no answer within {options.TimeoutSeconds}s");
        }
    }

    private static string Path(MediaType type) => type == MediaType.Tv ? "tv" : "movie";
}
