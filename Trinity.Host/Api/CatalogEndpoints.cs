using Trinity.Actors.Catalog;
using Trinity.Actors.Catalog.Sources;
using Trinity.Actors.Domain;

namespace Trinity.Host.Api;

/// <summary>The catalogue's sources and artwork (docs/PROTOCOL.md section 7).</summary>
public static class CatalogEndpoints
{
    /// <summary>One line of <c>GET /api/catalog/sources</c>.</summary>
    public sealed record SourceView(string Name, bool Healthy, int Titles, DateTimeOffset? FetchedAt);

    public static void MapCatalogEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/catalog/sources", (IServiceProvider services) =>
        {
            var embedded = services.GetRequiredService<EmbeddedCatalog>();
            var sources = services.GetService<SourcedCatalog>()?.Sources ?? [];
            return sources.Select(s => new SourceView(s.Name, s.Healthy, s.Titles.Count, s.FetchedAt))
                .Prepend(new SourceView(SourceName.Embedded, true, embedded.All.Count, null));
        }).RequireAuthorization();

        // Anonymous, as <img> elements cannot send a token; the images are the sources' public artwork.
        api.MapGet("/media/{mediaId}/{kind:regex(^(poster|backdrop)$)}", async (string mediaId, string kind, HttpContext context) =>
        {
            if (context.RequestServices.GetService<ArtworkCache>() is not { } artwork
                || await artwork.GetAsync(mediaId, kind == "backdrop", context.RequestAborted) is not { } image)
                return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(image.Bytes, image.ContentType);
        });
    }
}
