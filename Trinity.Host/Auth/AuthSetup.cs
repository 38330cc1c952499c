using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;
using Trinity.Host.Web;

namespace Trinity.Host.Auth;

public static class AuthSetup
{
    public const string RealtimePath = "/realtime";

    /// <summary>
    /// JWT bearer auth for REST and the hub (WebSockets carry the token as <c>?access_token=</c>), plus the
    /// optional <c>?userId=</c> compatibility mode, which is served by issuing that user a token on the spot.
    /// </summary>
    /// <param name="dataDir">where a Development node keeps its generated key</param>
    public static IServiceCollection AddTrinityAuth(this IServiceCollection services, AuthOptions options, string dataDir, IHostEnvironment environment)
    {
        var secret = options.SigningKey is { Length: > 0 } configured ? configured
            : environment.IsDevelopment() ? DevelopmentKey(dataDir)
            : throw new InvalidOperationException(
                "Trinity:Auth:SigningKey is required outside Development (at least 32 characters), " +
                "e.g. the environment variable Trinity__Auth__SigningKey.");
        var allowQueryUserId = options.AllowQueryUserId ?? environment.IsDevelopment();

        services.AddSingleton(sp => new TokenService(TokenService.KeyFrom(secret), options.TokenLifetime, sp.GetRequiredService<TimeProvider>()));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenService>((jwt, tokens) =>
            {
                jwt.MapInboundClaims = false;
                jwt.SaveToken = false; // nothing reads the raw token back, and a connection would hold it while open
                jwt.TokenValidationParameters = tokens.ValidationParameters;
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (!context.HttpContext.Request.Path.StartsWithSegments(RealtimePath)) return Task.CompletedTask;
                        var query = context.Request.Query;
                        if (query["access_token"] is { Count: > 0 } token)
                            context.Token = token.ToString();
                        else if (allowQueryUserId && query["userId"].ToString() is { Length: > 0 } userId && Identifiers.IsPlausibleId(userId))
                            context.Token = tokens.Issue(userId, userId).Token;
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments(RealtimePath) && context.Principal is { } user)
                            context.Principal = CallerIdentity.Slim(user);
                        return Task.CompletedTask;
                    },
                    OnChallenge = context =>
                    {
                        context.HandleResponse();
                        return ApiErrors.WriteAsync(context.HttpContext, ErrorCodes.Unauthorized, "a valid bearer token is required");
                    },
                };
            });
        services.AddAuthorization();
        return services;
    }

    /// <summary>A development key kept in the data directory, so tokens survive restarts of a dev server.</summary>
    private static string DevelopmentKey(string dataDir)
    {
        var path = Path.Combine(Path.GetFullPath(dataDir), "dev-signing-key");
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(path, key);
        return key;
    }
}
