using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Trinity.Host.Realtime;

/// <summary>This node's open hub connections, so the server can cut one off (IHubContext cannot).</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    public void Opened(HubCallerContext context) => _open[context.ConnectionId] = context;

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    public bool Abort(string connectionId)
    {
        if (!_open.TryGetValue(connectionId, out var context)) return false;
        context.Abort();
        return true;
    }
}
