using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Protocol;
using Trinity.Host.Auth;

namespace Trinity.Host.Limits;

/// <summary>
/// Caps on open realtime connections per user, per client address and per node. A connection over a
/// cap is refused at negotiate (429, or 503 for the node's cap, <c>{ code: "RATE_LIMITED", message }</c>);
/// one that slipped past in a race (or skipped negotiate) is closed on connect with <c>RATE_LIMITED: ...</c>.
/// </summary>
public sealed class ConnectionCaps(RateLimitOptions options) : IHubFilter
{
    private const string CountedKey = "trinity.connection-counted";
    private readonly ConnectionLimits _limits = options.Connections;
    private readonly Dictionary<string, int> _users = new();
    private readonly Dictionary<string, int> _addresses = new();
    private int _total;

    /// <summary>Why one more connection would be refused (and the HTTP status for it), or null when it may open.</summary>
    private (int Status, string Message)? Refusal(string userId, string address)
    {
        lock (_users)
            return _total >= _limits.PerNode ? (StatusCodes.Status503ServiceUnavailable, "this server has all the connections it takes; try again shortly")
                : _users.GetValueOrDefault(userId) >= _limits.PerUser ? (StatusCodes.Status429TooManyRequests, $"this user already has {_limits.PerUser} open connections; close one first")
                : _addresses.GetValueOrDefault(address) >= _limits.PerAddress ? (StatusCodes.Status429TooManyRequests, $"this address already has {_limits.PerAddress} open connections")
                : null;
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var (user, address) = Of(context.Context);
        lock (_users)
        {
            if (Refusal(user, address) is { } refusal)
            {
                TrinityMetrics.RateLimited.Add(1, new KeyValuePair<string, object?>("edge", "connection"));
                throw new HubException($"{ErrorCodes.RateLimited}: {refusal.Message}");
            }
            Count(user, address, +1);
        }
        context.Context.Items[CountedKey] = true;
        try
        {
            await next(context);
        }
        catch
        {
            Release(context.Context);
            throw;
        }
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Release(context.Context);
        return next(context, exception);
    }

    /// <summary>Middleware: refuses a negotiate over a cap with a status and a sentence, before any connection exists.</summary>
    public async Task Negotiate(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Path.StartsWithSegments(AuthSetup.RealtimePath + "/negotiate") && http.User.Identity?.IsAuthenticated == true
            && Refusal(http.User.ToCaller().UserId, ClientAddress.Of(http)) is { } refusal)
        {
            TrinityMetrics.RateLimited.Add(1, new KeyValuePair<string, object?>("edge", "connection"));
            http.Response.StatusCode = refusal.Status;
            await http.Response.WriteAsJsonAsync(new { code = ErrorCodes.RateLimited, message = refusal.Message });
            return;
        }
        await next(http);
    }

    private void Release(HubCallerContext context)
    {
        if (!context.Items.Remove(CountedKey)) return;
        var (user, address) = Of(context);
        lock (_users) Count(user, address, -1);
    }

    private static (string User, string Address) Of(HubCallerContext context) =>
        (context.User.ToCaller().UserId, ClientAddress.Of(context.GetHttpContext()));

    private void Count(string user, string address, int delta)
    {
        _total += delta;
        Add(_users, user, delta);
        Add(_addresses, address, delta);
    }

    private static void Add(Dictionary<string, int> counts, string key, int delta)
    {
        var count = counts.GetValueOrDefault(key) + delta;
        if (count > 0) counts[key] = count;
        else counts.Remove(key);
    }
}
