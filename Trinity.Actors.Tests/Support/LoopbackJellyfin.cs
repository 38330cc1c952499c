using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Trinity.Actors.Tests;

/// <summary>
/// The part of Jellyfin's API (10.9+) that Trinity reads, on loopback: <c>/Users</c>, <c>/UserViews</c>, <c>/Items</c>
/// (recursive, <c>includeItemTypes</c>, paged with <c>startIndex</c>/<c>limit</c>, with the user's played state) and
/// <c>/Items/{id}/Images/Primary</c>. Like Jellyfin it takes the key as <c>Authorization: MediaBrowser Token="…"</c>,
/// <c>X-Emby-Token</c>, <c>X-MediaBrowser-Token</c> or <c>api_key</c>, and answers 401 without one.
/// </summary>
public sealed partial class LoopbackJellyfin(IReadOnlyList<LibraryTitle> titles) : LoopbackMediaServer(titles)
{
    public const string ApiKey = "jf-secret-key-4f1c2b";
    public const string ServerId = "jf-server-1";

    public static Task<LoopbackJellyfin> StartAsync(IReadOnlyList<LibraryTitle> titles) => ListenAsync(new LoopbackJellyfin(titles));

    protected override async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        if (Key(request) != ApiKey)
        {
            context.Response.StatusCode = 401;
            return;
        }
        var path = request.Path.Value!;
        if (path == "/Users")
        {
            await context.Response.WriteAsJsonAsync(new object[]
            {
                new { Id = "u-guest", Name = "guest", Policy = new { IsAdministrator = false } },
                new { Id = "u-admin", Name = "admin", Policy = new { IsAdministrator = true } },
            }, AsSent);
        }
        else if (path == "/UserViews" && request.Query["userId"] == "u-admin")
        {
            await context.Response.WriteAsJsonAsync(new
            {
                Items = new[]
                {
                    new { Id = "lib-films", Name = "Films", CollectionType = "movies" },
                    new { Id = "lib-shows", Name = "Shows", CollectionType = "tvshows" },
                    new { Id = "lib-music", Name = "Music", CollectionType = "music" },
                },
                TotalRecordCount = 3,
            }, AsSent);
        }
        else if (path == "/Items" && request.Query["userId"] == "u-admin" && request.Query["recursive"] == "true")
        {
            var series = request.Query["parentId"] == "lib-shows";
            var types = request.Query["includeItemTypes"].ToString().Split(',');
            var matching = Titles.Where(t => t.Series == series && types.Contains(t.Series ? "Series" : "Movie")).ToArray();
            var start = int.Parse(request.Query["startIndex"].FirstOrDefault() ?? "0");
            var limit = int.Parse(request.Query["limit"].FirstOrDefault() ?? "100000");
            await context.Response.WriteAsJsonAsync(new
            {
                Items = matching.Skip(start).Take(limit).Select(t => new
                {
                    t.Id, ServerId, Name = t.Title, Type = t.Series ? "Series" : "Movie", ProductionYear = t.Year, t.Overview, t.Genres,
                    CommunityRating = t.Rating, ImageTags = new Dictionary<string, string> { ["Primary"] = "tag" + t.Id },
                    BackdropImageTags = Array.Empty<string>(), UserData = new { t.Played, PlayCount = t.Played ? 1 : 0 },
                }),
                TotalRecordCount = matching.Length,
                StartIndex = start,
            }, AsSent);
        }
        else if (ImagePath().Match(path) is { Success: true } image && ById.TryGetValue(image.Groups[1].Value, out var title))
            await PosterAsync(context, title);
        else
            context.Response.StatusCode = 404;
    }

    /// <summary>The key in any of the forms Jellyfin documents.</summary>
    private static string? Key(HttpRequest request)
    {
        foreach (var header in new[] { "Authorization", "X-Emby-Authorization" })
            if (TokenField().Match(request.Headers[header].ToString()) is { Success: true } m
                && request.Headers[header].ToString().StartsWith("MediaBrowser ", StringComparison.Ordinal))
                return m.Groups[1].Value;
        return request.Headers["X-Emby-Token"].FirstOrDefault() ?? request.Headers["X-MediaBrowser-Token"].FirstOrDefault()
            ?? request.Query["api_key"].FirstOrDefault() ?? request.Query["ApiKey"].FirstOrDefault();
    }

    [GeneratedRegex("Token=\"([^\"]*)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("^/Items/([^/]+)/Images/Primary$")]
    private static partial Regex ImagePath();

}
