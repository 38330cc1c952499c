using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Connections;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;

namespace Trinity.Host.Realtime;

/// <summary>
/// Pushes an event to one SignalR connection; the event's name is the client method. A prepared event goes
/// out as its bytes, serialised once for every connection of the node it is pushed to.
/// </summary>
public sealed class HubClientPush(IHubContext<RealtimeHub> hub, OpenHubConnections connections, ILogger<HubClientPush> log) : IClientPush
{
    public Task PushAsync(string connectionId, IClientEvent clientEvent) =>
        hub.Clients.Client(connectionId).SendAsync(clientEvent.EventName, clientEvent);

    public Task PushAsync(string connectionId, PreparedEvent prepared) =>
        hub.Clients.Client(connectionId).SendAsync(prepared.EventName, prepared);

    public void Disconnect(string connectionId, string reason)
    {
        if (connections.Abort(connectionId))
            log.LogWarning("Disconnected connection {ConnectionId}: {Reason}", connectionId, reason);
    }
}
