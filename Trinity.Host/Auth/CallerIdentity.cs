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
}
