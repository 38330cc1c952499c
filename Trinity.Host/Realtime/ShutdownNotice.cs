using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Realtime;

/// <summary>
/// On SIGTERM, before this node's connections close and its rooms hand over to other nodes, every
/// client connected here is told to expect a reconnect. StoppingAsync runs before ApplicationStopping,
/// which is when SignalR starts closing connections.
/// </summary>
public sealed class ShutdownNotice(IHubContext<RealtimeHub> hub, TimeProvider clock) : IHostedLifecycleService
{
    public const string Message = "This server is restarting; you will be reconnected in a moment.";
    private static readonly TimeSpan FlushGrace = TimeSpan.FromMilliseconds(500);

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var notice = new SystemMessage(SystemMessageType.Maintenance, Message, clock.GetUtcNow().UtcDateTime);
        await hub.Clients.All.SendAsync(notice.EventName, notice, cancellationToken).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        // A sent message is only handed to the transport; give the sockets a moment to flush it
        // before connections are closed.
        await Task.Delay(FlushGrace, cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
