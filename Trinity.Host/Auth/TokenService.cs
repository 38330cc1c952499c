using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Trinity.Host.Auth;

public sealed record GuestIdentity(string UserId, string DisplayName, string Token, DateTime ExpiresAt);

/// <summary>Issues and describes the signed guest tokens (HS256; <c>sub</c> = userId, <c>name</c> = display name).</summary>
public sealed class TokenService(SymmetricSecurityKey key, TimeSpan lifetime, TimeProvider clock)
{
    public const string Issuer = "trinity";
    public const string NameClaim = "name";

    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = Issuer,
        ValidateAudience = false,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = NameClaim,
    };

    public GuestIdentity Issue(string userId, string displayName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + lifetime;
        var token = new JwtSecurityToken(Issuer, null,
            [new Claim(JwtRegisteredClaimNames.Sub, userId), new Claim(NameClaim, displayName)],
            now, expires, new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new GuestIdentity(userId, displayName, new JwtSecurityTokenHandler().WriteToken(token), expires);
    }

    public static SymmetricSecurityKey KeyFrom(string secret) => new(Encoding.UTF8.GetBytes(secret));
}
