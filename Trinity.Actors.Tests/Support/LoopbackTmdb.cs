using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Trinity.Actors.Tests;

/// <summary>
/// The part of TMDB's v3 API that Trinity reads, on loopback: one page of popular films and one of series
/// (later pages empty), and the details of one film that discover leaves incomplete.
/// </summary>
public sealed class LoopbackTmdb : IAsyncDisposable
{
    public const string ApiKey = "0123456789abcdef0123456789abcdef";
    public const string WatchPage = "https://www.themoviedb.org/movie/289-casablanca/watch?locale=ES";
    private readonly LoopbackHttp _http;

    private LoopbackTmdb(LoopbackHttp http) => _http = http;

    /// <summary>What a client is configured with as <c>Trinity:Catalog:Tmdb:BaseUrl</c>.</summary>
    public string BaseUrl => new Uri(_http.BaseUri, "/3").ToString();
    public int Requests => _http.Requests;
    /// <summary>Path and query of every request, in arrival order.</summary>
    public ConcurrentQueue<string> Seen { get; } = new();
    /// <summary>Null answers as TMDB does; otherwise how to answer instead (a status, a hang).</summary>
    public Func<HttpContext, LoopbackHttp, Task>? Override { get; set; }

    public static async Task<LoopbackTmdb> StartAsync()
    {
        LoopbackTmdb? tmdb = null;
        var http = await LoopbackHttp.StartAsync(async (context, server) =>
        {
            tmdb!.Seen.Enqueue(context.Request.Path + context.Request.QueryString);
            if (tmdb.Override is { } instead)
            {
                await instead(context, server);
                return;
            }
            if (context.Request.Query["api_key"] != ApiKey)
            {
                context.Response.StatusCode = 401;
                return;
            }
            // TMDB's key for appended watch providers has a slash, which no C# name can.
            var json = System.Text.Json.JsonSerializer.Serialize(Answer(context.Request.Path.Value!, context.Request.Query["page"]))
                .Replace("\"watch_providers\":", "\"watch/providers\":");
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        });
        return tmdb = new LoopbackTmdb(http);
    }

    private static object Answer(string path, string? page) => (path, page) switch
    {
        ("/3/discover/movie", "1") => Page(
            new { id = 289, title = "Casablanca", release_date = "1942-11-26", genre_ids = new[] { 18, 10749, 10752 }, overview = "Rick's café.", vote_average = 8.17, poster_path = "/casablanca.jpg" },
            new { id = 9001, title = "Nuevo Film", release_date = "2023-05-01", genre_ids = Array.Empty<int>(), overview = "", vote_average = 7.0, poster_path = (string?)null },
            new { id = 9002, title = "Undated", release_date = "", genre_ids = new[] { 35 }, overview = "No date yet.", vote_average = 6.0, poster_path = (string?)null }),
        ("/3/discover/tv", "1") => Page(
            new { id = 6357, name = "The Twilight Zone", first_air_date = "1959-10-02", genre_ids = new[] { 10765, 18, 9648 }, overview = "Rod Serling presents.", vote_average = 8.6 }),
        ("/3/discover/movie" or "/3/discover/tv", _) => Page(),
        ("/3/movie/289", _) => new
        {
            id = 289, title = "Casablanca", release_date = "1942-11-26", overview = "Rick's café.", vote_average = 8.17,
            genres = new[] { new { id = 18, name = "Drama" } },
            videos = new
            {
                results = new[]
                {
                    new { key = "fan-made", site = "YouTube", type = "Trailer", official = false },
                    new { key = "official-trailer", site = "YouTube", type = "Trailer", official = true },
                    new { key = "featurette", site = "YouTube", type = "Featurette", official = true },
                },
            },
            watch_providers = new
            {
                results = new Dictionary<string, object>
                {
                    ["ES"] = new
                    {
                        link = WatchPage,
                        flatrate = new[] { new { provider_name = "Filmin", provider_id = 63 } },
                        rent = new[] { new { provider_name = "Apple TV", provider_id = 2 } },
                        buy = new[] { new { provider_name = "Google Play Movies", provider_id = 3 } },
                    },
                    ["US"] = new { link = "https://www.themoviedb.org/movie/289/watch?locale=US", flatrate = new[] { new { provider_name = "Max", provider_id = 1899 } } },
                },
            },
        },
        ("/3/movie/9001", _) => new
        {
            id = 9001, title = "Nuevo Film", release_date = "2023-05-01", overview = "A brand new comedy.", vote_average = 7.0,
            genres = new[] { new { id = 35, name = "Comedy" }, new { id = 10770, name = "TV Movie" } },
        },
        _ => new { status_code = 34, status_message = "The resource you requested could not be found." },
    };

    private static object Page(params object[] results) => new { page = 1, total_pages = 1, total_results = results.Length, results };

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
