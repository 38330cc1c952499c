using System.Security.Claims;
using System.Text.Json;
using Trinity.Actors.Catalog;
using Trinity.Actors.Gateway;
using Trinity.Actors.Protocol;
using Trinity.Host.Auth;
using Trinity.Host.Limits;
using Trinity.Host.Realtime;

namespace Trinity.Host.Api;

/// <summary>The REST API of docs/PROTOCOL.md section 7: the same gateway, rules and events as the hub.</summary>
public static class RoomEndpoints
{
    public static void MapRoomEndpoints(this IEndpointRouteBuilder api)
    {
        var rooms = api.MapGroup("").RequireAuthorization();

        rooms.MapPost("/rooms", (JsonElement? body, ClaimsPrincipal user, RoomGateway gateway) =>
            gateway.CreateAsync(user.ToCaller(), WireBinding.Bind<CreateRoomRequest>(body), subscriber: null));

        rooms.MapPost("/rooms/join", (JsonElement? body, HttpContext http, InviteCodeGuard codes) =>
        {
            var request = WireBinding.Bind<JoinRoomRequest>(body);
            if (string.IsNullOrWhiteSpace(request.InviteCode)) throw TrinityException.Validation("inviteCode", "is required");
            return codes.JoinAsync(http.User.ToCaller(), ClientAddress.Of(http), request, subscriber: null);
        });

        rooms.MapGet("/rooms/{roomId}", (string roomId, ClaimsPrincipal user, RoomGateway gateway) =>
            gateway.GetStateAsync(user.ToCaller(), new RoomRequest(roomId)));

        rooms.MapPost("/rooms/{roomId}/votes", (string roomId, JsonElement? body, ClaimsPrincipal user, RoomGateway gateway) =>
            gateway.VoteAsync(user.ToCaller(), WireBinding.Bind<VoteRequest>(body) with { RoomId = roomId }));

        rooms.MapDelete("/rooms/{roomId}/votes/{mediaId}", (string roomId, string mediaId, ClaimsPrincipal user, RoomGateway gateway) =>
            gateway.UndoVoteAsync(user.ToCaller(), new UndoVoteRequest(roomId, mediaId)));

        rooms.MapPost("/rooms/{roomId}/decide", (string roomId, ClaimsPrincipal user, RoomGateway gateway) =>
            gateway.DecideAsync(user.ToCaller(), new RoomRequest(roomId)));

        rooms.MapGet("/rooms/{roomId}/matches", async (string roomId, ClaimsPrincipal user, RoomGateway gateway) =>
            (await gateway.GetStateAsync(user.ToCaller(), new RoomRequest(roomId))).Matches);

        rooms.MapGet("/me/rooms", (ClaimsPrincipal user, RoomGateway gateway) => gateway.MyRoomsAsync(user.ToCaller()));

        api.MapGet("/media", (string? genre, string? type, string? q, ICatalog catalog) =>
        {
            MediaType? mediaType = type switch
            {
                null or "" => null,
                "movie" => MediaType.Movie,
                "tv" => MediaType.Tv,
                _ => throw TrinityException.Validation("type", "must be movie or tv"),
            };
            return TitleSelection.Browse(catalog.All, genre, mediaType, q);
        }).RequireAuthorization();
    }
}
