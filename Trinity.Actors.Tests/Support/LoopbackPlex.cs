using Microsoft.AspNetCore.Http;

namespace Trinity.Actors.Tests;

/// <summary>
/// The part of Plex Media Server's API that Trinity reads, on loopback, in JSON when asked with
/// <c>Accept: application/json</c>: <c>/identity</c>, <c>/library/sections</c>, <c>/library/sections/{key}/all</c>
/// (paged with <c>X-Plex-Container-Start/Size</c> as headers or query) and the photo transcoder. Like Plex it takes
/// the token as the <c>X-Plex-Token</c> header or query parameter and answers 401 without it.
/// </summary>
public sealed class LoopbackPlex(IReadOnlyList<LibraryTitle> titles) : LoopbackMediaServer(titles)
{
    public const string Token = "plex-secret-token-9d8e7f";
    public const string MachineIdentifier = "plex-machine-1";

    public static Task<LoopbackPlex> StartAsync(IReadOnlyList<LibraryTitle> titles) => ListenAsync(new LoopbackPlex(titles));

    protected override async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        if ((request.Headers["X-Plex-Token"].FirstOrDefault() ?? request.Query["X-Plex-Token"].FirstOrDefault()) != Token)
        {
            context.Response.StatusCode = 401;
            return;
        }
        var path = request.Path.Value!;
        if (path == "/photo/:/transcode")
        {
            var key = request.Query["url"].ToString().Split('/') is [_, "library", "metadata", var k, "thumb", ..] ? k : "";
            if (ById.TryGetValue(key, out var title)) await PosterAsync(context, title);
            else context.Response.StatusCode = 404;
            return;
        }
        if (!request.Headers.Accept.ToString().Contains("application/json"))
        {
            context.Response.ContentType = "text/xml";
            await context.Response.WriteAsync("<MediaContainer size=\"0\"/>");
            return;
        }
        object? container = path switch
        {
            "/identity" => new { size = 0, machineIdentifier = MachineIdentifier },
            "/library/sections" => new
            {
                size = 3,
                Directory = new[]
                {
                    new { key = "1", type = "movie", title = "Movies" },
                    new { key = "2", type = "show", title = "TV Shows" },
                    new { key = "3", type = "artist", title = "Music" },
                },
            },
            "/library/sections/1/all" or "/library/sections/2/all" => Page(request, path.Contains("/2/")),
            _ => null,
        };
        if (container is null)
        {
            context.Response.StatusCode = 404;
            return;
        }
        await context.Response.WriteAsJsonAsync(new { MediaContainer = container }, AsSent);
    }

    private object Page(HttpRequest request, bool shows)
    {
        string? Paging(string name) => request.Headers[name].FirstOrDefault() ?? request.Query[name].FirstOrDefault();
        var matching = Titles.Where(t => t.Series == shows).ToArray();
        var start = int.Parse(Paging("X-Plex-Container-Start") ?? "0");
        var size = int.Parse(Paging("X-Plex-Container-Size") ?? "100000");
        var page = matching.Skip(start).Take(size).Select(t => new
        {
            ratingKey = t.Id, type = shows ? "show" : "movie", title = t.Title, year = t.Year, summary = t.Overview,
            audienceRating = t.Rating, thumb = $"/library/metadata/{t.Id}/thumb/1700000000",
            viewCount = !shows && t.Played ? 2 : (int?)null, viewedLeafCount = shows ? (t.Played ? 3 : 0) : (int?)null,
            Genre = t.Genres.Select(g => new { tag = g }).ToArray(),
        }).ToArray();
        return new { size = page.Length, totalSize = matching.Length, offset = start, Metadata = page };
    }
}
