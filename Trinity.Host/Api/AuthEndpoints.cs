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
            tokens.Issue("u" + Identifiers.NewRoomId()[1..], DisplayName(body)));

        // A still-valid token buys a fresh one for the same user, so a client never has to lose its identity;
        // with a displayName, the fresh token carries that name (a rename).
        api.MapPost("/auth/refresh", (JsonElement? body, ClaimsPrincipal user, TokenService tokens) =>
        {
            var caller = user.ToCaller();
            return tokens.Issue(caller.UserId, body is { ValueKind: JsonValueKind.Object } ? DisplayName(body) : caller.DisplayName);
        }).RequireAuthorization();
    }

    /// <summary>The request's display name, trimmed: 1 to <see cref="MaxDisplayNameLength"/> characters.</summary>
    private static string DisplayName(JsonElement? body)
    {
        var name = WireBinding.Bind<GuestRequest>(body).DisplayName?.Trim();
        if (string.IsNullOrEmpty(name)) throw TrinityException.Validation("displayName", "is required");
        return name.Length <= MaxDisplayNameLength ? name
            : throw TrinityException.Validation("displayName", $"must be at most {MaxDisplayNameLength} characters");
    }
}
