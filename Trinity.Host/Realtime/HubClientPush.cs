using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Actors;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Realtime;

/// <summary>Pushes an event to one SignalR connection; the event's name is the client method.</summary>
public sealed class HubClientPush(IHubContext<RealtimeHub> hub, ConnectionRegistry connections, ILogger<HubClientPush> log) : IClientPush
{
    public Task PushAsync(string connectionId, IClientEvent clientEvent) =>
        hub.Clients.Client(connectionId).SendAsync(clientEvent.EventName, clientEvent);

    public void Disconnect(string connectionId, string reason)
    {
        if (connections.Abort(connectionId))
            log.LogWarning("Disconnected connection {ConnectionId}: {Reason}", connectionId, reason);
    }
}
