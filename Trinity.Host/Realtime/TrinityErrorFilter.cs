using Microsoft.AspNetCore.SignalR;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Realtime;

/// <summary>Turns a refused call into a HubException whose message starts with its error code; the connection stays open.</summary>
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
}
