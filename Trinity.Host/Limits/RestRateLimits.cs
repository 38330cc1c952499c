using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Protocol;
using Trinity.Host.Web;

namespace Trinity.Host.Limits;

/// <summary>
/// ASP.NET Core's rate limiter for <c>/api</c>: per signed-in user, and per address for guest sign-ins (a
/// bucket, and a ceiling over any hour so identities do not pile up); 429 RATE_LIMITED.
/// </summary>
public static class RestRateLimits
{
    public static IServiceCollection AddTrinityRestRateLimits(this IServiceCollection services, RateLimitOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                TrinityMetrics.RateLimited.Add(1, new KeyValuePair<string, object?>("edge", "rest"));
                return new ValueTask(ApiErrors.WriteAsync(context.HttpContext, ErrorCodes.RateLimited, IsGuestSignIn(context.HttpContext)
                    ? "too many guest sign-ins from this address; retry later" : "too many requests; slow down and retry"));
            };
            var guestsPerHour = new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.Guests.PerHour, Window = TimeSpan.FromHours(1), SegmentsPerWindow = 12, QueueLimit = 0,
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    if (!http.Request.Path.StartsWithSegments("/api")) return RateLimitPartition.GetNoLimiter("unlimited");
                    if (IsGuestSignIn(http))
                        return RateLimitPartition.GetTokenBucketLimiter("guest|" + ClientAddress.Of(http), _ => options.Guests.ToLimiterOptions());
                    var user = http.User.FindFirst("sub")?.Value ?? "address|" + ClientAddress.Of(http);
                    return RateLimitPartition.GetTokenBucketLimiter("rest|" + user, _ => options.Rest.ToLimiterOptions());
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsGuestSignIn(http)
                    ? RateLimitPartition.GetSlidingWindowLimiter(ClientAddress.Of(http), _ => guestsPerHour)
                    : RateLimitPartition.GetNoLimiter("")));
        });

    private static bool IsGuestSignIn(HttpContext http) => http.Request.Path.StartsWithSegments("/api/auth/guest");
}
