using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Protocol;
using Trinity.Host.Auth;

namespace Trinity.Host.Limits;

/// <summary>
/// Token buckets per connection and per user for each kind of hub call. A call over either limit
/// fails with RATE_LIMITED before it reaches a room; the connection stays open.
/// </summary>
public sealed class HubRateLimits(RateLimitOptions options) : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _connections = Limiter(options, c => c.Connection);
    private readonly PartitionedRateLimiter<string> _users = Limiter(options, c => c.User);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var category = CategoryOf(context.HubMethodName);
        Acquire(_connections, category, context.Context.ConnectionId, "connection");
        Acquire(_users, category, context.Context.User.ToCaller().UserId, "user");
        return await next(context);
    }

    public static string CategoryOf(string method) => method switch
    {
        "Vote" => nameof(RateLimitOptions.Votes),
        "CreateRoom" => nameof(RateLimitOptions.Rooms),
        "JoinRoom" => nameof(RateLimitOptions.Joins),
        "SendMessage" => nameof(RateLimitOptions.Chat),
        "RequestRecommendations" => nameof(RateLimitOptions.Recommendations),
        _ => nameof(RateLimitOptions.Other),
    };

    private static void Acquire(PartitionedRateLimiter<string> limiter, string category, string id, string scope)
    {
        using var lease = limiter.AttemptAcquire($"{category}|{id}");
        if (lease.IsAcquired) return;
        TrinityMetrics.RateLimited.Add(1, new KeyValuePair<string, object?>("edge", "hub"));
        throw new TrinityException(ErrorCodes.RateLimited, $"too many {category.ToLowerInvariant()} calls for this {scope}; slow down and retry");
    }

    private static PartitionedRateLimiter<string> Limiter(RateLimitOptions options, Func<CategoryLimits, BucketOptions> scope) =>
        PartitionedRateLimiter.Create<string, string>(key =>
        {
            var category = key[..key.IndexOf('|')];
            var limits = (CategoryLimits)typeof(RateLimitOptions).GetProperty(category)!.GetValue(options)!;
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => scope(limits).ToLimiterOptions());
        });

    public void Dispose()
    {
        _connections.Dispose();
        _users.Dispose();
    }
}
