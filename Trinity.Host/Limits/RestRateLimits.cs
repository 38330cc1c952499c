using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Protocol;
using Trinity.Host.Api;

namespace Trinity.Host.Limits;

/// <summary>ASP.NET Core's rate limiter for <c>/api</c>: per signed-in user, and per address for guest sign-ins; 429 RATE_LIMITED.</summary>
public static class RestRateLimits
{
    public static IServiceCollection AddTrinityRestRateLimits(this IServiceCollection services, RateLimitOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                TrinityMetrics.RateLimited.Add(1, new KeyValuePair<string, object?>("edge", "rest"));
                return new ValueTask(ApiErrors.WriteAsync(context.HttpContext, ErrorCodes.RateLimited, "too many requests; slow down and retry"));
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var path = http.Request.Path;
                if (!path.StartsWithSegments("/api")) return RateLimitPartition.GetNoLimiter("unlimited");
                if (path.StartsWithSegments("/api/auth/guest"))
                    return RateLimitPartition.GetTokenBucketLimiter("guest|" + http.Connection.RemoteIpAddress,
                        _ => options.Guests.ToLimiterOptions());
                var user = http.User.FindFirst("sub")?.Value ?? "address|" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter("rest|" + user, _ => options.Rest.ToLimiterOptions());
            });
        });
}
