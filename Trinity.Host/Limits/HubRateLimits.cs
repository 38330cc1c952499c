using System.Collections.Concurrent;
using System.Reflection;
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
    /// <summary>One bucket: a kind of call by one connection or one user.</summary>
    private readonly record struct Bucket(string Category, string Id);

    private readonly PartitionedRateLimiter<Bucket> _connections = Limiter(options, c => c.Connection);
    private readonly PartitionedRateLimiter<Bucket> _users = Limiter(options, c => c.User);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var category = CategoryOf(context.HubMethod);
        Acquire(_connections, category, context.Context.ConnectionId, "connection");
        Acquire(_users, category, context.Context.User.ToCaller().UserId, "user");
        return await next(context);
    }

    private static readonly ConcurrentDictionary<MethodInfo, string> Categories = new();

    /// <summary>The hub method's <see cref="RateLimitCategoryAttribute"/>, looked up once per method.</summary>
    public static string CategoryOf(MethodInfo method) => Categories.GetOrAdd(method, m =>
        m.GetCustomAttribute<RateLimitCategoryAttribute>()?.Category ?? nameof(RateLimitOptions.Other));

    private static void Acquire(PartitionedRateLimiter<Bucket> limiter, string category, string id, string scope)
    {
        using var lease = limiter.AttemptAcquire(new Bucket(category, id));
        if (lease.IsAcquired) return;
        TrinityMetrics.RateLimited.Add(1, new KeyValuePair<string, object?>("edge", "hub"));
        throw new TrinityException(ErrorCodes.RateLimited, $"too many {category.ToLowerInvariant()} calls for this {scope}; slow down and retry");
    }

    /// <summary>The partitioner runs on every call, so each category's bucket settings are worked out once, here.</summary>
    private static PartitionedRateLimiter<Bucket> Limiter(RateLimitOptions options, Func<CategoryLimits, BucketOptions> scope)
    {
        var settings = typeof(RateLimitOptions).GetProperties()
            .Where(p => p.PropertyType == typeof(CategoryLimits))
            .ToDictionary(p => p.Name, p => scope((CategoryLimits)p.GetValue(options)!).ToLimiterOptions());
        return PartitionedRateLimiter.Create<Bucket, Bucket>(bucket =>
            RateLimitPartition.GetTokenBucketLimiter(bucket, b => settings[b.Category]));
    }

    public void Dispose()
    {
        _connections.Dispose();
        _users.Dispose();
    }
}
