using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Realtime;

/// <summary>
/// Turns a refused call into a HubException whose message starts with its error code; the connection stays open.
/// Logs what fails unexpectedly in calls and in connecting or disconnecting, and nothing that is a refusal.
/// </summary>
public sealed class TrinityErrorFilter(ILogger<TrinityErrorFilter> log) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (TrinityException e)
        {
            throw new HubException(e.Message);
        }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            log.LogError(e, "Hub method {Method} failed for connection {ConnectionId}", context.HubMethodName, context.Context.ConnectionId);
            throw new HubException($"{ErrorCodes.Unavailable}: the server could not complete the call; safe to retry");
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (e is not HubException)
        {
            log.LogError(e, "Connecting {ConnectionId} failed", context.Context.ConnectionId);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        catch (Exception e)
        {
            log.LogError(e, "Disconnecting {ConnectionId} failed", context.Context.ConnectionId);
            throw;
        }
    }
}
