using Microsoft.IdentityModel.JsonWebTokens;
using Trinity.Host.Auth;

namespace Trinity.Host.Tests;

/// <summary>The principal a realtime connection keeps: the same caller as its token's, and nothing more.</summary>
public sealed class CallerIdentityTests
{
    [Fact]
    public async Task A_slim_principal_names_the_same_caller_with_only_its_two_claims()
    {
        var tokens = new TokenService(TokenService.KeyFrom(TrinityServer.SigningKey), TimeSpan.FromHours(1), TimeProvider.System);
        var issued = tokens.Issue("user-1", "Ana");
        var validated = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(issued.Token, tokens.ValidationParameters);
        Assert.True(validated.IsValid);
        var full = new System.Security.Claims.ClaimsPrincipal(validated.ClaimsIdentity);

        var slim = CallerIdentity.Slim(full);

        Assert.Equal(full.ToCaller(), slim.ToCaller());
        Assert.True(slim.Identity!.IsAuthenticated);
        Assert.Equal("Ana", slim.Identity.Name);
        Assert.Equal([JwtRegisteredClaimNames.Sub, TokenService.NameClaim], slim.Claims.Select(c => c.Type));
        Assert.True(full.Claims.Count() > 2, "the token's principal carries more than the caller");
    }
}
