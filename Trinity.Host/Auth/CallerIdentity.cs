using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Trinity.Actors.Gateway;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Auth;

public static class CallerIdentity
{
    /// <summary>The authenticated caller, from the token's claims.</summary>
    public static Caller ToCaller(this ClaimsPrincipal? user)
    {
        var userId = user?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        if (string.IsNullOrEmpty(userId)) throw new TrinityException(ErrorCodes.Unauthorized, "no identity");
        return new Caller(userId, user!.FindFirst(TokenService.NameClaim)?.Value ?? userId);
    }

    /// <summary>
    /// A principal holding only what <see cref="ToCaller"/> reads. A realtime connection keeps its principal
    /// for as long as it is open, and a validated token's principal also holds the parsed token and all its
    /// claims: about 2 KB per connection.
    /// </summary>
    public static ClaimsPrincipal Slim(ClaimsPrincipal user)
    {
        var caller = user.ToCaller();
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(JwtRegisteredClaimNames.Sub, caller.UserId), new Claim(TokenService.NameClaim, caller.DisplayName)],
            user.Identity?.AuthenticationType, TokenService.NameClaim, null));
    }
}
