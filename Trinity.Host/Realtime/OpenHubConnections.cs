using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Diagnostics;

namespace Trinity.Host.Realtime;

/// <summary>This node's open hub connections, so the server can cut one off (IHubContext cannot).</summary>
public sealed class OpenHubConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    public void Opened(HubCallerContext context)
    {
        if (_open.TryAdd(context.ConnectionId, context)) TrinityMetrics.Connections.Add(1);
    }

    public void Closed(string connectionId)
    {
        if (_open.TryRemove(connectionId, out _)) TrinityMetrics.Connections.Add(-1);
    }

    public bool Abort(string connectionId)
    {
        if (!_open.TryGetValue(connectionId, out var context)) return false;
        context.Abort();
        return true;
    }
}
