using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Actors;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Realtime;

/// <summary>Pushes an event to one SignalR connection; the event's name is the client method.</summary>
public sealed class HubClientPush(IHubContext<RealtimeHub> hub) : IClientPush
{
    public Task PushAsync(string connectionId, IClientEvent clientEvent) =>
        hub.Clients.Client(connectionId).SendAsync(clientEvent.EventName, clientEvent);
}
