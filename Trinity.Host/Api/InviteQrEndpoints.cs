using QRCoder;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Api;

/// <summary>The invite link as a QR code, for joining from a phone pointed at the TV (docs/PROTOCOL.md section 7).</summary>
public static class InviteQrEndpoints
{
    private const int PixelsPerModule = 8;

    public static void MapInviteQrEndpoints(this IEndpointRouteBuilder api) =>
        // Anonymous, as <img> elements cannot send a token. It never looks the code up, so it tells nobody whether a
        // room has that code: the image is the same for any well-formed code, known or not.
        api.MapGet("/invites/{code}/qr.svg", (string code, HttpContext context) =>
        {
            var normalized = Identifiers.NormalizeInviteCode(code);
            if (!Identifiers.IsInviteCode(normalized))
                throw TrinityException.Validation("code", $"must be {Identifiers.InviteCodeLength} characters A-Z 0-9");
            // The link depends on the host and scheme the request came by (a proxy's, when it forwards them).
            context.Response.Headers.CacheControl = "public, max-age=86400";
            context.Response.Headers.Vary = "Host, X-Forwarded-Proto";
            return Results.Text(Svg(InviteLink(context.Request, normalized)), "image/svg+xml");
        });

    /// <summary><c>{scheme}://{host}{base}/join/{code}</c>, the link the web client shows beside the code.</summary>
    public static string InviteLink(HttpRequest request, string code) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/join/{code}";

    private static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(PixelsPerModule, "#000000", "#ffffff", drawQuietZones: true);
    }
}
