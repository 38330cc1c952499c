using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Realtime;

/// <summary>
/// The first step of stopping a node: it turns <see cref="Draining"/> (readiness fails, new hub connections
/// are refused with 503) and tells every client connected here to expect a reconnect, before any socket
/// closes. On a signal <see cref="DrainOnSignal"/> runs it before the host stops; a host stopped in-process
/// runs it in StoppingAsync, which comes before ApplicationStopping, when SignalR closes its connections.
/// </summary>
public sealed class ShutdownNotice(IHubContext<RealtimeHub> hub, TimeProvider clock, ILogger<ShutdownNotice> logger) : IHostedLifecycleService
{
    public const string Message = "This server is restarting; you will be reconnected in a moment.";
    private static readonly TimeSpan FlushGrace = TimeSpan.FromMilliseconds(500);
    private readonly Lazy<Task> _drain = new(() => DrainAsync(hub, clock, logger));

    public bool Draining => _drain.IsValueCreated;

    /// <summary>Starts draining, once; every caller awaits the same notice.</summary>
    public Task DrainAsync() => _drain.Value;

    private static async Task DrainAsync(IHubContext<RealtimeHub> hub, TimeProvider clock, ILogger logger)
    {
        logger.LogInformation("Draining: readiness is false, new connections are refused, clients are told to reconnect elsewhere");
        var notice = new SystemMessage(SystemMessageType.Maintenance, Message, clock.GetUtcNow().UtcDateTime);
        await hub.Clients.All.SendAsync(notice.EventName, notice).WaitAsync(TimeSpan.FromSeconds(2));
        // A sent message is only handed to the transport; give the sockets a moment to flush it
        // before connections are closed.
        await Task.Delay(FlushGrace);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => DrainAsync().WaitAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DrainRefusal
{
    /// <summary>A draining node refuses new hub connections (negotiate or WebSocket) with 503: retry on another node.</summary>
    public static IApplicationBuilder RefuseConnectionsWhileDraining(this IApplicationBuilder app, ShutdownNotice notice) =>
        app.Use(async (context, next) =>
        {
            if (notice.Draining && context.Request.Path.StartsWithSegments(Auth.AuthSetup.RealtimePath))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsync("UNAVAILABLE: this node is shutting down; connect to another node");
                return;
            }
            await next();
        });
}
