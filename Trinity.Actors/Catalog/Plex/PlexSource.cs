using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Trinity.Actors.Catalog.Sources;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog.Plex;

/// <summary>
/// A Plex Media Server's films and shows: its identity (for "open in Plex" links), its sections
/// (<c>/library/sections</c>) and each film or show section's items (<c>/library/sections/{key}/all</c>, paged
/// with <c>X-Plex-Container-Start/Size</c>), watched when the token's account has played them. Posters go
/// through the server's photo transcoder at card width: Plex resizes.
/// </summary>
public sealed class PlexSource(HttpClient http, PlexOptions options) : ITitleSource
{
    public const string HttpClientName = SourceHttp.ClientNamePrefix + "plex";

    public string Name => SourceName.Plex;

    /// <summary>The one place the Plex client is configured: address, the token header, JSON, resilience.</summary>
    public static void Register(IServiceCollection services, PlexOptions options)
    {
        services.AddSourceClient(HttpClientName, options, options.Url!)
            .ConfigureHttpClient(http =>
            {
                http.DefaultRequestHeaders.Add("X-Plex-Token", options.Token);
                http.DefaultRequestHeaders.Add("X-Plex-Product", "Trinity");
                http.DefaultRequestHeaders.Add("X-Plex-Client-Identifier", "trinity");
                http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            });
        services.AddSingleton<ITitleSource>(sp => new PlexSource(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), options));
    }

    public async Task<IReadOnlyList<SourcedTitle>> FetchAsync(CancellationToken cancellationToken)
    {
        var machine = (await GetAsync("identity", null, cancellationToken))?.MachineIdentifier ?? "";
        var titles = new List<SourcedTitle>();
        foreach (var section in await SectionsAsync(cancellationToken))
            for (var start = 0; ; start += options.PageSize)
            {
                var page = await GetAsync($"library/sections/{Esc(section.Key!)}/all", start, cancellationToken);
                var items = page?.Metadata ?? [];
                titles.AddRange(items.Select(m => ToTitle(m, machine)).OfType<SourcedTitle>());
                if (items.Length == 0 || start + items.Length >= (page!.TotalSize ?? start + items.Length)) break;
            }
        return titles;
    }

    public Task<byte[]> ImageAsync(string address, CancellationToken cancellationToken) =>
        SourceHttp.ImageAsync(http, address, cancellationToken);

    private async Task<IReadOnlyList<PlexSection>> SectionsAsync(CancellationToken cancellationToken)
    {
        var sections = ((await GetAsync("library/sections", null, cancellationToken))?.Directory ?? [])
            .Where(s => s.Type is "movie" or "show" && !string.IsNullOrEmpty(s.Key)).ToArray();
        if (options.SectionNames.Count == 0) return sections;
        bool Named(PlexSection s, string n) => string.Equals(s.Title, n, StringComparison.OrdinalIgnoreCase) || s.Key == n;
        var missing = options.SectionNames.Where(n => !sections.Any(s => Named(s, n))).ToArray();
        if (missing.Length > 0)
            throw new InvalidDataException($"Plex has no film or show section named {string.Join(", ", missing)} " +
                $"(it has: {string.Join(", ", sections.Select(s => s.Title))}); see Trinity:Catalog:Plex:Sections");
        return sections.Where(s => options.SectionNames.Any(n => Named(s, n))).ToArray();
    }

    private SourcedTitle? ToTitle(PlexMetadata m, string machine)
    {
        MediaType? type = m.Type switch { "movie" => MediaType.Movie, "show" => MediaType.Tv, _ => null };
        var title = m.Title?.Trim();
        if (type is null || string.IsNullOrEmpty(title) || m.Year is not (>= 1870 and <= 2100) || string.IsNullOrEmpty(m.RatingKey)) return null;
        var key = Esc("/library/metadata/" + m.RatingKey);
        var link = $"{options.Url!.TrimEnd('/')}/web/index.html#!/server/{Esc(machine)}/details?key={key}";
        var item = new MediaItem(MediaIds.For(type.Value, title, m.Year.Value), title, m.Year.Value, type.Value,
            GenreNames.ReadAll((m.Genre ?? []).Select(g => g.Tag)), m.Summary?.Trim() ?? "",
            Math.Round(Math.Clamp(m.AudienceRating ?? m.Rating ?? 0, 0, 10), 1),
            AvailableOn: [new WatchOption(SourceName.Plex, "library", "Plex", link)]);
        return new SourcedTitle(item, m.ViewCount > 0 || m.ViewedLeafCount > 0,
            Poster: Transcoded(m.Thumb, 500, 750), Backdrop: Transcoded(m.Art, 1280, 720));
    }

    private static string? Transcoded(string? path, int width, int height) => string.IsNullOrEmpty(path) ? null :
        $"photo/:/transcode?width={width}&height={height}&minSize=1&upscale=0&url={Esc(path)}";

    private Task<PlexContainer?> GetAsync(string path, int? start, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (start is { } s)
        {
            request.Headers.Add("X-Plex-Container-Start", s.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Plex-Container-Size", options.PageSize.ToString(CultureInfo.InvariantCulture));
        }
        return Contents(SourceHttp.JsonAsync(http, request, PlexJson.Default.PlexAnswer, cancellationToken));

        static async Task<PlexContainer?> Contents(Task<PlexAnswer?> answer) => (await answer)?.MediaContainer;
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);
}
