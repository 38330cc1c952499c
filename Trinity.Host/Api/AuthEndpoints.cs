using System.Security.Claims;
using System.Text.Json;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;
using Trinity.Host.Auth;
using Trinity.Host.Realtime;

namespace Trinity.Host.Api;

public sealed record GuestRequest(string? DisplayName);

public static class AuthEndpoints
{
    public const int MaxDisplayNameLength = 40;

    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/guest", (JsonElement? body, TokenService tokens) =>
        {
            var name = WireBinding.Bind<GuestRequest>(body).DisplayName?.Trim();
            if (string.IsNullOrEmpty(name)) throw TrinityException.Validation("displayName", "is required");
            if (name.Length > MaxDisplayNameLength)
                throw TrinityException.Validation("displayName", $"must be at most {MaxDisplayNameLength} characters");
            return tokens.Issue("u" + Identifiers.NewRoomId()[1..], name);
        });

        // A still-valid token buys a fresh one for the same user, so a client never has to lose its identity.
        api.MapPost("/auth/refresh", (ClaimsPrincipal user, TokenService tokens) =>
        {
            var caller = user.ToCaller();
            return tokens.Issue(caller.UserId, caller.DisplayName);
        }).RequireAuthorization();
    }
}
