using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Trinity.Actors.Catalog.Sources;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog.Jellyfin;

/// <summary>
/// A Jellyfin server's films and series: the user (configured, else the first administrator of <c>/Users</c>),
/// their film and series libraries (<c>/UserViews</c>), and each library's items (<c>/Items</c>, recursive,
/// paged) with that user's played state. Posters are asked at card width (<c>maxWidth</c>): Jellyfin resizes.
/// </summary>
public sealed class JellyfinSource(HttpClient http, JellyfinOptions options) : ITitleSource
{
    public const string HttpClientName = SourceHttp.ClientNamePrefix + "jellyfin";
    private const string Fields = "Overview,Genres,ProductionYear,CommunityRating";

    public string Name => SourceName.Jellyfin;

    /// <summary>The one place the Jellyfin client is configured: address, the documented token header, resilience.</summary>
    public static void Register(IServiceCollection services, JellyfinOptions options)
    {
        services.AddSourceClient(HttpClientName, options, options.Url!)
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization",
                $"MediaBrowser Client=\"Trinity\", Device=\"Trinity\", DeviceId=\"trinity\", Version=\"1\", Token=\"{options.ApiKey}\""));
        services.AddSingleton<ITitleSource>(sp =>
            new JellyfinSource(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), options));
    }

    public async Task<IReadOnlyList<SourcedTitle>> FetchAsync(CancellationToken cancellationToken)
    {
        var userId = options.UserId is { Length: > 0 } configured ? configured : await AdministratorAsync(cancellationToken);
        var titles = new List<SourcedTitle>();
        foreach (var library in await LibrariesAsync(userId, cancellationToken))
            for (var start = 0; ; start += options.PageSize)
            {
                var page = await GetAsync($"Items?userId={Esc(userId)}&parentId={Esc(library.Id)}&recursive=true" +
                    $"&includeItemTypes=Movie,Series&fields={Fields}&enableUserData=true&startIndex={start}&limit={options.PageSize}",
                    JellyfinJson.Default.JellyfinItems, cancellationToken);
                var items = page?.Items ?? [];
                titles.AddRange(items.Select(ToTitle).OfType<SourcedTitle>());
                if (items.Length == 0 || start + items.Length >= page!.TotalRecordCount) break;
            }
        return titles;
    }

    public Task<byte[]> ImageAsync(string address, CancellationToken cancellationToken) =>
        SourceHttp.ImageAsync(http, address, cancellationToken);

    private async Task<string> AdministratorAsync(CancellationToken cancellationToken)
    {
        var users = await GetAsync("Users", JellyfinJson.Default.JellyfinUserArray, cancellationToken) ?? [];
        return (users.FirstOrDefault(u => u.Policy?.IsAdministrator == true) ?? users.FirstOrDefault())?.Id
            ?? throw new InvalidDataException("Jellyfin lists no users");
    }

    private async Task<IReadOnlyList<JellyfinItem>> LibrariesAsync(string userId, CancellationToken cancellationToken)
    {
        var views = (await GetAsync($"UserViews?userId={Esc(userId)}", JellyfinJson.Default.JellyfinItems, cancellationToken))?.Items ?? [];
        var libraries = views.Where(v => v.CollectionType is "movies" or "tvshows").ToArray();
        if (options.LibraryNames.Count == 0) return libraries;
        var missing = options.LibraryNames.Where(n => !libraries.Any(l => string.Equals(l.Name, n, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (missing.Length > 0)
            throw new InvalidDataException($"Jellyfin has no film or series library named {string.Join(", ", missing)} " +
                $"(it has: {string.Join(", ", libraries.Select(l => l.Name))}); see Trinity:Catalog:Jellyfin:Libraries");
        return libraries.Where(l => options.LibraryNames.Contains(l.Name ?? "", StringComparer.OrdinalIgnoreCase)).ToArray();
    }

    private SourcedTitle? ToTitle(JellyfinItem i)
    {
        MediaType? type = i.Type switch { "Movie" => MediaType.Movie, "Series" => MediaType.Tv, _ => null };
        var title = i.Name?.Trim();
        if (type is null || string.IsNullOrEmpty(title) || i.ProductionYear is not (>= 1870 and <= 2100) || string.IsNullOrEmpty(i.Id)) return null;
        var id = Esc(i.Id);
        var link = $"{options.Url!.TrimEnd('/')}/web/#/details?id={id}" + (i.ServerId is { Length: > 0 } s ? "&serverId=" + Esc(s) : "");
        var item = new MediaItem(MediaIds.For(type.Value, title, i.ProductionYear.Value), title, i.ProductionYear.Value, type.Value,
            GenreNames.ReadAll(i.Genres ?? []), i.Overview?.Trim() ?? "", Math.Round(Math.Clamp(i.CommunityRating ?? 0, 0, 10), 1),
            AvailableOn: [new WatchOption(SourceName.Jellyfin, "library", "Jellyfin", link)]);
        return new SourcedTitle(item, i.UserData?.Played == true,
            Poster: i.ImageTags?.GetValueOrDefault("Primary") is { } tag ? $"Items/{id}/Images/Primary?maxWidth=500&tag={Esc(tag)}" : null,
            Backdrop: i.BackdropImageTags is [var backdrop, ..] ? $"Items/{id}/Images/Backdrop/0?maxWidth=1280&tag={Esc(backdrop)}" : null);
    }

    private Task<T?> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SourceHttp.JsonAsync(http, new HttpRequestMessage(HttpMethod.Get, pathAndQuery), type, cancellationToken);

    private static string Esc(string value) => Uri.EscapeDataString(value);
}
